-- btree_gin lets one GIN index hold the owning unit and the name trigrams, so a counselor's
-- search reads only the names of their own sub-project (bench: 40-260 ms -> 5-20 ms at 200,000
-- clients). A trusted extension of PostgreSQL's contrib, like pg_trgm.
CREATE EXTENSION IF NOT EXISTS btree_gin;
