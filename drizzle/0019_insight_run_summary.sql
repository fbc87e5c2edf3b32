ALTER TABLE "insight_runs" ADD COLUMN "first_month" text;--> statement-breakpoint
ALTER TABLE "insight_runs" ADD COLUMN "has_demo" boolean DEFAULT false NOT NULL;