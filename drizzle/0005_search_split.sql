DROP INDEX "search_entries_fts";--> statement-breakpoint
CREATE INDEX "search_entries_fts_registry" ON "search_entries" USING gin (to_tsvector('simple', "terms")) WHERE "search_entries"."kind" <> 'listing';--> statement-breakpoint
CREATE INDEX "search_entries_fts_listings" ON "search_entries" USING gin (to_tsvector('simple', "terms")) WHERE "search_entries"."kind" = 'listing';