-- Monitoring rollups (decision 0007). Every write to a fact table — the app, the retention job, a
-- merge, a bulk COPY of the national data generator, an operator in psql — appends its signed
-- contribution to monitoring_rollups in the same transaction, through statement-level triggers
-- with transition tables (one aggregated insert per statement, however many rows it touched).
-- What a fact contributes is defined once per fact table by a *_keys function below; the
-- triggers and the rebuild use the same functions. server/modules/monitoring/raw-facts.ts holds
-- the independent, hand-written SQL the tests compare against.

-- Small pure helpers --------------------------------------------------------------------------

CREATE FUNCTION monitoring_age_group(fact_year int, birth_year int) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT CASE
    WHEN birth_year IS NULL THEN ''
    WHEN fact_year - birth_year < 25 THEN 'under_25'
    WHEN fact_year - birth_year < 35 THEN '25_34'
    WHEN fact_year - birth_year < 45 THEN '35_44'
    WHEN fact_year - birth_year < 55 THEN '45_54'
    ELSE '55_plus'
  END
$$;
--> statement-breakpoint
CREATE FUNCTION monitoring_refugee(background boolean) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT CASE WHEN background THEN 'yes' WHEN NOT background THEN 'no' ELSE '' END
$$;
--> statement-breakpoint
CREATE FUNCTION monitoring_languages(languages text[]) RETURNS text[]
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT coalesce(array(SELECT DISTINCT l FROM unnest(languages) l ORDER BY l), '{}')
$$;
--> statement-breakpoint
CREATE FUNCTION monitoring_berlin_day(t timestamptz) RETURNS date
LANGUAGE sql STABLE PARALLEL SAFE AS $$
  SELECT (t AT TIME ZONE 'Europe/Berlin')::date
$$;
--> statement-breakpoint
CREATE FUNCTION monitoring_month(d date) RETURNS date
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT date_trunc('month', d::timestamp)::date
$$;
--> statement-breakpoint

-- What one fact contributes ------------------------------------------------------------------

-- A consultation counts once under its kind, and once per distinct Faire Integration reason
-- (multiple mentions). Client attributes are the client's current ones.
CREATE FUNCTION monitoring_consultation_keys(c consultations, k clients)
RETURNS TABLE (measure text, kind text, detail text, month date, unit_id uuid, recorded_on date, channel text,
               languages text[], state_code text, nationality text, profession text, gender text, age_group text,
               refugee text, n int)
LANGUAGE sql STABLE AS $$
  SELECT m.measure, c.kind, m.detail, monitoring_month(c.date), c.unit_id, monitoring_berlin_day(c.created_at), c.channel,
         monitoring_languages(c.languages), coalesce(k.state_code, ''), coalesce(k.nationalities[1], ''),
         coalesce(c.reference_profession_id::text, ''), k.gender,
         monitoring_age_group(extract(year FROM c.date)::int, k.birth_year), monitoring_refugee(k.refugee_background), 1
    FROM (SELECT 'consultation' AS measure, '' AS detail
          UNION ALL
          SELECT DISTINCT 'fi_reason', r FROM unnest(c.fi_reasons) r) m
$$;
--> statement-breakpoint
-- Group events have no clients: participants count, split by refugee background when recorded.
CREATE FUNCTION monitoring_group_event_keys(g group_events)
RETURNS TABLE (measure text, kind text, detail text, month date, unit_id uuid, recorded_on date, channel text,
               languages text[], state_code text, nationality text, profession text, gender text, age_group text,
               refugee text, n int)
LANGUAGE sql STABLE AS $$
  SELECT 'group_event', '', '', monitoring_month(g.date), g.unit_id, monitoring_berlin_day(g.created_at), g.channel,
         monitoring_languages(g.languages), '', '', '', '', '', p.refugee, p.n
    FROM (VALUES ('yes', g.refugee_participants),
                 ('no', g.participants - g.refugee_participants),
                 ('', CASE WHEN g.refugee_participants IS NULL THEN g.participants END)) p(refugee, n)
   WHERE p.n > 0
$$;
--> statement-breakpoint
-- A referral counts for the sending sub-project in the month it was sent, under its current status.
CREATE FUNCTION monitoring_referral_keys(r referrals, k clients)
RETURNS TABLE (measure text, kind text, detail text, month date, unit_id uuid, recorded_on date, channel text,
               languages text[], state_code text, nationality text, profession text, gender text, age_group text,
               refugee text, n int)
