CREATE TABLE "online_request_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"request_id" uuid NOT NULL,
	"status" text NOT NULL,
	"actor_id" uuid,
	"actor_name" text,
	"site_id" uuid NOT NULL,
	"to_site_id" uuid,
	"note" text,
	"at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "online_requests" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"site_id" uuid NOT NULL,
	"topic" text NOT NULL,
	"language" text NOT NULL,
	"channel" text NOT NULL,
	"name" text NOT NULL,
	"email" text NOT NULL,
	"phone" text,
	"description" text NOT NULL,
	"locale" text NOT NULL,
	"consent_text_version" text NOT NULL,
	"consent_at" timestamp with time zone NOT NULL,
	"status" text DEFAULT 'new' NOT NULL,
	"forwarded_from_site_id" uuid,
	"answer" text,
	"client_id" uuid,
	"consultation_id" uuid,
	"booking_id" uuid,
	"received_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "online_requests_status" CHECK ("online_requests"."status" in ('new','forwarded','accepted','closed')),
	CONSTRAINT "online_requests_channel" CHECK ("online_requests"."channel" in ('in_person','phone','video','email')),
	CONSTRAINT "online_requests_topic" CHECK ("online_requests"."topic" in ('recognition','labour_rights','employers')),
	CONSTRAINT "online_requests_accepted_client" CHECK (("online_requests"."status" = 'accepted') = ("online_requests"."client_id" is not null)),
	CONSTRAINT "online_requests_closed_answer" CHECK ("online_requests"."status" <> 'closed' or "online_requests"."answer" is not null)
);
--> statement-breakpoint
ALTER TABLE "online_request_events" ADD CONSTRAINT "online_request_events_request_id_online_requests_id_fk" FOREIGN KEY ("request_id") REFERENCES "public"."online_requests"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "online_request_events" ADD CONSTRAINT "online_request_events_site_id_units_id_fk" FOREIGN KEY ("site_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "online_request_events" ADD CONSTRAINT "online_request_events_to_site_id_units_id_fk" FOREIGN KEY ("to_site_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "online_requests" ADD CONSTRAINT "online_requests_site_id_units_id_fk" FOREIGN KEY ("site_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "online_requests" ADD CONSTRAINT "online_requests_forwarded_from_site_id_units_id_fk" FOREIGN KEY ("forwarded_from_site_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "online_requests" ADD CONSTRAINT "online_requests_client_id_clients_id_fk" FOREIGN KEY ("client_id") REFERENCES "public"."clients"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "online_requests" ADD CONSTRAINT "online_requests_consultation_id_consultations_id_fk" FOREIGN KEY ("consultation_id") REFERENCES "public"."consultations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "online_requests" ADD CONSTRAINT "online_requests_booking_id_bookings_id_fk" FOREIGN KEY ("booking_id") REFERENCES "public"."bookings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "online_request_events_request_idx" ON "online_request_events" USING btree ("request_id","at");--> statement-breakpoint
CREATE INDEX "online_requests_site_status_idx" ON "online_requests" USING btree ("site_id","status","received_at");