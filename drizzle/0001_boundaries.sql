CREATE TABLE "boundaries" (
	"kind" text NOT NULL,
	"lgd_code" integer NOT NULL,
	"geometry" jsonb NOT NULL,
	"source" text NOT NULL,
	CONSTRAINT "boundaries_kind_lgd_code_pk" PRIMARY KEY("kind","lgd_code")
);
