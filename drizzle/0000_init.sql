CREATE EXTENSION IF NOT EXISTS pg_trgm;--> statement-breakpoint
CREATE TABLE "district_exports" (
	"id" serial PRIMARY KEY NOT NULL,
	"fiscal_year" text NOT NULL,
	"state_lgd_code" integer,
	"district_lgd_code" integer,
	"state_as_given" text NOT NULL,
	"district_as_given" text NOT NULL,
	"district_match" text NOT NULL,
	"sector" text NOT NULL,
	"export_usd" bigint NOT NULL,
	"export_inr" bigint NOT NULL,
	"avg_pci" double precision,
	"eci" double precision,
	"source_file" text NOT NULL,
	"source_row" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "gi_registrations" (
	"id" serial PRIMARY KEY NOT NULL,
	"list_serial_no" integer NOT NULL,
	"name" text NOT NULL,
	"name_norm" text NOT NULL,
	"goods_category" text NOT NULL,
	"goods_category_raw" text NOT NULL,
	"states" text[] NOT NULL,
	"origin" text NOT NULL,
	"duplicate_of_serial" integer,
	"source_file" text NOT NULL,
	"source_row" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "hs_codes" (
	"code" text PRIMARY KEY NOT NULL,
	"section_code" text,
	"description" text NOT NULL,
	"parent_code" text,
	"level" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "hs_sections" (
	"code" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "import_runs" (
	"id" serial PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"files" jsonb NOT NULL,
	"started_at" timestamp with time zone NOT NULL,
	"finished_at" timestamp with time zone NOT NULL,
	"report" jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "list_revisions" (
	"id" text PRIMARY KEY NOT NULL,
	"title_en" text NOT NULL,
	"title_hi" text NOT NULL,
	"source" text NOT NULL,
	"source_file" text NOT NULL,
	"file_sha256" text NOT NULL,
	"published_at" date NOT NULL,
	"effective_at" date NOT NULL,
	"notes" text DEFAULT '' NOT NULL,
	"is_live" boolean DEFAULT false NOT NULL,
	"imported_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "product_gi_links" (
	"product_id" integer NOT NULL,
	"gi_id" integer NOT NULL,
	"status" text NOT NULL,
	"basis" text NOT NULL,
	CONSTRAINT "product_gi_links_product_id_gi_id_pk" PRIMARY KEY("product_id","gi_id")
);
--> statement-breakpoint
CREATE TABLE "product_hs_headings" (
	"product_id" integer NOT NULL,
	"hs_code" text NOT NULL,
	CONSTRAINT "product_hs_headings_product_id_hs_code_pk" PRIMARY KEY("product_id","hs_code")
);
--> statement-breakpoint
CREATE TABLE "products" (
	"id" serial PRIMARY KEY NOT NULL,
	"revision_id" text NOT NULL,
	"state_lgd_code" integer NOT NULL,
	"district_lgd_code" integer NOT NULL,
	"name" text NOT NULL,
	"name_norm" text NOT NULL,
	"slug" text NOT NULL,
	"rank" text NOT NULL,
	"sector_code" text,
	"sector_set_by" text NOT NULL,
	"sector_rule" text,
	"description" text,
	"gi_status_as_published" text,
	"photo_url" text,
	"state_as_published" text NOT NULL,
	"district_as_published" text NOT NULL,
	"district_match" text NOT NULL,
	"source_file" text NOT NULL,
	"source_row" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sectors" (
	"code" text PRIMARY KEY NOT NULL,
	"name_en" text NOT NULL,
	"name_hi" text NOT NULL,
	"sort_order" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "district_aliases" (
	"id" serial PRIMARY KEY NOT NULL,
	"district_lgd_code" integer NOT NULL,
	"alias" text NOT NULL,
	"alias_norm" text NOT NULL,
	"kind" text NOT NULL,
	"source" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "districts" (
	"lgd_code" integer PRIMARY KEY NOT NULL,
	"state_lgd_code" integer NOT NULL,
	"name_en" text NOT NULL,
	"name_hi" text,
	"name_hi_source" text,
	"census2011_code" text,
	"census2001_code" text,
	"in_current_lgd" boolean NOT NULL,
	"in_lgd_dec2022" boolean NOT NULL,
	"has_boundary" boolean DEFAULT false NOT NULL,
	"source_file" text NOT NULL,
	"source_row" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "states" (
	"lgd_code" integer PRIMARY KEY NOT NULL,
	"name_en" text NOT NULL,
	"name_hi" text,
	"name_hi_source" text,
	"kind" text NOT NULL,
	"census2011_code" text,
	"lgd_district_count" integer NOT NULL,
	"source_file" text NOT NULL,
	"source_row" integer NOT NULL
);
--> statement-breakpoint
ALTER TABLE "district_exports" ADD CONSTRAINT "district_exports_state_lgd_code_states_lgd_code_fk" FOREIGN KEY ("state_lgd_code") REFERENCES "public"."states"("lgd_code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "district_exports" ADD CONSTRAINT "district_exports_district_lgd_code_districts_lgd_code_fk" FOREIGN KEY ("district_lgd_code") REFERENCES "public"."districts"("lgd_code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hs_codes" ADD CONSTRAINT "hs_codes_section_code_hs_sections_code_fk" FOREIGN KEY ("section_code") REFERENCES "public"."hs_sections"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "product_gi_links" ADD CONSTRAINT "product_gi_links_product_id_products_id_fk" FOREIGN KEY ("product_id") REFERENCES "public"."products"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "product_gi_links" ADD CONSTRAINT "product_gi_links_gi_id_gi_registrations_id_fk" FOREIGN KEY ("gi_id") REFERENCES "public"."gi_registrations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "product_hs_headings" ADD CONSTRAINT "product_hs_headings_product_id_products_id_fk" FOREIGN KEY ("product_id") REFERENCES "public"."products"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "product_hs_headings" ADD CONSTRAINT "product_hs_headings_hs_code_hs_codes_code_fk" FOREIGN KEY ("hs_code") REFERENCES "public"."hs_codes"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "products" ADD CONSTRAINT "products_revision_id_list_revisions_id_fk" FOREIGN KEY ("revision_id") REFERENCES "public"."list_revisions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "products" ADD CONSTRAINT "products_state_lgd_code_states_lgd_code_fk" FOREIGN KEY ("state_lgd_code") REFERENCES "public"."states"("lgd_code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "products" ADD CONSTRAINT "products_district_lgd_code_districts_lgd_code_fk" FOREIGN KEY ("district_lgd_code") REFERENCES "public"."districts"("lgd_code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "products" ADD CONSTRAINT "products_sector_code_sectors_code_fk" FOREIGN KEY ("sector_code") REFERENCES "public"."sectors"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "district_aliases" ADD CONSTRAINT "district_aliases_district_lgd_code_districts_lgd_code_fk" FOREIGN KEY ("district_lgd_code") REFERENCES "public"."districts"("lgd_code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "districts" ADD CONSTRAINT "districts_state_lgd_code_states_lgd_code_fk" FOREIGN KEY ("state_lgd_code") REFERENCES "public"."states"("lgd_code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "district_exports_district_idx" ON "district_exports" USING btree ("district_lgd_code");--> statement-breakpoint
CREATE UNIQUE INDEX "list_revisions_one_live" ON "list_revisions" USING btree ("is_live") WHERE "list_revisions"."is_live";--> statement-breakpoint
CREATE UNIQUE INDEX "list_revisions_sha" ON "list_revisions" USING btree ("file_sha256");--> statement-breakpoint
CREATE UNIQUE INDEX "products_revision_slug" ON "products" USING btree ("revision_id","slug");--> statement-breakpoint
CREATE UNIQUE INDEX "products_revision_district_name" ON "products" USING btree ("revision_id","district_lgd_code","name_norm");--> statement-breakpoint
CREATE INDEX "products_district_idx" ON "products" USING btree ("district_lgd_code");--> statement-breakpoint
CREATE INDEX "products_state_idx" ON "products" USING btree ("state_lgd_code");--> statement-breakpoint
CREATE UNIQUE INDEX "district_aliases_unique" ON "district_aliases" USING btree ("district_lgd_code","alias_norm");--> statement-breakpoint
CREATE INDEX "district_aliases_norm_trgm" ON "district_aliases" USING gin ("alias_norm" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "districts_state_idx" ON "districts" USING btree ("state_lgd_code");