import { instanceSettings } from "../db/schema/index.js";
import { seedDemoAvailability } from "../modules/appointments/demo-availability.js";
import { seedDemoClients } from "../modules/clients/demo-clients.js";
import { seedNetwork } from "../modules/directory/seed.js";
import { berlinToday } from "../modules/directory/service.js";
import { seedDemoUsers } from "../modules/identity/demo-users.js";
import { generateMonitoringData } from "../modules/monitoring/generator/index.js";
import type { AppContext } from "../platform/context.js";

const MARKER = "demo_seeded_at";

/**
 * Seeds the network, the demo accounts and invented demo clients once per database (a marker row guards it, so
 * restarts and several nodes starting together do not seed twice), then the monitoring's demo data set (its own
 * marker; `monitoring: false` leaves it out). Never in production.
 */
export async function seedDemoData(ctx: AppContext, options: { monitoring?: boolean } = {}): Promise<boolean> {
  if (ctx.config.production) throw new Error("demo data is refused when NODE_ENV=production");
  const seeded = await seedDemoBase(ctx);
  if (options.monitoring ?? true) {
    const result = await generateMonitoringData(ctx, { scale: "demo" });
    if (result.write) ctx.log.info({ rows: result.rows, ms: result.totalMs }, "demo monitoring data generated");
  }
  return seeded;
}

function seedDemoBase(ctx: AppContext): Promise<boolean> {
  return ctx.database.db.transaction(async (tx) => {
    const claimed = await tx
      .insert(instanceSettings)
      .values({ key: MARKER, value: new Date().toISOString() })
      .onConflictDoNothing()
      .returning();
    if (claimed.length === 0) return false;
    const unitIds = await seedNetwork(tx, { demo: true });
    await seedDemoUsers(tx, unitIds, ctx.config.demoPassword);
    await seedDemoClients(ctx, tx, unitIds);
    await seedDemoAvailability(tx, unitIds, berlinToday(ctx));
    ctx.log.info("demo data seeded");
    return true;
  });
}
