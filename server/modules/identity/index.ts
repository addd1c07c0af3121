import type { AppContext } from "../../platform/context.js";
import type { HttpApp } from "../../platform/http.js";
import { registerAuthRoutes } from "./routes.js";

/** All HTTP routes of the identity module. */
export function registerIdentityRoutes(app: HttpApp, ctx: AppContext): void {
  registerAuthRoutes(app, ctx);
}
