import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import type { Executor } from "../../db/index.js";
import { providers, units } from "../../db/schema/index.js";
import type { UnitType } from "../../../common/domain/units.js";

/**
 * Seeds the network tree. Keys name units for other seeds (demo users, demo data):
 * "federal", "state:DE-BE", "demo-sub-project:DE-BE", …
 * TEMPORARY MINIMAL VERSION — the directory module replaces it with the full seed.
 */
export async function seedNetwork(exec: Executor): Promise<Map<string, string>> {
  const keys = new Map<string, string>();
  const existing = await exec.select({ id: units.id }).from(units).where(eq(units.type, "federal"));
  if (existing[0]) throw new Error("network already seeded");

  const insertUnit = async (key: string, type: UnitType, name: string, parentKey: string | null, extra: { stateCode?: string; providerName?: string; isDemo?: boolean; fieldOfAction?: string } = {}) => {
    const id = randomUUID();
    const parentId = parentKey ? keys.get(parentKey)! : null;
    const parent = parentId ? (await exec.select().from(units).where(eq(units.id, parentId)))[0]! : null;
    let providerId: string | null = null;
    if (extra.providerName) {
      const [p] = await exec.insert(providers).values({ name: extra.providerName, isDemo: extra.isDemo ?? false }).returning();
      providerId = p!.id;
    }
    await exec.insert(units).values({
      id,
      type,
      name,
      parentId,
      path: parent ? `${parent.path}/${id}` : id,
      depth: parent ? parent.depth + 1 : 0,
      stateCode: extra.stateCode ?? parent?.stateCode ?? null,
      providerId,
      fieldOfAction: extra.fieldOfAction ?? null,
      isDemo: extra.isDemo ?? false,
      openedOn: "2015-01-01",
    });
    keys.set(key, id);
  };

  await insertUnit("federal", "federal", "Förderprogramm IQ (Bund)", null);
  await insertUnit("state:DE-BE", "state_network", "IQ Netzwerk Berlin", "federal", { stateCode: "DE-BE", providerName: "Das Büro des Beauftragten für Integration und Migration" });
  await insertUnit("state:DE-BY", "state_network", "IQ Netzwerk Bayern – MigraNet", "federal", { stateCode: "DE-BY", providerName: "Tür an Tür – Integrationsprojekte gGmbH" });
  await insertUnit("demo-sub-project:DE-BE", "sub_project", "Anerkennungsberatung Berlin (Demo)", "state:DE-BE", { isDemo: true, fieldOfAction: "recognition_counseling", providerName: "Demo-Träger Berlin e.V." });
  await insertUnit("demo-sub-project:DE-BY", "sub_project", "Anerkennungsberatung Bayern (Demo)", "state:DE-BY", { isDemo: true, fieldOfAction: "recognition_counseling", providerName: "Demo-Träger Bayern e.V." });
  return keys;
}
