CREATE TABLE "buyer_interests" (
	"id" serial PRIMARY KEY NOT NULL,
	"user_id" integer NOT NULL,
	"odop_product_id" integer,
	"hs_code" text,
	"notified_up_to" timestamp with time zone DEFAULT now() NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "gem_onboarding" (
	"producer_id" integer PRIMARY KEY NOT NULL,
	"state_lgd_code" integer NOT NULL,
	"district_lgd_code" integer NOT NULL,
	"status" text NOT NULL,
	"seller_id" text,
	"updated_by" integer NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
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
CREATE TABLE "order_events" (
	"id" serial PRIMARY KEY NOT NULL,
	"order_id" integer NOT NULL,
	"state" text NOT NULL,
	"happened_on" date NOT NULL,
	"note" text,
	"by_user_id" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "order_ratings" (
	"id" serial PRIMARY KEY NOT NULL,
	"order_id" integer NOT NULL,
	"side" text NOT NULL,
	"stars" integer NOT NULL,
	"comment" text,
	"by_user_id" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "orders" (
	"id" serial PRIMARY KEY NOT NULL,
	"rfq_id" integer NOT NULL,
	"response_id" integer NOT NULL,
	"buyer_user_id" integer NOT NULL,
	"producer_id" integer NOT NULL,
	"state_lgd_code" integer NOT NULL,
	"district_lgd_code" integer NOT NULL,
	"quantity" numeric NOT NULL,
	"unit" text NOT NULL,
	"price_inr" numeric NOT NULL,
	"incoterm" text NOT NULL,
	"destination_country" text NOT NULL,
	"state" text NOT NULL,
	"is_demo" boolean DEFAULT false NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "orders_response_id_unique" UNIQUE("response_id")
);
--> statement-breakpoint
CREATE TABLE "rfq_approval_districts" (
	"district_lgd_code" integer PRIMARY KEY NOT NULL,
	"set_by" integer NOT NULL,
	"set_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "rfq_messages" (
	"id" serial PRIMARY KEY NOT NULL,
	"response_id" integer NOT NULL,
	"from_user_id" integer NOT NULL,
	"side" text NOT NULL,
	"body" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "rfq_responses" (
	"id" serial PRIMARY KEY NOT NULL,
	"rfq_id" integer NOT NULL,
	"producer_id" integer NOT NULL,
	"state_lgd_code" integer NOT NULL,
	"district_lgd_code" integer NOT NULL,
	"state" text NOT NULL,
	"price_inr" numeric,
	"quantity" numeric,
	"lead_time_days" integer,
	"valid_until" date,
	"incoterm" text,
	"notes" text,
	"revisions" integer DEFAULT 0 NOT NULL,
	"first_quoted_at" timestamp with time zone,
	"refused_reason" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "rfqs" (
	"id" serial PRIMARY KEY NOT NULL,
	"buyer_user_id" integer NOT NULL,
	"listing_id" integer,
	"odop_product_id" integer,
	"hs_code" text,
	"subject" text NOT NULL,
	"details" text,
	"quantity" numeric NOT NULL,
	"unit" text NOT NULL,
	"target_price_inr" numeric,
	"destination_country" text NOT NULL,
	"incoterm" text NOT NULL,
	"needed_by" date NOT NULL,
	"closes_at" timestamp with time zone NOT NULL,
	"state" text NOT NULL,
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
ALTER TABLE "buyer_interests" ADD CONSTRAINT "buyer_interests_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "buyer_interests" ADD CONSTRAINT "buyer_interests_odop_product_id_products_id_fk" FOREIGN KEY ("odop_product_id") REFERENCES "public"."products"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "gem_onboarding" ADD CONSTRAINT "gem_onboarding_producer_id_producers_id_fk" FOREIGN KEY ("producer_id") REFERENCES "public"."producers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "gem_onboarding" ADD CONSTRAINT "gem_onboarding_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "listing_photos" ADD CONSTRAINT "listing_photos_listing_id_listings_id_fk" FOREIGN KEY ("listing_id") REFERENCES "public"."listings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "listing_photos" ADD CONSTRAINT "listing_photos_uploaded_by_users_id_fk" FOREIGN KEY ("uploaded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "listings" ADD CONSTRAINT "listings_producer_id_producers_id_fk" FOREIGN KEY ("producer_id") REFERENCES "public"."producers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "listings" ADD CONSTRAINT "listings_state_lgd_code_states_lgd_code_fk" FOREIGN KEY ("state_lgd_code") REFERENCES "public"."states"("lgd_code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "listings" ADD CONSTRAINT "listings_district_lgd_code_districts_lgd_code_fk" FOREIGN KEY ("district_lgd_code") REFERENCES "public"."districts"("lgd_code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "listings" ADD CONSTRAINT "listings_odop_product_id_products_id_fk" FOREIGN KEY ("odop_product_id") REFERENCES "public"."products"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "order_events" ADD CONSTRAINT "order_events_order_id_orders_id_fk" FOREIGN KEY ("order_id") REFERENCES "public"."orders"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "order_events" ADD CONSTRAINT "order_events_by_user_id_users_id_fk" FOREIGN KEY ("by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "order_ratings" ADD CONSTRAINT "order_ratings_order_id_orders_id_fk" FOREIGN KEY ("order_id") REFERENCES "public"."orders"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "order_ratings" ADD CONSTRAINT "order_ratings_by_user_id_users_id_fk" FOREIGN KEY ("by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "orders" ADD CONSTRAINT "orders_rfq_id_rfqs_id_fk" FOREIGN KEY ("rfq_id") REFERENCES "public"."rfqs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "orders" ADD CONSTRAINT "orders_response_id_rfq_responses_id_fk" FOREIGN KEY ("response_id") REFERENCES "public"."rfq_responses"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "orders" ADD CONSTRAINT "orders_buyer_user_id_users_id_fk" FOREIGN KEY ("buyer_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "orders" ADD CONSTRAINT "orders_producer_id_producers_id_fk" FOREIGN KEY ("producer_id") REFERENCES "public"."producers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rfq_approval_districts" ADD CONSTRAINT "rfq_approval_districts_district_lgd_code_districts_lgd_code_fk" FOREIGN KEY ("district_lgd_code") REFERENCES "public"."districts"("lgd_code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rfq_approval_districts" ADD CONSTRAINT "rfq_approval_districts_set_by_users_id_fk" FOREIGN KEY ("set_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rfq_messages" ADD CONSTRAINT "rfq_messages_response_id_rfq_responses_id_fk" FOREIGN KEY ("response_id") REFERENCES "public"."rfq_responses"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rfq_messages" ADD CONSTRAINT "rfq_messages_from_user_id_users_id_fk" FOREIGN KEY ("from_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rfq_responses" ADD CONSTRAINT "rfq_responses_rfq_id_rfqs_id_fk" FOREIGN KEY ("rfq_id") REFERENCES "public"."rfqs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rfq_responses" ADD CONSTRAINT "rfq_responses_producer_id_producers_id_fk" FOREIGN KEY ("producer_id") REFERENCES "public"."producers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rfqs" ADD CONSTRAINT "rfqs_buyer_user_id_users_id_fk" FOREIGN KEY ("buyer_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rfqs" ADD CONSTRAINT "rfqs_listing_id_listings_id_fk" FOREIGN KEY ("listing_id") REFERENCES "public"."listings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rfqs" ADD CONSTRAINT "rfqs_odop_product_id_products_id_fk" FOREIGN KEY ("odop_product_id") REFERENCES "public"."products"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "buyer_interests_user" ON "buyer_interests" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "gem_onboarding_district" ON "gem_onboarding" USING btree ("district_lgd_code","status");--> statement-breakpoint
CREATE INDEX "listing_photos_listing" ON "listing_photos" USING btree ("listing_id","position");--> statement-breakpoint
CREATE INDEX "listings_producer" ON "listings" USING btree ("producer_id");--> statement-breakpoint
CREATE INDEX "listings_state_updated" ON "listings" USING btree ("state","updated_at" DESC NULLS LAST,"id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "listings_published" ON "listings" USING btree ("published_at" DESC NULLS LAST,"id" DESC NULLS LAST) WHERE "listings"."state" = 'published';--> statement-breakpoint
CREATE INDEX "listings_published_district" ON "listings" USING btree ("district_lgd_code","published_at" DESC NULLS LAST,"id" DESC NULLS LAST) WHERE "listings"."state" = 'published';--> statement-breakpoint
CREATE INDEX "listings_published_state" ON "listings" USING btree ("state_lgd_code","published_at" DESC NULLS LAST,"id" DESC NULLS LAST) WHERE "listings"."state" = 'published';--> statement-breakpoint
CREATE INDEX "listings_published_product" ON "listings" USING btree ("odop_product_id","published_at" DESC NULLS LAST,"id" DESC NULLS LAST) WHERE "listings"."state" = 'published';--> statement-breakpoint
CREATE INDEX "listings_published_sector" ON "listings" USING btree ("sector_code","published_at" DESC NULLS LAST,"id" DESC NULLS LAST) WHERE "listings"."state" = 'published';--> statement-breakpoint
CREATE INDEX "order_events_order" ON "order_events" USING btree ("order_id","id");--> statement-breakpoint
CREATE UNIQUE INDEX "order_ratings_order_side" ON "order_ratings" USING btree ("order_id","side");--> statement-breakpoint
CREATE INDEX "orders_district" ON "orders" USING btree ("district_lgd_code");--> statement-breakpoint
CREATE INDEX "orders_buyer" ON "orders" USING btree ("buyer_user_id");--> statement-breakpoint
CREATE INDEX "rfq_messages_response" ON "rfq_messages" USING btree ("response_id","id");--> statement-breakpoint
CREATE UNIQUE INDEX "rfq_responses_rfq_producer" ON "rfq_responses" USING btree ("rfq_id","producer_id");--> statement-breakpoint
CREATE INDEX "rfq_responses_producer" ON "rfq_responses" USING btree ("producer_id","state");--> statement-breakpoint
CREATE INDEX "rfq_responses_district" ON "rfq_responses" USING btree ("district_lgd_code","state");--> statement-breakpoint
CREATE INDEX "rfqs_buyer" ON "rfqs" USING btree ("buyer_user_id","created_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "rfqs_open_closes" ON "rfqs" USING btree ("closes_at") WHERE "rfqs"."state" = 'open';