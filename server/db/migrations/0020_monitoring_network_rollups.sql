CREATE TABLE "monitoring_network_rollups" (
	"measure" text NOT NULL,
	"kind" text NOT NULL,
	"detail" text NOT NULL,
	"month" date NOT NULL,
	"network_id" uuid NOT NULL,
	"field" text NOT NULL,
	"dimension" text NOT NULL,
	"value" text NOT NULL,
	"n" integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX "monitoring_network_rollups_read_idx" ON "monitoring_network_rollups" USING btree ("measure","dimension","month");--> statement-breakpoint

-- The network rollups (decision 0007 §10). A rollup row counts once for the total of its key ('')
-- and once for each client attribute; the sub-project becomes its state network (the unit below
-- the root on its path, as the directory's statisticalUnitsUnder names it) and field of action.
-- Only sub-projects count, as only they are statistical units.
CREATE FUNCTION monitoring_network_attributes(r monitoring_rollups) RETURNS TABLE (dimension text, value text)
LANGUAGE sql IMMUTABLE AS $$
  SELECT * FROM (VALUES ('', ''), ('state', r.state_code), ('nationality', r.nationality), ('profession', r.profession),
                        ('gender', r.gender), ('age_group', r.age_group), ('refugee', r.refugee)) a(dimension, value)
$$;
--> statement-breakpoint

-- Every delta appended to monitoring_rollups, summed into the network rollups in the same
-- statement. The rebuild and the compaction rewrite the rollups without changing any sum; they
-- mark their transaction (lotse.monitoring_maintenance) so that their inserts are not counted twice.
CREATE FUNCTION monitoring_rollups_appended() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF current_setting('lotse.monitoring_maintenance', true) = 'on' THEN
    RETURN NULL;
  END IF;
  INSERT INTO monitoring_network_rollups
  SELECT r.measure, r.kind, r.detail, r.month, split_part(u.path, '/', 2)::uuid, coalesce(u.field_of_action, ''), a.dimension, a.value,
         sum(r.n)::int
    FROM new_rows r
    JOIN units u ON u.id = r.unit_id AND u.type = 'sub_project'
   CROSS JOIN LATERAL monitoring_network_attributes(row(r.*)::monitoring_rollups) a
   GROUP BY 1, 2, 3, 4, 5, 6, 7, 8
  HAVING sum(r.n) <> 0;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER monitoring_rollups_to_networks AFTER INSERT ON monitoring_rollups REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION monitoring_rollups_appended();
--> statement-breakpoint

-- A sub-project that moves to another state network, changes its field of action, or stops or
-- starts being a sub-project takes its counts along, in the same statement as the change.
CREATE FUNCTION monitoring_units_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  WITH changed AS (
    SELECT o.id,
           o.type = 'sub_project' AS counted_before, split_part(o.path, '/', 2) AS network_before, coalesce(o.field_of_action, '') AS field_before,
           x.type = 'sub_project' AS counted, split_part(x.path, '/', 2) AS network, coalesce(x.field_of_action, '') AS field
      FROM old_rows o JOIN new_rows x ON x.id = o.id
     WHERE (o.type = 'sub_project' OR x.type = 'sub_project')
       AND (o.type = 'sub_project', split_part(o.path, '/', 2), coalesce(o.field_of_action, ''))
           IS DISTINCT FROM (x.type = 'sub_project', split_part(x.path, '/', 2), coalesce(x.field_of_action, ''))),
  moves AS (
    SELECT id, network_before AS network, field_before AS field, -1 AS sign FROM changed WHERE counted_before
    UNION ALL
    SELECT id, network, field, 1 FROM changed WHERE counted)
  INSERT INTO monitoring_network_rollups
  SELECT r.measure, r.kind, r.detail, r.month, m.network::uuid, m.field, a.dimension, a.value, sum(m.sign * r.n)::int
    FROM moves m
    JOIN monitoring_rollups r ON r.unit_id = m.id
   CROSS JOIN LATERAL monitoring_network_attributes(r) a
   GROUP BY 1, 2, 3, 4, 5, 6, 7, 8
  HAVING sum(m.sign * r.n) <> 0;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER units_monitoring_update AFTER UPDATE ON units REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION monitoring_units_changed();
--> statement-breakpoint

-- The rebuild recomputes both tables: the rollups from the facts (as before, in reading order),
-- the network rollups from the rollups, ordered by family, attribute and month as reports read them.
CREATE OR REPLACE FUNCTION monitoring_rebuild_rollups() RETURNS bigint LANGUAGE plpgsql AS $$
DECLARE
  total bigint;
BEGIN
  PERFORM set_config('lotse.monitoring_maintenance', 'on', true);
  TRUNCATE monitoring_rollups, monitoring_network_rollups;
  INSERT INTO monitoring_rollups
  SELECT f.measure, f.kind, f.detail, f.month, f.unit_id, f.recorded_on, f.channel, f.languages, f.state_code, f.nationality,
         f.profession, f.gender, f.age_group, f.refugee, sum(f.n)::int
    FROM (SELECT f.* FROM consultations c JOIN clients k ON k.id = c.client_id CROSS JOIN LATERAL monitoring_consultation_keys(c, k) f
          UNION ALL
          SELECT f.* FROM group_events g CROSS JOIN LATERAL monitoring_group_event_keys(g) f
          UNION ALL
          SELECT f.* FROM referrals r JOIN clients k ON k.id = r.client_id CROSS JOIN LATERAL monitoring_referral_keys(r, k) f
          UNION ALL
          SELECT f.* FROM procedures p JOIN clients k ON k.id = p.client_id CROSS JOIN LATERAL monitoring_procedure_keys(p, k) f) f
   GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14
   ORDER BY f.measure, f.month, f.unit_id;
  INSERT INTO monitoring_network_rollups
  SELECT r.measure, r.kind, r.detail, r.month, split_part(u.path, '/', 2)::uuid, coalesce(u.field_of_action, ''), a.dimension, a.value,
         sum(r.n)::int
    FROM monitoring_rollups r
    JOIN units u ON u.id = r.unit_id AND u.type = 'sub_project'
   CROSS JOIN LATERAL monitoring_network_attributes(r) a
   GROUP BY 1, 2, 3, 4, 5, 6, 7, 8
  HAVING sum(r.n) <> 0
   ORDER BY 1, 7, 4, 5;
  PERFORM set_config('lotse.monitoring_maintenance', 'off', true);
  SELECT count(*) INTO total FROM monitoring_rollups;
  RETURN total;
END;
$$;
--> statement-breakpoint

-- Compaction folds both journals; folding changes no sum, so it does not feed the network rollups.
CREATE OR REPLACE FUNCTION monitoring_compact_rollups() RETURNS bigint LANGUAGE plpgsql AS $$
DECLARE
  removed bigint;
  removed_networks bigint;
BEGIN
  PERFORM set_config('lotse.monitoring_maintenance', 'on', true);
  WITH keys AS (
    SELECT measure, kind, detail, month, unit_id, recorded_on, channel, languages, state_code, nationality, profession, gender,
           age_group, refugee
      FROM monitoring_rollups
     GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14
    HAVING count(*) > 1 OR sum(n) = 0),
  gone AS (
    DELETE FROM monitoring_rollups r USING keys s
     WHERE (r.measure, r.kind, r.detail, r.month, r.unit_id, r.recorded_on, r.channel, r.languages, r.state_code, r.nationality,
            r.profession, r.gender, r.age_group, r.refugee)
         = (s.measure, s.kind, s.detail, s.month, s.unit_id, s.recorded_on, s.channel, s.languages, s.state_code, s.nationality,
            s.profession, s.gender, s.age_group, s.refugee)
    RETURNING r.*),
  folded AS (
    INSERT INTO monitoring_rollups
    SELECT measure, kind, detail, month, unit_id, recorded_on, channel, languages, state_code, nationality, profession, gender,
           age_group, refugee, sum(n)::int
      FROM gone
     GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14
    HAVING sum(n) <> 0
    RETURNING 1)
  SELECT (SELECT count(*) FROM gone) - (SELECT count(*) FROM folded) INTO removed;
  WITH keys AS (
    SELECT measure, kind, detail, month, network_id, field, dimension, value
      FROM monitoring_network_rollups
     GROUP BY 1, 2, 3, 4, 5, 6, 7, 8
    HAVING count(*) > 1 OR sum(n) = 0),
  gone AS (
    DELETE FROM monitoring_network_rollups r USING keys s
     WHERE (r.measure, r.kind, r.detail, r.month, r.network_id, r.field, r.dimension, r.value)
         = (s.measure, s.kind, s.detail, s.month, s.network_id, s.field, s.dimension, s.value)
    RETURNING r.*),
  folded AS (
    INSERT INTO monitoring_network_rollups
    SELECT measure, kind, detail, month, network_id, field, dimension, value, sum(n)::int
      FROM gone
     GROUP BY 1, 2, 3, 4, 5, 6, 7, 8
    HAVING sum(n) <> 0
    RETURNING 1)
  SELECT (SELECT count(*) FROM gone) - (SELECT count(*) FROM folded) INTO removed_networks;
  PERFORM set_config('lotse.monitoring_maintenance', 'off', true);
  RETURN removed + removed_networks;
END;
$$;
--> statement-breakpoint
-- The network rollups of the facts already there.
SELECT monitoring_rebuild_rollups();
