CREATE TABLE "committee_members" (
	"id" serial PRIMARY KEY NOT NULL,
	"committee_id" integer NOT NULL,
	"person_name" text,
	"user_id" integer,
	"role" text NOT NULL,
	"designation" text NOT NULL,
	"organisation" text,
	"from_date" date NOT NULL,
	"to_date" date,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "committees" (
	"id" serial PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"state_lgd_code" integer NOT NULL,
	"district_lgd_code" integer,
	"name_en" text NOT NULL,
	"name_hi" text NOT NULL,
	"is_demo" boolean DEFAULT false NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "committee_members" ADD CONSTRAINT "committee_members_committee_id_committees_id_fk" FOREIGN KEY ("committee_id") REFERENCES "public"."committees"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "committee_members" ADD CONSTRAINT "committee_members_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "committees" ADD CONSTRAINT "committees_state_lgd_code_states_lgd_code_fk" FOREIGN KEY ("state_lgd_code") REFERENCES "public"."states"("lgd_code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "committees" ADD CONSTRAINT "committees_district_lgd_code_districts_lgd_code_fk" FOREIGN KEY ("district_lgd_code") REFERENCES "public"."districts"("lgd_code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "committee_members_committee" ON "committee_members" USING btree ("committee_id");--> statement-breakpoint
CREATE UNIQUE INDEX "committees_one_per_place" ON "committees" USING btree ("kind","state_lgd_code",coalesce("district_lgd_code", 0));