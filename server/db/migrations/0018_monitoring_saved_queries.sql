CREATE TABLE "monitoring_saved_queries" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"description" text,
	"query" jsonb NOT NULL,
	"owner_id" uuid NOT NULL,
	"sharing" text DEFAULT 'private' NOT NULL,
	"share_unit_id" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "monitoring_saved_queries_sharing_check" CHECK ("monitoring_saved_queries"."sharing" in ('private','unit','national')),
	CONSTRAINT "monitoring_saved_queries_share_unit_check" CHECK (("monitoring_saved_queries"."sharing" = 'unit') = ("monitoring_saved_queries"."share_unit_id" is not null))
);
--> statement-breakpoint
ALTER TABLE "monitoring_saved_queries" ADD CONSTRAINT "monitoring_saved_queries_owner_id_users_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "monitoring_saved_queries" ADD CONSTRAINT "monitoring_saved_queries_share_unit_id_units_id_fk" FOREIGN KEY ("share_unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "monitoring_saved_queries_owner_idx" ON "monitoring_saved_queries" USING btree ("owner_id");--> statement-breakpoint
CREATE INDEX "monitoring_saved_queries_sharing_idx" ON "monitoring_saved_queries" USING btree ("sharing");