LANGUAGE sql STABLE AS $$
  SELECT 'referral', r.status, coalesce(r.external_service, 'partner'), monitoring_month(monitoring_berlin_day(r.sent_at)),
         r.from_unit_id, monitoring_berlin_day(r.sent_at), '', '{}'::text[], coalesce(k.state_code, ''),
         coalesce(k.nationalities[1], ''), '', k.gender,
         monitoring_age_group(extract(year FROM monitoring_berlin_day(r.sent_at))::int, k.birth_year),
         monitoring_refugee(k.refugee_background), 1
$$;
--> statement-breakpoint
-- A recognition procedure counts once decided, in the month of its decision, under its outcome.
CREATE FUNCTION monitoring_procedure_keys(p procedures, k clients)
RETURNS TABLE (measure text, kind text, detail text, month date, unit_id uuid, recorded_on date, channel text,
               languages text[], state_code text, nationality text, profession text, gender text, age_group text,
               refugee text, n int)
LANGUAGE sql STABLE AS $$
  SELECT 'procedure', p.outcome, '', monitoring_month(p.decision_date), p.unit_id, monitoring_berlin_day(p.created_at), '',
         '{}'::text[], coalesce(k.state_code, ''), coalesce(k.nationalities[1], ''), p.reference_profession_id::text, k.gender,
         monitoring_age_group(extract(year FROM p.decision_date)::int, k.birth_year), monitoring_refugee(k.refugee_background), 1
   WHERE p.decision_date IS NOT NULL
$$;
--> statement-breakpoint

-- Triggers: one aggregated, signed insert per statement ---------------------------------------

-- Inserted rows add their contribution, deleted rows take it back, updated rows do both — but
-- only when a column the contribution reads changed (an erasure blanking free texts, a version
-- bump move nothing). Static statements, so PL/pgSQL plans each once per connection: recording a
-- consultation pays one small aggregated insert. The transition tables are the statement's
-- rows; row(c.*)::<table> gives them the table's row type the *_keys functions take.
CREATE FUNCTION monitoring_consultations_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO monitoring_rollups
    SELECT f.measure, f.kind, f.detail, f.month, f.unit_id, f.recorded_on, f.channel, f.languages, f.state_code, f.nationality,
           f.profession, f.gender, f.age_group, f.refugee, sum(d.sign * f.n)::int
      FROM (SELECT row(c.*)::consultations AS c, 1 AS sign FROM new_rows c) d
      JOIN clients k ON k.id = (d.c).client_id
     CROSS JOIN LATERAL monitoring_consultation_keys(d.c, k) f
     GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14
    HAVING sum(d.sign * f.n) <> 0;
  ELSIF TG_OP = 'DELETE' THEN
    INSERT INTO monitoring_rollups
    SELECT f.measure, f.kind, f.detail, f.month, f.unit_id, f.recorded_on, f.channel, f.languages, f.state_code, f.nationality,
           f.profession, f.gender, f.age_group, f.refugee, sum(d.sign * f.n)::int
      FROM (SELECT row(c.*)::consultations AS c, -1 AS sign FROM old_rows c) d
      JOIN clients k ON k.id = (d.c).client_id
     CROSS JOIN LATERAL monitoring_consultation_keys(d.c, k) f
     GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14
    HAVING sum(d.sign * f.n) <> 0;
  ELSE
    INSERT INTO monitoring_rollups
    SELECT f.measure, f.kind, f.detail, f.month, f.unit_id, f.recorded_on, f.channel, f.languages, f.state_code, f.nationality,
           f.profession, f.gender, f.age_group, f.refugee, sum(d.sign * f.n)::int
      FROM (SELECT row(o.*)::consultations AS c, -1 AS sign FROM old_rows o JOIN new_rows x ON x.id = o.id
              WHERE (o.client_id, o.unit_id, o.date, o.kind, o.channel, o.languages, o.reference_profession_id, o.fi_reasons, o.created_at)
                    IS DISTINCT FROM (x.client_id, x.unit_id, x.date, x.kind, x.channel, x.languages, x.reference_profession_id, x.fi_reasons, x.created_at)
             UNION ALL
            SELECT row(x.*)::consultations, 1 FROM old_rows o JOIN new_rows x ON x.id = o.id
              WHERE (o.client_id, o.unit_id, o.date, o.kind, o.channel, o.languages, o.reference_profession_id, o.fi_reasons, o.created_at)
                    IS DISTINCT FROM (x.client_id, x.unit_id, x.date, x.kind, x.channel, x.languages, x.reference_profession_id, x.fi_reasons, x.created_at)) d
      JOIN clients k ON k.id = (d.c).client_id
     CROSS JOIN LATERAL monitoring_consultation_keys(d.c, k) f
     GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14
    HAVING sum(d.sign * f.n) <> 0;
  END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER consultations_monitoring_insert AFTER INSERT ON consultations REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION monitoring_consultations_changed();
