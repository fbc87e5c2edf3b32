CREATE TABLE "product_proposals" (
	"id" serial PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"state" text NOT NULL,
	"state_lgd_code" integer NOT NULL,
	"district_lgd_code" integer NOT NULL,
	"product_slug" text,
	"name" text,
	"sector_code" text,
	"hs_heading" text,
	"rank" text,
	"basis" text[] NOT NULL,
	"producers_and_units" text,
	"production" text,
	"gi_id" integer,
	"evidence" text,
	"decision_id" integer,
	"reason" text,
	"revision_id" text,
	"proposed_by" integer NOT NULL,
	"is_demo" boolean DEFAULT false NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "proposal_steps" (
	"id" serial PRIMARY KEY NOT NULL,
	"proposal_id" integer NOT NULL,
	"transition" text NOT NULL,
	"to_state" text NOT NULL,
	"actor_user_id" integer,
	"actor_role" text NOT NULL,
	"reason" text,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "list_revisions" ALTER COLUMN "file_sha256" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "list_revisions" ADD COLUMN "status" text DEFAULT 'published' NOT NULL;--> statement-breakpoint
ALTER TABLE "list_revisions" ADD COLUMN "based_on" text;--> statement-breakpoint
ALTER TABLE "list_revisions" ADD COLUMN "version" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "product_proposals" ADD CONSTRAINT "product_proposals_state_lgd_code_states_lgd_code_fk" FOREIGN KEY ("state_lgd_code") REFERENCES "public"."states"("lgd_code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "product_proposals" ADD CONSTRAINT "product_proposals_district_lgd_code_districts_lgd_code_fk" FOREIGN KEY ("district_lgd_code") REFERENCES "public"."districts"("lgd_code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "product_proposals" ADD CONSTRAINT "product_proposals_sector_code_sectors_code_fk" FOREIGN KEY ("sector_code") REFERENCES "public"."sectors"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "product_proposals" ADD CONSTRAINT "product_proposals_hs_heading_hs_codes_code_fk" FOREIGN KEY ("hs_heading") REFERENCES "public"."hs_codes"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "product_proposals" ADD CONSTRAINT "product_proposals_gi_id_gi_registrations_id_fk" FOREIGN KEY ("gi_id") REFERENCES "public"."gi_registrations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "product_proposals" ADD CONSTRAINT "product_proposals_revision_id_list_revisions_id_fk" FOREIGN KEY ("revision_id") REFERENCES "public"."list_revisions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "proposal_steps" ADD CONSTRAINT "proposal_steps_proposal_id_product_proposals_id_fk" FOREIGN KEY ("proposal_id") REFERENCES "public"."product_proposals"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "product_proposals_place" ON "product_proposals" USING btree ("state_lgd_code","district_lgd_code","state");--> statement-breakpoint
CREATE INDEX "proposal_steps_proposal" ON "proposal_steps" USING btree ("proposal_id");--> statement-breakpoint
CREATE UNIQUE INDEX "list_revisions_one_draft" ON "list_revisions" USING btree ("status") WHERE "list_revisions"."status" = 'draft';