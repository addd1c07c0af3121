-- Nodes cache directory lists (directory/directory-cache.ts). Any change to units, sites or providers
-- announces itself on the channel "directory_changed", whoever makes it (the app, a seed, an
-- operator in psql), and every node drops its cache. Statement-level: a bulk change is one
-- announcement.
CREATE FUNCTION notify_directory_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('directory_changed', TG_TABLE_NAME);
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER units_directory_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON units
  FOR EACH STATEMENT EXECUTE FUNCTION notify_directory_changed();
--> statement-breakpoint
CREATE TRIGGER sites_directory_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON sites
  FOR EACH STATEMENT EXECUTE FUNCTION notify_directory_changed();
--> statement-breakpoint
CREATE TRIGGER providers_directory_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON providers
  FOR EACH STATEMENT EXECUTE FUNCTION notify_directory_changed();
