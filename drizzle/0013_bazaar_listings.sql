CREATE TABLE "listing_photos" (
	"id" serial PRIMARY KEY NOT NULL,
	"listing_id" integer NOT NULL,
	"position" integer NOT NULL,
	"variants" jsonb NOT NULL,
	"uploaded_by" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "listings" (
	"id" serial PRIMARY KEY NOT NULL,
	"producer_id" integer NOT NULL,
	"state_lgd_code" integer NOT NULL,
	"district_lgd_code" integer NOT NULL,
	"odop_product_id" integer,
	"other_product" text,
	"sector_code" text,
	"hs_code" text,
	"title_en" text,
	"title_hi" text,
	"description_en" text,
	"description_hi" text,
	"unit" text NOT NULL,
	"min_order" numeric NOT NULL,
	"monthly_capacity" numeric NOT NULL,
	"lead_time_days" integer NOT NULL,
	"price_min_inr" numeric NOT NULL,
	"price_max_inr" numeric NOT NULL,
	"fob_usd" numeric,
	"gi_authorised_user" text,
	"organic" boolean DEFAULT false NOT NULL,
	"bis" boolean DEFAULT false NOT NULL,
	"other_certifications" text,
	"packaging" text,
	"samples_available" boolean DEFAULT false NOT NULL,
	"state" text NOT NULL,
	"hidden_reason" text,
	"published_at" timestamp with time zone,
	"is_demo" boolean DEFAULT false NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
DROP INDEX "search_entries_trgm";--> statement-breakpoint
-- Listings in the search table were generated rows with no listing behind them: listings now come from the bazaar.
DELETE FROM "search_entries" WHERE "kind" = 'listing';--> statement-breakpoint
ALTER TABLE "search_entries" ADD COLUMN "district_lgd_code" integer;--> statement-breakpoint
ALTER TABLE "listing_photos" ADD CONSTRAINT "listing_photos_listing_id_listings_id_fk" FOREIGN KEY ("listing_id") REFERENCES "public"."listings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "listing_photos" ADD CONSTRAINT "listing_photos_uploaded_by_users_id_fk" FOREIGN KEY ("uploaded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "listings" ADD CONSTRAINT "listings_producer_id_producers_id_fk" FOREIGN KEY ("producer_id") REFERENCES "public"."producers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "listings" ADD CONSTRAINT "listings_state_lgd_code_states_lgd_code_fk" FOREIGN KEY ("state_lgd_code") REFERENCES "public"."states"("lgd_code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "listings" ADD CONSTRAINT "listings_district_lgd_code_districts_lgd_code_fk" FOREIGN KEY ("district_lgd_code") REFERENCES "public"."districts"("lgd_code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "listings" ADD CONSTRAINT "listings_odop_product_id_products_id_fk" FOREIGN KEY ("odop_product_id") REFERENCES "public"."products"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "listing_photos_listing" ON "listing_photos" USING btree ("listing_id","position");--> statement-breakpoint
CREATE INDEX "listings_producer" ON "listings" USING btree ("producer_id");--> statement-breakpoint
CREATE INDEX "listings_published" ON "listings" USING btree ("published_at" DESC NULLS LAST,"id" DESC NULLS LAST) WHERE "listings"."state" = 'published';--> statement-breakpoint
CREATE INDEX "listings_published_district" ON "listings" USING btree ("district_lgd_code","published_at" DESC NULLS LAST) WHERE "listings"."state" = 'published';--> statement-breakpoint
CREATE INDEX "listings_published_state" ON "listings" USING btree ("state_lgd_code","published_at" DESC NULLS LAST) WHERE "listings"."state" = 'published';--> statement-breakpoint
CREATE INDEX "listings_published_product" ON "listings" USING btree ("odop_product_id","published_at" DESC NULLS LAST) WHERE "listings"."state" = 'published';--> statement-breakpoint
CREATE INDEX "listings_published_sector" ON "listings" USING btree ("sector_code","published_at" DESC NULLS LAST) WHERE "listings"."state" = 'published';