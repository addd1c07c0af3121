ALTER TABLE "online_requests" DROP CONSTRAINT "online_requests_closed_answer";--> statement-breakpoint
ALTER TABLE "bookings" ALTER COLUMN "name" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "bookings" ALTER COLUMN "email" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "online_requests" ALTER COLUMN "name" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "online_requests" ALTER COLUMN "email" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "online_requests" ALTER COLUMN "description" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "bookings" ADD COLUMN "contact_erased_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "online_requests" ADD COLUMN "contact_erased_at" timestamp with time zone;--> statement-breakpoint
CREATE INDEX "bookings_contact_retention_idx" ON "bookings" USING btree ("ends_at") WHERE "bookings"."contact_erased_at" is null;--> statement-breakpoint
CREATE INDEX "online_requests_contact_retention_idx" ON "online_requests" USING btree ("updated_at") WHERE "online_requests"."contact_erased_at" is null and "online_requests"."status" in ('accepted','closed');--> statement-breakpoint
ALTER TABLE "bookings" ADD CONSTRAINT "bookings_contact" CHECK ("bookings"."contact_erased_at" is not null or ("bookings"."name" is not null and "bookings"."email" is not null));--> statement-breakpoint
ALTER TABLE "online_requests" ADD CONSTRAINT "online_requests_contact" CHECK ("online_requests"."contact_erased_at" is not null or ("online_requests"."name" is not null and "online_requests"."email" is not null and "online_requests"."description" is not null));--> statement-breakpoint
ALTER TABLE "online_requests" ADD CONSTRAINT "online_requests_closed_answer" CHECK ("online_requests"."status" <> 'closed' or "online_requests"."answer" is not null or "online_requests"."contact_erased_at" is not null);