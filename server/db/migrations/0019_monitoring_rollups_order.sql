-- The rebuild writes the rollups in the order reports read them (family, then month, then
-- sub-project): a report's period is then a contiguous stretch of the table, and its index scan
-- reads a few thousand adjacent pages instead of pages from all over it. On the national data
-- set, with the table larger than shared_buffers, reports took about half the time (decision 0007).
-- Rows the triggers append later land at the end, which is where recent months belong anyway.
CREATE OR REPLACE FUNCTION monitoring_rebuild_rollups() RETURNS bigint LANGUAGE plpgsql AS $$
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
   GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14
   ORDER BY f.measure, f.month, f.unit_id;
  SELECT count(*) INTO total FROM monitoring_rollups;
  RETURN total;
END;
$$;
