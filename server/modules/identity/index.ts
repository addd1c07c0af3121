import type { AppContext } from "../../platform/context.js";
import type { HttpApp } from "../../platform/http.js";
import { registerMeRoutes } from "./me-routes.js";
import { registerPasswordResetRoutes } from "./password-reset-routes.js";
import { registerAuthRoutes } from "./routes.js";
import { registerUserRoutes } from "./users-routes.js";

/** All HTTP routes of the identity module. */
export function registerIdentityRoutes(app: HttpApp, ctx: AppContext): void {
  registerAuthRoutes(app, ctx);
  registerPasswordResetRoutes(app, ctx);
  registerMeRoutes(app, ctx);
  registerUserRoutes(app, ctx);
}
