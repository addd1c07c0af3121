import type { AppContext } from "./context.js";
import type { HttpApp } from "./http.js";
import { readOutbox } from "./mail.js";

/**
 * Development / demo only (never registered in production): the outbox of mails written
 * to DATA_DIR/outbox when no SMTP_URL is set, so password-reset links can be followed.
 */
export function registerDevRoutes(app: HttpApp, ctx: AppContext): void {
  if (ctx.config.smtpUrl) return;
  app.get("/api/dev/outbox", { config: { access: "public" }, schema: { hide: true } }, async () => ({
    items: await readOutbox(ctx.config.dataDir),
  }));
}