--> statement-breakpoint
CREATE TRIGGER consultations_monitoring_update AFTER UPDATE ON consultations REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION monitoring_consultations_changed();
--> statement-breakpoint
CREATE TRIGGER consultations_monitoring_delete AFTER DELETE ON consultations REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION monitoring_consultations_changed();
--> statement-breakpoint
CREATE FUNCTION monitoring_group_events_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO monitoring_rollups
    SELECT f.measure, f.kind, f.detail, f.month, f.unit_id, f.recorded_on, f.channel, f.languages, f.state_code, f.nationality,
           f.profession, f.gender, f.age_group, f.refugee, sum(d.sign * f.n)::int
      FROM (SELECT row(c.*)::group_events AS c, 1 AS sign FROM new_rows c) d
     CROSS JOIN LATERAL monitoring_group_event_keys(d.c) f
     GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14
    HAVING sum(d.sign * f.n) <> 0;
  ELSIF TG_OP = 'DELETE' THEN
    INSERT INTO monitoring_rollups
    SELECT f.measure, f.kind, f.detail, f.month, f.unit_id, f.recorded_on, f.channel, f.languages, f.state_code, f.nationality,
           f.profession, f.gender, f.age_group, f.refugee, sum(d.sign * f.n)::int
      FROM (SELECT row(c.*)::group_events AS c, -1 AS sign FROM old_rows c) d
     CROSS JOIN LATERAL monitoring_group_event_keys(d.c) f
     GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14
    HAVING sum(d.sign * f.n) <> 0;
  ELSE
    INSERT INTO monitoring_rollups
    SELECT f.measure, f.kind, f.detail, f.month, f.unit_id, f.recorded_on, f.channel, f.languages, f.state_code, f.nationality,
           f.profession, f.gender, f.age_group, f.refugee, sum(d.sign * f.n)::int
      FROM (SELECT row(o.*)::group_events AS c, -1 AS sign FROM old_rows o JOIN new_rows x ON x.id = o.id
              WHERE (o.unit_id, o.date, o.channel, o.languages, o.participants, o.refugee_participants, o.created_at)
                    IS DISTINCT FROM (x.unit_id, x.date, x.channel, x.languages, x.participants, x.refugee_participants, x.created_at)
             UNION ALL
            SELECT row(x.*)::group_events, 1 FROM old_rows o JOIN new_rows x ON x.id = o.id
              WHERE (o.unit_id, o.date, o.channel, o.languages, o.participants, o.refugee_participants, o.created_at)
                    IS DISTINCT FROM (x.unit_id, x.date, x.channel, x.languages, x.participants, x.refugee_participants, x.created_at)) d
     CROSS JOIN LATERAL monitoring_group_event_keys(d.c) f
     GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14
    HAVING sum(d.sign * f.n) <> 0;
  END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER group_events_monitoring_insert AFTER INSERT ON group_events REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION monitoring_group_events_changed();
