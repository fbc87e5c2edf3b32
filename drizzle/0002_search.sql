CREATE TABLE "search_entries" (
	"id" serial PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"ref" text NOT NULL,
	"title_en" text NOT NULL,
	"title_hi" text,
	"context_en" text DEFAULT '' NOT NULL,
	"context_hi" text,
	"state_lgd_code" integer,
	"sector_code" text,
	"has_gi" boolean DEFAULT false NOT NULL,
	"terms" text NOT NULL,
	"is_demo" boolean DEFAULT false NOT NULL
);
--> statement-breakpoint
CREATE INDEX "search_entries_fts" ON "search_entries" USING gin (to_tsvector('simple', "terms"));--> statement-breakpoint
CREATE INDEX "search_entries_trgm" ON "search_entries" USING gin ("terms" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "search_entries_state" ON "search_entries" USING btree ("state_lgd_code");