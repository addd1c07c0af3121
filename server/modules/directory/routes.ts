import type { AppContext } from "../../platform/context.js";
import type { HttpApp } from "../../platform/http.js";

// Placeholder until the directory module lands (units, sites, providers).
export function registerDirectoryRoutes(_app: HttpApp, _ctx: AppContext): void {}
