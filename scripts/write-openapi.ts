/**
 * Writes the OpenAPI 3.1 document generated from the zod contracts to docs/api/openapi.json.
 * Run it (npm run openapi) after changing a route; a test fails while the committed copy drifts.
 */
import { writeFileSync } from "node:fs";
import { buildApp } from "../server/app.js";
import { loadConfig } from "../server/config.js";
import { openDatabase } from "../server/db/index.js";
import { applyMigrations } from "../server/db/migrate.js";
import { resolveFromRoot } from "../server/platform/paths.js";

export const OPENAPI_FILE = "docs/api/openapi.json";

const database = await openDatabase({ kind: "pglite" });
await applyMigrations(database);
const { app } = await buildApp({ config: loadConfig({ NODE_ENV: "test", LOG_LEVEL: "silent" }), database, logger: false });
await app.ready();
writeFileSync(resolveFromRoot(OPENAPI_FILE), `${JSON.stringify(app.swagger(), null, 2)}\n`);
await app.close();
await database.close();
console.log(`wrote ${OPENAPI_FILE}`);
