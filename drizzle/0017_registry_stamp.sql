-- The registry's data stamp: any change to the tables the registry API answers from bumps data_stamps('registry') in
-- the changing transaction, whatever code path made it, so answers kept under the stamp are never served stale.
CREATE FUNCTION "bump_registry_stamp"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "data_stamps" ("name", "version") VALUES ('registry', 1)
  ON CONFLICT ("name") DO UPDATE SET "version" = "data_stamps"."version" + 1;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER "states_bump_registry" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "states" FOR EACH STATEMENT EXECUTE FUNCTION "bump_registry_stamp"();
--> statement-breakpoint
CREATE TRIGGER "districts_bump_registry" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "districts" FOR EACH STATEMENT EXECUTE FUNCTION "bump_registry_stamp"();
--> statement-breakpoint
CREATE TRIGGER "district_aliases_bump_registry" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "district_aliases" FOR EACH STATEMENT EXECUTE FUNCTION "bump_registry_stamp"();
--> statement-breakpoint
CREATE TRIGGER "state_aliases_bump_registry" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "state_aliases" FOR EACH STATEMENT EXECUTE FUNCTION "bump_registry_stamp"();
--> statement-breakpoint
CREATE TRIGGER "sectors_bump_registry" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "sectors" FOR EACH STATEMENT EXECUTE FUNCTION "bump_registry_stamp"();
--> statement-breakpoint
CREATE TRIGGER "list_revisions_bump_registry" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "list_revisions" FOR EACH STATEMENT EXECUTE FUNCTION "bump_registry_stamp"();
--> statement-breakpoint
CREATE TRIGGER "products_bump_registry" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "products" FOR EACH STATEMENT EXECUTE FUNCTION "bump_registry_stamp"();
--> statement-breakpoint
CREATE TRIGGER "gi_registrations_bump_registry" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "gi_registrations" FOR EACH STATEMENT EXECUTE FUNCTION "bump_registry_stamp"();
--> statement-breakpoint
CREATE TRIGGER "product_gi_links_bump_registry" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "product_gi_links" FOR EACH STATEMENT EXECUTE FUNCTION "bump_registry_stamp"();
--> statement-breakpoint
CREATE TRIGGER "hs_codes_bump_registry" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "hs_codes" FOR EACH STATEMENT EXECUTE FUNCTION "bump_registry_stamp"();
--> statement-breakpoint
CREATE TRIGGER "product_hs_headings_bump_registry" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "product_hs_headings" FOR EACH STATEMENT EXECUTE FUNCTION "bump_registry_stamp"();
--> statement-breakpoint
CREATE TRIGGER "district_exports_bump_registry" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "district_exports" FOR EACH STATEMENT EXECUTE FUNCTION "bump_registry_stamp"();
