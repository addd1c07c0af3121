import type { Role } from "../../../common/domain/roles.js";
import { germanStates } from "../../../common/domain/units.js";
import type { Executor } from "../../db/index.js";
import { roleAssignments, users } from "../../db/schema/index.js";
import { hashPassword } from "./passwords.js";

/** The demo accounts of the README; unit keys come from the network seed. */
export const demoAccounts: { email: string; displayName: string; role: Role; unitKey: string }[] = [
  { email: "admin@lotse.demo", displayName: "Alex Admin (Demo)", role: "administrator", unitKey: "federal" },
  { email: "koordination.berlin@lotse.demo", displayName: "Kim Koordination (Demo)", role: "state_coordination", unitKey: "state:DE-BE" },
  { email: "leitung.berlin@lotse.demo", displayName: "Lea Leitung (Demo)", role: "sub_project_lead", unitKey: "demo-sub-project:DE-BE" },
  { email: "berater.berlin@lotse.demo", displayName: "Ben Berater (Demo)", role: "counselor", unitKey: "demo-sub-project:DE-BE" },
  { email: "berater.bayern@lotse.demo", displayName: "Bea Beraterin (Demo)", role: "counselor", unitKey: "demo-sub-project:DE-BY" },
  {
    email: "quali.bayern@lotse.demo",
    displayName: "Quinn Qualifizierung (Demo)",
    role: "counselor",
    unitKey: "demo-sub-project:DE-BY:qualification",
  },
  { email: "fi.berlin@lotse.demo", displayName: "Fatma Faire-Integration (Demo)", role: "counselor", unitKey: "fi:be" },
  { email: "support.fi@lotse.demo", displayName: "Sami Support (Demo)", role: "counselor", unitKey: "support-team" },
  { email: "monitoring@lotse.demo", displayName: "Mo Monitoring (Demo)", role: "monitoring", unitKey: "federal" },
  { email: "bund@lotse.demo", displayName: "Bo Bund (Demo)", role: "federal", unitKey: "federal" },
];

/**
 * One demo counseling team in the recognition sub-project of every state network, so that every
 * state has counselors with published hours to book (they can sign in like the others).
 */
export const demoTeamAccounts: typeof demoAccounts = germanStates.map((state) => ({
  email: `team.${state.abbr.toLowerCase()}@lotse.demo`,
  displayName: `Team Beratung ${state.name} (Demo)`,
  role: "counselor",
  unitKey: `demo-sub-project:${state.code}`,
}));

export async function seedDemoUsers(exec: Executor, unitIds: Map<string, string>, password: string): Promise<void> {
  const passwordHash = await hashPassword(password);
  for (const account of [...demoAccounts, ...demoTeamAccounts]) {
    const unitId = unitIds.get(account.unitKey);
    if (!unitId) throw new Error(`demo unit ${account.unitKey} missing from the network seed`);
    const [user] = await exec
      .insert(users)
      .values({ email: account.email, displayName: account.displayName, passwordHash, isDemo: true })
      .returning({ id: users.id });
    await exec.insert(roleAssignments).values({ userId: user!.id, role: account.role, unitId });
  }
}
