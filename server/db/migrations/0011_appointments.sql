CREATE TABLE "availability_exceptions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"site_id" uuid NOT NULL,
	"counselor_id" uuid,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"kind" text NOT NULL,
	"note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	CONSTRAINT "availability_exceptions_range" CHECK ("availability_exceptions"."starts_at" < "availability_exceptions"."ends_at"),
	CONSTRAINT "availability_exceptions_kind" CHECK ("availability_exceptions"."kind" in ('holiday','closure','absence'))
);
--> statement-breakpoint
CREATE TABLE "availability_rules" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"site_id" uuid NOT NULL,
	"counselor_id" uuid NOT NULL,
	"weekday" integer NOT NULL,
	"starts_at" time NOT NULL,
	"ends_at" time NOT NULL,
	"channels" text[] NOT NULL,
	"valid_from" date NOT NULL,
	"valid_until" date,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	CONSTRAINT "availability_rules_weekday" CHECK ("availability_rules"."weekday" between 1 and 7),
	CONSTRAINT "availability_rules_hours" CHECK ("availability_rules"."starts_at" < "availability_rules"."ends_at"),
	CONSTRAINT "availability_rules_valid" CHECK ("availability_rules"."valid_until" is null or "availability_rules"."valid_until" >= "availability_rules"."valid_from"),
	CONSTRAINT "availability_rules_channels" CHECK (cardinality("availability_rules"."channels") > 0 and "availability_rules"."channels" <@ array['in_person','phone','video'])
);
--> statement-breakpoint
CREATE TABLE "booking_settings" (
	"site_id" uuid PRIMARY KEY NOT NULL,
	"durations" jsonb NOT NULL,
	"buffer_minutes" integer DEFAULT 15 NOT NULL,
	"min_notice_hours" integer DEFAULT 24 NOT NULL,
	"horizon_days" integer DEFAULT 56 NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "booking_settings_buffer" CHECK ("booking_settings"."buffer_minutes" between 0 and 240),
	CONSTRAINT "booking_settings_notice" CHECK ("booking_settings"."min_notice_hours" between 0 and 720),
	CONSTRAINT "booking_settings_horizon" CHECK ("booking_settings"."horizon_days" between 1 and 365)
);
--> statement-breakpoint
CREATE TABLE "bookings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"site_id" uuid NOT NULL,
	"counselor_id" uuid NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"channel" text NOT NULL,
	"status" text DEFAULT 'booked' NOT NULL,
	"name" text NOT NULL,
	"email" text NOT NULL,
	"phone" text,
	"language" text NOT NULL,
	"locale" text NOT NULL,
	"topic" text NOT NULL,
	"message" text,
	"source" text DEFAULT 'public' NOT NULL,
	"consent_at" timestamp with time zone NOT NULL,
	"reminder_sent_at" timestamp with time zone,
	"status_changed_at" timestamp with time zone,
	"status_changed_by" uuid,
	"sequence" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "bookings_range" CHECK ("bookings"."starts_at" < "bookings"."ends_at"),
	CONSTRAINT "bookings_status" CHECK ("bookings"."status" in ('booked','cancelled','attended','no_show')),
	CONSTRAINT "bookings_channel" CHECK ("bookings"."channel" in ('in_person','phone','video')),
	CONSTRAINT "bookings_source" CHECK ("bookings"."source" in ('public','staff','request'))
);
--> statement-breakpoint
ALTER TABLE "availability_exceptions" ADD CONSTRAINT "availability_exceptions_site_id_units_id_fk" FOREIGN KEY ("site_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "availability_exceptions" ADD CONSTRAINT "availability_exceptions_counselor_id_users_id_fk" FOREIGN KEY ("counselor_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "availability_rules" ADD CONSTRAINT "availability_rules_site_id_units_id_fk" FOREIGN KEY ("site_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "availability_rules" ADD CONSTRAINT "availability_rules_counselor_id_users_id_fk" FOREIGN KEY ("counselor_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "booking_settings" ADD CONSTRAINT "booking_settings_site_id_units_id_fk" FOREIGN KEY ("site_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bookings" ADD CONSTRAINT "bookings_site_id_units_id_fk" FOREIGN KEY ("site_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bookings" ADD CONSTRAINT "bookings_counselor_id_users_id_fk" FOREIGN KEY ("counselor_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "availability_exceptions_site_idx" ON "availability_exceptions" USING btree ("site_id","starts_at");--> statement-breakpoint
CREATE INDEX "availability_rules_site_idx" ON "availability_rules" USING btree ("site_id");--> statement-breakpoint
CREATE INDEX "availability_rules_counselor_idx" ON "availability_rules" USING btree ("counselor_id");--> statement-breakpoint
CREATE INDEX "bookings_site_time_idx" ON "bookings" USING btree ("site_id","starts_at");--> statement-breakpoint
CREATE INDEX "bookings_counselor_time_idx" ON "bookings" USING btree ("counselor_id","starts_at");--> statement-breakpoint
-- Double booking is impossible by construction: no two live bookings of one counselor may
-- overlap in time. btree_gist lets the GiST index compare the counselor's uuid with "=".
CREATE EXTENSION IF NOT EXISTS btree_gist;--> statement-breakpoint
ALTER TABLE "bookings" ADD CONSTRAINT "bookings_no_double_booking" EXCLUDE USING gist ("counselor_id" WITH =, tstzrange("starts_at", "ends_at") WITH &&) WHERE ("status" <> 'cancelled');
