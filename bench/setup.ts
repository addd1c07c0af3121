import { sql } from "drizzle-orm";
import { openDatabase, queryRows } from "../server/db/index.js";
import { applyMigrations } from "../server/db/migrate.js";
import { roleAssignments, users } from "../server/db/schema/index.js";
import { seedNetwork } from "../server/modules/directory/seed.js";
import { hashPassword } from "../server/modules/identity/passwords.js";
import { newTotpSecret, TOTP_PURPOSE } from "../server/modules/identity/totp.js";
import { encryptSecret } from "../server/platform/secrets.js";

/**
 * Prepares the benchmark database with the project's own code. A production start refuses
 * demo data, so this seeds the network and two bench users directly:
 *   - a state coordination on "state:DE-BE" with TOTP enrolled (production requires MFA for
 *     roles that read personal data), used for the authenticated read;
 *   - a root administrator without TOTP, used for the password login benchmark.
 * Prints the facts the driver needs as JSON on stdout.
 */
const url = process.env.DATABASE_URL;
const sessionSecret = process.env.SESSION_SECRET;
if (!url || !sessionSecret) throw new Error("bench/setup.ts needs DATABASE_URL and SESSION_SECRET");

const password = "bench-password-2026";
const database = await openDatabase({ kind: "postgres", url });
await applyMigrations(database);
const totpSecret = newTotpSecret();
const facts = await database.db.transaction(async (tx) => {
  const unitIds = await seedNetwork(tx);
  const passwordHash = await hashPassword(password);
  const add = async (email: string, role: "state_coordination" | "administrator", unitKey: string, totp: boolean) => {
    const [user] = await tx
      .insert(users)
      .values({
        email,
        displayName: email,
        passwordHash,
        ...(totp
          ? { totpSecretEnc: encryptSecret(Buffer.from(sessionSecret, "utf8"), TOTP_PURPOSE, totpSecret), totpEnabledAt: new Date() }
          : {}),
      })
      .returning({ id: users.id });
    await tx.insert(roleAssignments).values({ userId: user!.id, role, unitId: unitIds.get(unitKey)! });
  };
  await add("bench.koordination@lotse.bench", "state_coordination", "state:DE-BE", true);
  await add("bench.admin@lotse.bench", "administrator", "federal", false);
  const [counts] = await queryRows<{ units: number }>(tx, sql`select count(*)::int as units from units`);
  return { stateUnitId: unitIds.get("state:DE-BE")!, units: counts?.units ?? 0 };
});
await database.close();
console.log(
  JSON.stringify({ password, totpSecret, coordination: "bench.koordination@lotse.bench", admin: "bench.admin@lotse.bench", ...facts }),
);
