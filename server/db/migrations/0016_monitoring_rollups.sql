CREATE TABLE "monitoring_rollups" (
	"measure" text NOT NULL,
	"kind" text NOT NULL,
	"detail" text NOT NULL,
	"month" date NOT NULL,
	"unit_id" uuid NOT NULL,
	"recorded_on" date NOT NULL,
	"channel" text NOT NULL,
	"languages" text[] NOT NULL,
	"state_code" text NOT NULL,
	"nationality" text NOT NULL,
	"profession" text NOT NULL,
	"gender" text NOT NULL,
	"age_group" text NOT NULL,
	"refugee" text NOT NULL,
	"n" integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX "monitoring_rollups_measure_month_idx" ON "monitoring_rollups" USING btree ("measure","month");--> statement-breakpoint
CREATE INDEX "monitoring_rollups_unit_idx" ON "monitoring_rollups" USING btree ("unit_id","measure","month");