CREATE TABLE "export_plans" (
	"id" serial PRIMARY KEY NOT NULL,
	"state_lgd_code" integer NOT NULL,
	"district_lgd_code" integer NOT NULL,
	"from_year" integer NOT NULL,
	"to_year" integer NOT NULL,
	"version_no" integer DEFAULT 1 NOT NULL,
	"revises_id" integer,
	"state" text NOT NULL,
	"strategy" text DEFAULT '' NOT NULL,
	"decision_id" integer,
	"adopted_at" timestamp with time zone,
	"created_by" integer NOT NULL,
	"is_demo" boolean DEFAULT false NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "plan_comments" (
	"id" serial PRIMARY KEY NOT NULL,
	"plan_id" integer NOT NULL,
	"author_user_id" integer NOT NULL,
	"author_name" text NOT NULL,
	"section" text NOT NULL,
	"body" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "export_plans" ADD CONSTRAINT "export_plans_state_lgd_code_states_lgd_code_fk" FOREIGN KEY ("state_lgd_code") REFERENCES "public"."states"("lgd_code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "export_plans" ADD CONSTRAINT "export_plans_district_lgd_code_districts_lgd_code_fk" FOREIGN KEY ("district_lgd_code") REFERENCES "public"."districts"("lgd_code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_comments" ADD CONSTRAINT "plan_comments_plan_id_export_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."export_plans"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "export_plans_one_current" ON "export_plans" USING btree ("district_lgd_code","from_year") WHERE "export_plans"."state" <> 'superseded';--> statement-breakpoint
CREATE INDEX "export_plans_state" ON "export_plans" USING btree ("state_lgd_code","state");--> statement-breakpoint
CREATE INDEX "plan_comments_plan" ON "plan_comments" USING btree ("plan_id");