--> statement-breakpoint
CREATE TRIGGER group_events_monitoring_update AFTER UPDATE ON group_events REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION monitoring_group_events_changed();
--> statement-breakpoint
CREATE TRIGGER group_events_monitoring_delete AFTER DELETE ON group_events REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION monitoring_group_events_changed();
--> statement-breakpoint
CREATE FUNCTION monitoring_referrals_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO monitoring_rollups
    SELECT f.measure, f.kind, f.detail, f.month, f.unit_id, f.recorded_on, f.channel, f.languages, f.state_code, f.nationality,
           f.profession, f.gender, f.age_group, f.refugee, sum(d.sign * f.n)::int
      FROM (SELECT row(c.*)::referrals AS c, 1 AS sign FROM new_rows c) d
      JOIN clients k ON k.id = (d.c).client_id
     CROSS JOIN LATERAL monitoring_referral_keys(d.c, k) f
     GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14
    HAVING sum(d.sign * f.n) <> 0;
  ELSIF TG_OP = 'DELETE' THEN
    INSERT INTO monitoring_rollups
    SELECT f.measure, f.kind, f.detail, f.month, f.unit_id, f.recorded_on, f.channel, f.languages, f.state_code, f.nationality,
           f.profession, f.gender, f.age_group, f.refugee, sum(d.sign * f.n)::int
      FROM (SELECT row(c.*)::referrals AS c, -1 AS sign FROM old_rows c) d
      JOIN clients k ON k.id = (d.c).client_id
     CROSS JOIN LATERAL monitoring_referral_keys(d.c, k) f
     GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14
    HAVING sum(d.sign * f.n) <> 0;
  ELSE
    INSERT INTO monitoring_rollups
    SELECT f.measure, f.kind, f.detail, f.month, f.unit_id, f.recorded_on, f.channel, f.languages, f.state_code, f.nationality,
           f.profession, f.gender, f.age_group, f.refugee, sum(d.sign * f.n)::int
      FROM (SELECT row(o.*)::referrals AS c, -1 AS sign FROM old_rows o JOIN new_rows x ON x.id = o.id
              WHERE (o.client_id, o.from_unit_id, o.external_service, o.status, o.sent_at)
                    IS DISTINCT FROM (x.client_id, x.from_unit_id, x.external_service, x.status, x.sent_at)
             UNION ALL
            SELECT row(x.*)::referrals, 1 FROM old_rows o JOIN new_rows x ON x.id = o.id
              WHERE (o.client_id, o.from_unit_id, o.external_service, o.status, o.sent_at)
                    IS DISTINCT FROM (x.client_id, x.from_unit_id, x.external_service, x.status, x.sent_at)) d
      JOIN clients k ON k.id = (d.c).client_id
     CROSS JOIN LATERAL monitoring_referral_keys(d.c, k) f
     GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14
    HAVING sum(d.sign * f.n) <> 0;
  END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER referrals_monitoring_insert AFTER INSERT ON referrals REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION monitoring_referrals_changed();
--> statement-breakpoint
CREATE TRIGGER referrals_monitoring_update AFTER UPDATE ON referrals REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION monitoring_referrals_changed();
--> statement-breakpoint
CREATE TRIGGER referrals_monitoring_delete AFTER DELETE ON referrals REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION monitoring_referrals_changed();
--> statement-breakpoint
CREATE FUNCTION monitoring_procedures_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO monitoring_rollups
    SELECT f.measure, f.kind, f.detail, f.month, f.unit_id, f.recorded_on, f.channel, f.languages, f.state_code, f.nationality,
           f.profession, f.gender, f.age_group, f.refugee, sum(d.sign * f.n)::int
      FROM (SELECT row(c.*)::procedures AS c, 1 AS sign FROM new_rows c) d
      JOIN clients k ON k.id = (d.c).client_id
     CROSS JOIN LATERAL monitoring_procedure_keys(d.c, k) f
     GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14
    HAVING sum(d.sign * f.n) <> 0;
  ELSIF TG_OP = 'DELETE' THEN
    INSERT INTO monitoring_rollups
    SELECT f.measure, f.kind, f.detail, f.month, f.unit_id, f.recorded_on, f.channel, f.languages, f.state_code, f.nationality,
           f.profession, f.gender, f.age_group, f.refugee, sum(d.sign * f.n)::int
      FROM (SELECT row(c.*)::procedures AS c, -1 AS sign FROM old_rows c) d
      JOIN clients k ON k.id = (d.c).client_id
     CROSS JOIN LATERAL monitoring_procedure_keys(d.c, k) f
     GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14
    HAVING sum(d.sign * f.n) <> 0;
  ELSE
    INSERT INTO monitoring_rollups
    SELECT f.measure, f.kind, f.detail, f.month, f.unit_id, f.recorded_on, f.channel, f.languages, f.state_code, f.nationality,
           f.profession, f.gender, f.age_group, f.refugee, sum(d.sign * f.n)::int
      FROM (SELECT row(o.*)::procedures AS c, -1 AS sign FROM old_rows o JOIN new_rows x ON x.id = o.id
              WHERE (o.client_id, o.unit_id, o.reference_profession_id, o.outcome, o.decision_date, o.created_at)
                    IS DISTINCT FROM (x.client_id, x.unit_id, x.reference_profession_id, x.outcome, x.decision_date, x.created_at)
             UNION ALL
            SELECT row(x.*)::procedures, 1 FROM old_rows o JOIN new_rows x ON x.id = o.id
              WHERE (o.client_id, o.unit_id, o.reference_profession_id, o.outcome, o.decision_date, o.created_at)
                    IS DISTINCT FROM (x.client_id, x.unit_id, x.reference_profession_id, x.outcome, x.decision_date, x.created_at)) d
      JOIN clients k ON k.id = (d.c).client_id
     CROSS JOIN LATERAL monitoring_procedure_keys(d.c, k) f
     GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14
    HAVING sum(d.sign * f.n) <> 0;
  END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER procedures_monitoring_insert AFTER INSERT ON procedures REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION monitoring_procedures_changed();
