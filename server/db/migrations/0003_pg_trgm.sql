-- Trigram matching for client search and duplicate detection (clients.search_name). pg_trgm is
-- a trusted extension: the database owner may create it without superuser rights.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
