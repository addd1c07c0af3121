import type { AppContext } from "../../platform/context.js";
import type { HttpApp } from "../../platform/http.js";

export function registerReferralRoutes(_app: HttpApp, _ctx: AppContext): void {}