--> statement-breakpoint
CREATE TRIGGER procedures_monitoring_update AFTER UPDATE ON procedures REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION monitoring_procedures_changed();
--> statement-breakpoint
CREATE TRIGGER procedures_monitoring_delete AFTER DELETE ON procedures REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION monitoring_procedures_changed();
--> statement-breakpoint

-- A client's attributes are part of every contribution of their facts: an edit moves them all,
-- from the old attributes to the new, in the same statement. (Erasure blanks only names and
-- contact data, which no contribution reads; a merge moves the facts themselves.)
CREATE FUNCTION monitoring_clients_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  WITH changed AS (
    SELECT o.id FROM old_rows o JOIN new_rows x ON x.id = o.id
     WHERE (o.state_code, o.nationalities[1], o.gender, o.birth_year, o.refugee_background)
           IS DISTINCT FROM (x.state_code, x.nationalities[1], x.gender, x.birth_year, x.refugee_background)),
  versions AS (
    SELECT row(o.*)::clients AS k, -1 AS sign FROM old_rows o JOIN changed USING (id)
    UNION ALL
    SELECT row(x.*)::clients, 1 FROM new_rows x JOIN changed USING (id)),
  delta AS (
    SELECT f.*, v.sign FROM versions v JOIN consultations c ON c.client_id = (v.k).id
     CROSS JOIN LATERAL monitoring_consultation_keys(c, v.k) f
    UNION ALL
    SELECT f.*, v.sign FROM versions v JOIN referrals r ON r.client_id = (v.k).id
     CROSS JOIN LATERAL monitoring_referral_keys(r, v.k) f
    UNION ALL
    SELECT f.*, v.sign FROM versions v JOIN procedures p ON p.client_id = (v.k).id
     CROSS JOIN LATERAL monitoring_procedure_keys(p, v.k) f)
  INSERT INTO monitoring_rollups
  SELECT measure, kind, detail, month, unit_id, recorded_on, channel, languages, state_code, nationality, profession, gender,
         age_group, refugee, sum(sign * n)::int
    FROM delta
   GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14
  HAVING sum(sign * n) <> 0;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER clients_monitoring_update AFTER UPDATE ON clients REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION monitoring_clients_changed();
--> statement-breakpoint

-- Rebuild and compaction -----------------------------------------------------------------------

-- Recomputes every rollup from the facts (npm run monitoring:rebuild). TRUNCATE locks the table
-- until commit, so a write racing the rebuild waits and then adds its own contribution once.
CREATE FUNCTION monitoring_rebuild_rollups() RETURNS bigint LANGUAGE plpgsql AS $$
DECLARE
  total bigint;
BEGIN
  TRUNCATE monitoring_rollups;
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
   GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14;
  SELECT count(*) INTO total FROM monitoring_rollups;
  RETURN total;
END;
$$;
--> statement-breakpoint
-- Folds the rows of each key into one (and drops keys that sum to zero). Only rows visible when
-- it starts are touched; rows appended meanwhile stay as they are, so writers never wait for it.
CREATE FUNCTION monitoring_compact_rollups() RETURNS bigint LANGUAGE plpgsql AS $$
DECLARE
  removed bigint;
BEGIN
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
  RETURN removed;
END;
$$;
--> statement-breakpoint
-- Facts recorded before this migration (the demo data of an existing installation).
SELECT monitoring_rebuild_rollups();
