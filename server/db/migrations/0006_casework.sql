CREATE TABLE "client_access_grants" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"client_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"reason" text NOT NULL,
	"granted_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"revoked_at" timestamp with time zone,
	CONSTRAINT "client_access_grants_reason_check" CHECK (length("client_access_grants"."reason") >= 10)
);
--> statement-breakpoint
CREATE TABLE "client_tasks" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"client_id" uuid NOT NULL,
	"assignee_id" uuid NOT NULL,
	"title" text NOT NULL,
	"due_on" date NOT NULL,
	"done_at" timestamp with time zone,
	"done_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid
);
--> statement-breakpoint
CREATE TABLE "consultations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"client_id" uuid NOT NULL,
	"unit_id" uuid NOT NULL,
	"site_id" uuid,
	"counselor_id" uuid NOT NULL,
	"date" date NOT NULL,
	"funding_period" text NOT NULL,
	"kind" text NOT NULL,
	"channel" text NOT NULL,
	"languages" text[] DEFAULT '{}' NOT NULL,
	"interpreter" boolean DEFAULT false NOT NULL,
	"duration_minutes" integer,
	"reference_profession_id" uuid,
	"topics" text[] DEFAULT '{}' NOT NULL,
	"next_steps" text,
	"fi_reasons" text[] DEFAULT '{}' NOT NULL,
	"fi_reason_other" text,
	"employer_sector" text,
	"is_demo" boolean DEFAULT false NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "consultations_kind_check" CHECK ("consultations"."kind" in ('first_consultation','follow_up','referral_consultation')),
	CONSTRAINT "consultations_channel_check" CHECK ("consultations"."channel" in ('in_person','phone','video','written','outreach','mobile')),
	CONSTRAINT "consultations_duration_check" CHECK ("consultations"."duration_minutes" is null or "consultations"."duration_minutes" between 1 and 1440)
);
--> statement-breakpoint
CREATE TABLE "group_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"unit_id" uuid NOT NULL,
	"site_id" uuid,
	"date" date NOT NULL,
	"title" text NOT NULL,
	"channel" text NOT NULL,
	"languages" text[] DEFAULT '{}' NOT NULL,
	"participants" integer NOT NULL,
	"refugee_participants" integer,
	"is_demo" boolean DEFAULT false NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	CONSTRAINT "group_events_participants_check" CHECK ("group_events"."participants" between 1 and 10000),
	CONSTRAINT "group_events_refugee_check" CHECK ("group_events"."refugee_participants" is null or "group_events"."refugee_participants" between 0 and "group_events"."participants")
);
--> statement-breakpoint
CREATE TABLE "support_requests" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"consultation_id" uuid NOT NULL,
	"support_unit_id" uuid NOT NULL,
	"question" text NOT NULL,
	"asked_by" uuid NOT NULL,
	"asked_at" timestamp with time zone DEFAULT now() NOT NULL,
	"answer" text,
	"answered_by" uuid,
	"answered_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "procedure_documents" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"procedure_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"label" text,
	"position" integer NOT NULL,
	"present" boolean DEFAULT false NOT NULL,
	"translated" boolean DEFAULT false NOT NULL,
	"certified" boolean DEFAULT false NOT NULL,
	"note" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "procedure_documents_label_check" CHECK ("procedure_documents"."kind" <> 'other' or "procedure_documents"."label" is not null)
);
--> statement-breakpoint
CREATE TABLE "procedures" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"client_id" uuid NOT NULL,
	"unit_id" uuid NOT NULL,
	"reference_profession_id" uuid NOT NULL,
	"competent_authority" text NOT NULL,
	"legal_basis" text NOT NULL,
	"application_date" date,
	"decision_date" date,
	"outcome" text DEFAULT 'pending' NOT NULL,
	"compensation_measure" text,
	"is_demo" boolean DEFAULT false NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "procedures_legal_basis_check" CHECK ("procedures"."legal_basis" in ('bqfg','state_law','profession_law')),
	CONSTRAINT "procedures_outcome_check" CHECK ("procedures"."outcome" in ('pending','full_equivalence','partial_equivalence','no_equivalence','withdrawn')),
	CONSTRAINT "procedures_compensation_check" CHECK (("procedures"."outcome" = 'partial_equivalence') = ("procedures"."compensation_measure" is not null)),
	CONSTRAINT "procedures_compensation_kind_check" CHECK ("procedures"."compensation_measure" is null or "procedures"."compensation_measure" in ('adaptation_course','knowledge_test','aptitude_test','adaptation_qualification')),
	CONSTRAINT "procedures_decision_check" CHECK (("procedures"."outcome" = 'pending') = ("procedures"."decision_date" is null))
);
--> statement-breakpoint
CREATE TABLE "referral_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"referral_id" uuid NOT NULL,
	"status" text NOT NULL,
	"reason" text,
	"actor_id" uuid NOT NULL,
	"actor_unit_id" uuid,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "referrals" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"client_id" uuid NOT NULL,
	"consultation_id" uuid,
	"from_unit_id" uuid NOT NULL,
	"from_user_id" uuid NOT NULL,
	"to_unit_id" uuid,
	"external_service" text,
	"external_note" text,
	"shared_fields" text[] DEFAULT '{}' NOT NULL,
	"message" text,
	"status" text DEFAULT 'sent' NOT NULL,
	"status_reason" text,
	"sent_at" timestamp with time zone DEFAULT now() NOT NULL,
	"answer_due_on" date,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "referrals_target_check" CHECK (("referrals"."to_unit_id" is null) <> ("referrals"."external_service" is null)),
	CONSTRAINT "referrals_status_check" CHECK ("referrals"."status" in ('sent','accepted','declined','in_progress','completed','withdrawn'))
);
--> statement-breakpoint
ALTER TABLE "clients" ADD COLUMN "counselor_id" uuid;--> statement-breakpoint
ALTER TABLE "clients" ADD COLUMN "last_contact_on" date;--> statement-breakpoint
ALTER TABLE "clients" ADD COLUMN "erased_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "clients" ADD COLUMN "merged_into_id" uuid;--> statement-breakpoint
ALTER TABLE "client_access_grants" ADD CONSTRAINT "client_access_grants_client_id_clients_id_fk" FOREIGN KEY ("client_id") REFERENCES "public"."clients"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "client_access_grants" ADD CONSTRAINT "client_access_grants_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "client_tasks" ADD CONSTRAINT "client_tasks_client_id_clients_id_fk" FOREIGN KEY ("client_id") REFERENCES "public"."clients"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "client_tasks" ADD CONSTRAINT "client_tasks_assignee_id_users_id_fk" FOREIGN KEY ("assignee_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consultations" ADD CONSTRAINT "consultations_client_id_clients_id_fk" FOREIGN KEY ("client_id") REFERENCES "public"."clients"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consultations" ADD CONSTRAINT "consultations_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consultations" ADD CONSTRAINT "consultations_site_id_units_id_fk" FOREIGN KEY ("site_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consultations" ADD CONSTRAINT "consultations_counselor_id_users_id_fk" FOREIGN KEY ("counselor_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consultations" ADD CONSTRAINT "consultations_reference_profession_id_reference_professions_id_fk" FOREIGN KEY ("reference_profession_id") REFERENCES "public"."reference_professions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "group_events" ADD CONSTRAINT "group_events_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "group_events" ADD CONSTRAINT "group_events_site_id_units_id_fk" FOREIGN KEY ("site_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "support_requests" ADD CONSTRAINT "support_requests_consultation_id_consultations_id_fk" FOREIGN KEY ("consultation_id") REFERENCES "public"."consultations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "support_requests" ADD CONSTRAINT "support_requests_support_unit_id_units_id_fk" FOREIGN KEY ("support_unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "procedure_documents" ADD CONSTRAINT "procedure_documents_procedure_id_procedures_id_fk" FOREIGN KEY ("procedure_id") REFERENCES "public"."procedures"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "procedures" ADD CONSTRAINT "procedures_client_id_clients_id_fk" FOREIGN KEY ("client_id") REFERENCES "public"."clients"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "procedures" ADD CONSTRAINT "procedures_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "procedures" ADD CONSTRAINT "procedures_reference_profession_id_reference_professions_id_fk" FOREIGN KEY ("reference_profession_id") REFERENCES "public"."reference_professions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referral_events" ADD CONSTRAINT "referral_events_referral_id_referrals_id_fk" FOREIGN KEY ("referral_id") REFERENCES "public"."referrals"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referral_events" ADD CONSTRAINT "referral_events_actor_unit_id_units_id_fk" FOREIGN KEY ("actor_unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referrals" ADD CONSTRAINT "referrals_client_id_clients_id_fk" FOREIGN KEY ("client_id") REFERENCES "public"."clients"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referrals" ADD CONSTRAINT "referrals_consultation_id_consultations_id_fk" FOREIGN KEY ("consultation_id") REFERENCES "public"."consultations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referrals" ADD CONSTRAINT "referrals_from_unit_id_units_id_fk" FOREIGN KEY ("from_unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referrals" ADD CONSTRAINT "referrals_from_user_id_users_id_fk" FOREIGN KEY ("from_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referrals" ADD CONSTRAINT "referrals_to_unit_id_units_id_fk" FOREIGN KEY ("to_unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "client_access_grants_user_idx" ON "client_access_grants" USING btree ("user_id","client_id","expires_at");--> statement-breakpoint
CREATE INDEX "client_tasks_client_idx" ON "client_tasks" USING btree ("client_id");--> statement-breakpoint
CREATE INDEX "client_tasks_open_idx" ON "client_tasks" USING btree ("assignee_id","due_on") WHERE "client_tasks"."done_at" is null;--> statement-breakpoint
CREATE INDEX "consultations_client_idx" ON "consultations" USING btree ("client_id","date");--> statement-breakpoint
CREATE INDEX "consultations_unit_date_idx" ON "consultations" USING btree ("unit_id","date");--> statement-breakpoint
CREATE INDEX "consultations_counselor_idx" ON "consultations" USING btree ("counselor_id","date");--> statement-breakpoint
CREATE UNIQUE INDEX "consultations_first_per_period_key" ON "consultations" USING btree ("client_id","funding_period") WHERE "consultations"."kind" = 'first_consultation';--> statement-breakpoint
CREATE INDEX "group_events_unit_date_idx" ON "group_events" USING btree ("unit_id","date");--> statement-breakpoint
CREATE INDEX "support_requests_consultation_idx" ON "support_requests" USING btree ("consultation_id");--> statement-breakpoint
CREATE INDEX "support_requests_open_idx" ON "support_requests" USING btree ("support_unit_id","asked_at") WHERE "support_requests"."answered_at" is null;--> statement-breakpoint
CREATE INDEX "procedure_documents_procedure_idx" ON "procedure_documents" USING btree ("procedure_id","position");--> statement-breakpoint
CREATE INDEX "procedures_client_idx" ON "procedures" USING btree ("client_id");--> statement-breakpoint
CREATE INDEX "procedures_unit_idx" ON "procedures" USING btree ("unit_id");--> statement-breakpoint
CREATE INDEX "referral_events_referral_idx" ON "referral_events" USING btree ("referral_id","at");--> statement-breakpoint
CREATE INDEX "referrals_client_idx" ON "referrals" USING btree ("client_id");--> statement-breakpoint
CREATE INDEX "referrals_to_unit_idx" ON "referrals" USING btree ("to_unit_id","status");--> statement-breakpoint
CREATE INDEX "referrals_from_unit_idx" ON "referrals" USING btree ("from_unit_id","status");--> statement-breakpoint
ALTER TABLE "clients" ADD CONSTRAINT "clients_counselor_id_users_id_fk" FOREIGN KEY ("counselor_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "clients_counselor_idx" ON "clients" USING btree ("counselor_id");--> statement-breakpoint
CREATE INDEX "clients_last_contact_idx" ON "clients" USING btree ("last_contact_on") WHERE "clients"."erased_at" is null;