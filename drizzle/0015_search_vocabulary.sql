CREATE TABLE "data_stamps" (
	"name" text PRIMARY KEY NOT NULL,
	"version" bigint DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "state_aliases" (
	"id" serial PRIMARY KEY NOT NULL,
	"state_lgd_code" integer NOT NULL,
	"alias" text NOT NULL,
	"alias_norm" text NOT NULL,
	"kind" text NOT NULL,
	"source" text NOT NULL
);
--> statement-breakpoint
ALTER TABLE "product_proposals" ADD COLUMN "name_hi" text;--> statement-breakpoint
ALTER TABLE "products" ADD COLUMN "name_hi" text;--> statement-breakpoint
ALTER TABLE "search_entries" ADD COLUMN "names" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "state_aliases" ADD CONSTRAINT "state_aliases_state_lgd_code_states_lgd_code_fk" FOREIGN KEY ("state_lgd_code") REFERENCES "public"."states"("lgd_code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "state_aliases_unique" ON "state_aliases" USING btree ("state_lgd_code","alias_norm");