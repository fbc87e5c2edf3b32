CREATE TABLE "insight_figures" (
	"run_id" integer NOT NULL,
	"figure" text NOT NULL,
	"dim" text NOT NULL,
	"state_lgd_code" integer,
	"district_lgd_code" integer,
	"month" text,
	"is_demo" boolean NOT NULL,
	"value" double precision NOT NULL,
	"n" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "insight_runs" (
	"id" serial PRIMARY KEY NOT NULL,
	"started_at" timestamp with time zone NOT NULL,
	"finished_at" timestamp with time zone DEFAULT now() NOT NULL,
	"row_count" integer NOT NULL,
	"millis" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "ranking_rows" (
	"year" integer NOT NULL,
	"district_lgd_code" integer NOT NULL,
	"state_lgd_code" integer NOT NULL,
	"score" double precision NOT NULL,
	"national_rank" integer NOT NULL,
	"state_rank" integer NOT NULL,
	"indicators" jsonb NOT NULL,
	CONSTRAINT "ranking_rows_year_district_lgd_code_pk" PRIMARY KEY("year","district_lgd_code")
);
--> statement-breakpoint
CREATE TABLE "ranking_snapshots" (
	"year" integer PRIMARY KEY NOT NULL,
	"weights" jsonb NOT NULL,
	"figures_as_of" timestamp with time zone NOT NULL,
	"published_by" integer NOT NULL,
	"published_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "ranking_weights" (
	"indicator" text PRIMARY KEY NOT NULL,
	"weight" integer NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_by" integer,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "insight_figures" ADD CONSTRAINT "insight_figures_run_id_insight_runs_id_fk" FOREIGN KEY ("run_id") REFERENCES "public"."insight_runs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ranking_rows" ADD CONSTRAINT "ranking_rows_year_ranking_snapshots_year_fk" FOREIGN KEY ("year") REFERENCES "public"."ranking_snapshots"("year") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "insight_figures_run" ON "insight_figures" USING btree ("run_id","figure","state_lgd_code");--> statement-breakpoint
CREATE INDEX "ranking_rows_state" ON "ranking_rows" USING btree ("year","state_lgd_code","state_rank");--> statement-breakpoint
-- A published ranking stays as published: its snapshot and rows refuse any change.
CREATE FUNCTION "ranking_fixed_once_published"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% is fixed once published: % refused', TG_TABLE_NAME, TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$;
--> statement-breakpoint
CREATE TRIGGER "ranking_snapshots_fixed" BEFORE UPDATE OR DELETE ON "ranking_snapshots"
  FOR EACH ROW EXECUTE FUNCTION "ranking_fixed_once_published"();
--> statement-breakpoint
CREATE TRIGGER "ranking_rows_fixed" BEFORE UPDATE OR DELETE ON "ranking_rows"
  FOR EACH ROW EXECUTE FUNCTION "ranking_fixed_once_published"();
