DROP INDEX "clients_search_name_trgm_idx";--> statement-breakpoint
CREATE INDEX "clients_unit_search_trgm_idx" ON "clients" USING gin ("unit_id","search_name" gin_trgm_ops);