CREATE SEQUENCE "public"."client_number_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1;--> statement-breakpoint
CREATE TABLE "client_consents" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"client_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"partner_unit_id" uuid,
	"given_on" date NOT NULL,
	"text_version" text NOT NULL,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL,
	"recorded_by" uuid,
	"withdrawn_at" timestamp with time zone,
	"withdrawn_by" uuid,
	CONSTRAINT "client_consents_kind_check" CHECK ("client_consents"."kind" in ('processing','contact','sharing')),
	CONSTRAINT "client_consents_partner_check" CHECK (("client_consents"."kind" = 'sharing') = ("client_consents"."partner_unit_id" is not null))
);
--> statement-breakpoint
CREATE TABLE "clients" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"number" bigint DEFAULT nextval('client_number_seq') NOT NULL,
	"unit_id" uuid NOT NULL,
	"first_name" text NOT NULL,
	"last_name" text NOT NULL,
	"email" text,
	"phone" text,
	"preferred_languages" text[] DEFAULT '{}' NOT NULL,
	"search_name" text NOT NULL,
	"birth_year" integer NOT NULL,
	"gender" text DEFAULT 'not_stated' NOT NULL,
	"nationalities" text[] DEFAULT '{}' NOT NULL,
	"postcode" text,
	"district" text,
	"state_code" text,
	"refugee_background" boolean,
	"residence_status" text DEFAULT 'not_stated' NOT NULL,
	"german_level" text DEFAULT 'not_stated' NOT NULL,
	"qualification_country" text,
	"qualification_kind" text DEFAULT 'not_stated' NOT NULL,
	"qualification_year" integer,
	"employment_status" text DEFAULT 'not_stated' NOT NULL,
	"is_demo" boolean DEFAULT false NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "clients_birth_year_check" CHECK ("clients"."birth_year" between 1900 and 2200)
);
--> statement-breakpoint
ALTER TABLE "client_consents" ADD CONSTRAINT "client_consents_client_id_clients_id_fk" FOREIGN KEY ("client_id") REFERENCES "public"."clients"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "client_consents" ADD CONSTRAINT "client_consents_partner_unit_id_units_id_fk" FOREIGN KEY ("partner_unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "clients" ADD CONSTRAINT "clients_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "client_consents_client_idx" ON "client_consents" USING btree ("client_id");--> statement-breakpoint
CREATE UNIQUE INDEX "clients_number_key" ON "clients" USING btree ("number");--> statement-breakpoint
CREATE INDEX "clients_unit_idx" ON "clients" USING btree ("unit_id");--> statement-breakpoint
CREATE INDEX "clients_search_name_trgm_idx" ON "clients" USING gin ("search_name" gin_trgm_ops);