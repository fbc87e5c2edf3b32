CREATE TABLE "rendered_documents" (
	"key" text NOT NULL,
	"lang" text NOT NULL,
	"stamp" text NOT NULL,
	"body" "bytea" NOT NULL,
	"rendered_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "rendered_documents_key_lang_pk" PRIMARY KEY("key","lang")
);
--> statement-breakpoint
CREATE TABLE "bottleneck_categories" (
	"code" text PRIMARY KEY NOT NULL,
	"name_en" text NOT NULL,
	"name_hi" text NOT NULL,
	"position" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "bottleneck_events" (
	"id" serial PRIMARY KEY NOT NULL,
	"bottleneck_id" integer NOT NULL,
	"kind" text NOT NULL,
	"body" text DEFAULT '' NOT NULL,
	"by_user_id" integer,
	"by_name" text,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "bottleneck_evidence" (
	"id" serial PRIMARY KEY NOT NULL,
	"bottleneck_id" integer NOT NULL,
	"file_name" text NOT NULL,
	"content_type" text NOT NULL,
	"bytes" integer NOT NULL,
	"storage_key" text NOT NULL,
	"uploaded_by" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "bottlenecks" (
	"id" serial PRIMARY KEY NOT NULL,
	"plan_id" integer NOT NULL,
	"state_lgd_code" integer NOT NULL,
	"district_lgd_code" integer NOT NULL,
	"category" text NOT NULL,
	"description" text NOT NULL,
	"severity" text NOT NULL,
	"owner_agency" text NOT NULL,
	"due_date" date NOT NULL,
	"status" text NOT NULL,
	"escalated_at" timestamp with time zone,
	"reminded_at" timestamp with time zone,
	"resolved_at" timestamp with time zone,
	"is_demo" boolean DEFAULT false NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "intervention_events" (
	"id" serial PRIMARY KEY NOT NULL,
	"intervention_id" integer NOT NULL,
	"progress" integer NOT NULL,
	"status" text NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"by_name" text,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "interventions" (
	"id" serial PRIMARY KEY NOT NULL,
	"plan_id" integer NOT NULL,
	"parent_id" integer,
	"title" text NOT NULL,
	"owner" text NOT NULL,
	"starts_on" date NOT NULL,
	"ends_on" date NOT NULL,
	"weight" integer DEFAULT 1 NOT NULL,
	"status" text DEFAULT 'planned' NOT NULL,
	"progress" integer DEFAULT 0 NOT NULL,
	"decision_id" integer,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "plan_products" (
	"id" serial PRIMARY KEY NOT NULL,
	"plan_id" integer NOT NULL,
	"product_slug" text,
	"name" text NOT NULL,
	"hs_headings" text[] NOT NULL,
	"markets" jsonb NOT NULL,
	"position" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "plan_targets" (
	"id" serial PRIMARY KEY NOT NULL,
	"plan_id" integer NOT NULL,
	"measure" text NOT NULL,
	"label" text DEFAULT '' NOT NULL,
	"unit" text DEFAULT '' NOT NULL,
	"year" integer NOT NULL,
	"target" numeric,
	"actual" numeric
);
--> statement-breakpoint
ALTER TABLE "bottleneck_events" ADD CONSTRAINT "bottleneck_events_bottleneck_id_bottlenecks_id_fk" FOREIGN KEY ("bottleneck_id") REFERENCES "public"."bottlenecks"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bottleneck_evidence" ADD CONSTRAINT "bottleneck_evidence_bottleneck_id_bottlenecks_id_fk" FOREIGN KEY ("bottleneck_id") REFERENCES "public"."bottlenecks"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bottlenecks" ADD CONSTRAINT "bottlenecks_plan_id_export_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."export_plans"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bottlenecks" ADD CONSTRAINT "bottlenecks_category_bottleneck_categories_code_fk" FOREIGN KEY ("category") REFERENCES "public"."bottleneck_categories"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "intervention_events" ADD CONSTRAINT "intervention_events_intervention_id_interventions_id_fk" FOREIGN KEY ("intervention_id") REFERENCES "public"."interventions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "interventions" ADD CONSTRAINT "interventions_plan_id_export_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."export_plans"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_products" ADD CONSTRAINT "plan_products_plan_id_export_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."export_plans"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_targets" ADD CONSTRAINT "plan_targets_plan_id_export_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."export_plans"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "bottleneck_events_of" ON "bottleneck_events" USING btree ("bottleneck_id");--> statement-breakpoint
CREATE INDEX "bottleneck_evidence_of" ON "bottleneck_evidence" USING btree ("bottleneck_id");--> statement-breakpoint
CREATE INDEX "bottlenecks_plan" ON "bottlenecks" USING btree ("plan_id");--> statement-breakpoint
CREATE INDEX "bottlenecks_due" ON "bottlenecks" USING btree ("status","due_date");--> statement-breakpoint
CREATE INDEX "bottlenecks_queue" ON "bottlenecks" USING btree ("status","state_lgd_code");--> statement-breakpoint
CREATE INDEX "intervention_events_of" ON "intervention_events" USING btree ("intervention_id");--> statement-breakpoint
CREATE INDEX "interventions_plan" ON "interventions" USING btree ("plan_id");--> statement-breakpoint
CREATE INDEX "interventions_decision" ON "interventions" USING btree ("decision_id");--> statement-breakpoint
CREATE INDEX "plan_products_plan" ON "plan_products" USING btree ("plan_id");--> statement-breakpoint
CREATE UNIQUE INDEX "plan_targets_one" ON "plan_targets" USING btree ("plan_id","measure","year");--> statement-breakpoint
-- The nine categories of bottleneck the programme names (the administrator adds more).
INSERT INTO "bottleneck_categories" ("code", "name_en", "name_hi", "position") VALUES
('infrastructure', 'Infrastructure', 'अवसंरचना', 1),
('logistics', 'Logistics', 'लॉजिस्टिक्स', 2),
('testing', 'Testing and certification', 'परीक्षण और प्रमाणन', 3),
('packaging', 'Packaging', 'पैकेजिंग', 4),
('finance', 'Finance and credit', 'वित्त और ऋण', 5),
('skills', 'Skills', 'कौशल', 6),
('marketing', 'Marketing and branding', 'विपणन और ब्रांडिंग', 7),
('regulatory', 'Regulatory', 'नियामक', 8),
('other', 'Other', 'अन्य', 9);--> statement-breakpoint
-- Rows that come with the schema: a restore replaces them with the backup's (decision 011).
COMMENT ON TABLE "bottleneck_categories" IS 'reference: rows seeded by a migration';
