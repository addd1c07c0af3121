CREATE TABLE "retention_runs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"ran_at" timestamp with time zone DEFAULT now() NOT NULL,
	"run_day" date NOT NULL,
	"results" jsonb NOT NULL,
	"erased_client_ids" uuid[] DEFAULT '{}' NOT NULL
);
