CREATE TABLE "accessibility_feedback" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"page" text,
	"description" text NOT NULL,
	"name" text,
	"email" text,
	"language" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "public_form_submissions" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"form" text NOT NULL,
	"ip_hash" text NOT NULL,
	"email_hash" text,
	"token_hash" text NOT NULL,
	"submitted_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE INDEX "accessibility_feedback_created_idx" ON "accessibility_feedback" USING btree ("created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "public_form_submissions_token_key" ON "public_form_submissions" USING btree ("token_hash");--> statement-breakpoint
CREATE INDEX "public_form_submissions_ip_idx" ON "public_form_submissions" USING btree ("form","ip_hash","submitted_at");--> statement-breakpoint
CREATE INDEX "public_form_submissions_email_idx" ON "public_form_submissions" USING btree ("form","email_hash","submitted_at");--> statement-breakpoint
CREATE INDEX "public_form_submissions_time_idx" ON "public_form_submissions" USING btree ("submitted_at");