CREATE TABLE "reference_professions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"seed_key" text,
	"name" text NOT NULL,
	"former_names" text[] DEFAULT '{}' NOT NULL,
	"regulated" boolean NOT NULL,
	"professional_field" text NOT NULL,
	"qualification_kind" text NOT NULL,
	"search_text" text NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	CONSTRAINT "reference_professions_kind_check" CHECK ("reference_professions"."qualification_kind" in ('academic','vocational'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX "reference_professions_seed_key" ON "reference_professions" USING btree ("seed_key");--> statement-breakpoint
CREATE UNIQUE INDEX "reference_professions_name_key" ON "reference_professions" USING btree (lower("name"));--> statement-breakpoint
CREATE INDEX "reference_professions_search_trgm_idx" ON "reference_professions" USING gin ("search_text" gin_trgm_ops);