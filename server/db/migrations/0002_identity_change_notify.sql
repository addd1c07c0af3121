-- Nodes cache resolved sessions for a few seconds (identity/session-cache.ts). Any change that
-- can alter who a session's holder is or what they may do announces itself on the channel
-- "identity_changed", whoever makes it (the app, a job, an operator in psql), and every node
-- drops its cache. Touching last_seen_at is not such a change and stays silent.
CREATE FUNCTION notify_identity_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('identity_changed', TG_TABLE_NAME);
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER sessions_identity_changed AFTER UPDATE OF revoked_at, mfa_verified_at, expires_at, user_id, token_hash, csrf_token OR DELETE ON sessions
  FOR EACH STATEMENT EXECUTE FUNCTION notify_identity_changed();
--> statement-breakpoint
CREATE TRIGGER sessions_identity_truncated AFTER TRUNCATE ON sessions
  FOR EACH STATEMENT EXECUTE FUNCTION notify_identity_changed();
--> statement-breakpoint
CREATE TRIGGER users_identity_changed AFTER UPDATE OR DELETE OR TRUNCATE ON users
  FOR EACH STATEMENT EXECUTE FUNCTION notify_identity_changed();
--> statement-breakpoint
CREATE TRIGGER role_assignments_identity_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON role_assignments
  FOR EACH STATEMENT EXECUTE FUNCTION notify_identity_changed();
--> statement-breakpoint
CREATE TRIGGER units_identity_changed AFTER UPDATE OF path OR DELETE OR TRUNCATE ON units
  FOR EACH STATEMENT EXECUTE FUNCTION notify_identity_changed();
