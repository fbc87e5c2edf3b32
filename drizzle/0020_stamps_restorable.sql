-- The stamps are rows the schema comes with: the 'registry' row exists from here on and the triggers only bump it,
-- so that restoring a backup (which writes the registry's tables, firing the triggers, before or after data_stamps)
-- never meets a row a trigger made. A backup's stamps replace these (the table is marked as reference data).
INSERT INTO "data_stamps" ("name", "version") VALUES ('registry', 0), ('search', 0) ON CONFLICT ("name") DO NOTHING;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION "bump_registry_stamp"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "data_stamps" SET "version" = "version" + 1 WHERE "name" = 'registry';
  RETURN NULL;
END $$;
--> statement-breakpoint
COMMENT ON TABLE "data_stamps" IS 'reference: rows seeded by a migration (the data stamps; a backup''s replace them)';
