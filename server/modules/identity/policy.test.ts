import { describe, expect, it } from "vitest";
import type { Role } from "../../../common/domain/roles.js";
import { canGrantRole, canManageUser, canRevokeGrant, canSeeUser, grantableRoles, managesAnyUsers, userAbilities } from "./policy.js";

// A small tree: root / {berlin / {spBerlin / site}, bayern / spBayern}
const P = {
  root: "R",
  berlin: "R/BE",
  spBerlin: "R/BE/SP1",
  site: "R/BE/SP1/S1",
  bayern: "R/BY",
  spBayern: "R/BY/SP2",
};
const unit = (path: string, type: string) => ({ path, type });
const U = {
  root: unit(P.root, "federal"),
  berlin: unit(P.berlin, "state_network"),
  spBerlin: unit(P.spBerlin, "sub_project"),
  site: unit(P.site, "site"),
  bayern: unit(P.bayern, "state_network"),
  spBayern: unit(P.spBayern, "sub_project"),
};
const actor = (id: string, ...grants: [Role, string][]) => ({
  userId: id,
  grants: grants.map(([role, unitPath]) => ({ role, unitId: unitPath, unitPath })),
});
const target = (id: string, ...grants: [Role, string][]) => ({ id, grants: grants.map(([role, unitPath]) => ({ role, unitPath })) });

const rootAdmin = actor("root", ["administrator", P.root]);
const berlinAdmin = actor("ba", ["administrator", P.berlin]);
const coordination = actor("co", ["state_coordination", P.berlin]);
const lead = actor("le", ["sub_project_lead", P.spBerlin]);
const counselor = actor("cn", ["counselor", P.spBerlin]);
const monitoring = actor("mo", ["monitoring", P.root]);
const federal = actor("fe", ["federal", P.root]);

describe("identity policy", () => {
  it("lets only administrators, state coordination and sub-project leads manage users", () => {
    for (const a of [rootAdmin, berlinAdmin, coordination, lead]) expect(managesAnyUsers(a)).toBe(true);
    for (const a of [counselor, monitoring, federal]) expect(managesAnyUsers(a)).toBe(false);
  });

  it("grants by role and scope", () => {
    expect(grantableRoles(rootAdmin, U.root)).toEqual(["administrator", "monitoring", "federal"]);
    expect(grantableRoles(rootAdmin, U.berlin)).toEqual(["administrator", "state_coordination"]);
    expect(grantableRoles(berlinAdmin, U.berlin)).toEqual(["state_coordination"]);
    expect(grantableRoles(berlinAdmin, U.spBerlin)).toEqual(["sub_project_lead", "counselor"]);
    expect(grantableRoles(berlinAdmin, U.root)).toEqual([]);
    expect(grantableRoles(berlinAdmin, U.spBayern)).toEqual([]);
    expect(grantableRoles(coordination, U.spBerlin)).toEqual(["sub_project_lead", "counselor"]);
    expect(grantableRoles(coordination, U.berlin)).toEqual([]);
    expect(grantableRoles(coordination, U.spBayern)).toEqual([]);
    expect(grantableRoles(lead, U.spBerlin)).toEqual(["counselor"]);
    expect(grantableRoles(lead, U.spBayern)).toEqual([]);
    for (const a of [counselor, monitoring, federal]) expect(grantableRoles(a, U.spBerlin)).toEqual([]);
  });

  it("never lets anyone change their own grants", () => {
    expect(canGrantRole(rootAdmin, { id: "root" }, "counselor", U.spBerlin)).toBe(false);
    expect(canRevokeGrant(coordination, { id: "co" }, { role: "state_coordination", unitPath: P.berlin })).toBe(false);
    expect(canManageUser(rootAdmin, target("root", ["administrator", P.root]))).toBe(false);
    expect(userAbilities(lead, target("le", ["sub_project_lead", P.spBerlin]))).toEqual({
      update: false,
      disable: false,
      grantRoles: false,
    });
  });

  it("sees users with a grant inside the managed subtree, and oneself", () => {
    const ben = target("ben", ["counselor", P.spBerlin]);
    const bea = target("bea", ["counselor", P.spBayern]);
    const kim = target("kim", ["state_coordination", P.berlin]);
    expect(canSeeUser(coordination, ben)).toBe(true);
    expect(canSeeUser(coordination, bea)).toBe(false);
    expect(canSeeUser(lead, kim)).toBe(false);
    expect(canSeeUser(counselor, ben)).toBe(false);
    expect(canSeeUser(counselor, target("cn", ["counselor", P.spBerlin]))).toBe(true);
    expect(canSeeUser(rootAdmin, target("nobody"))).toBe(true);
    expect(canSeeUser(berlinAdmin, target("nobody"))).toBe(false);
  });

  it("manages a user only when the actor could have granted every role the user holds", () => {
    const mixed = target("mx", ["counselor", P.spBerlin], ["counselor", P.spBayern]);
    expect(canSeeUser(coordination, mixed)).toBe(true);
    expect(canManageUser(coordination, mixed)).toBe(false);
    expect(canManageUser(rootAdmin, mixed)).toBe(true);
    expect(canManageUser(coordination, target("le2", ["sub_project_lead", P.spBerlin]))).toBe(true);
    expect(canManageUser(lead, target("le2", ["sub_project_lead", P.spBerlin]))).toBe(false);
    expect(canManageUser(berlinAdmin, target("x", ["administrator", P.berlin]))).toBe(false);
    expect(canManageUser(rootAdmin, target("x", ["administrator", P.berlin]))).toBe(true);
  });

  it("lets revoking follow the granting rule", () => {
    expect(canRevokeGrant(lead, { id: "ben" }, { role: "counselor", unitPath: P.site })).toBe(true);
    expect(canRevokeGrant(lead, { id: "ben" }, { role: "sub_project_lead", unitPath: P.spBerlin })).toBe(false);
    expect(canRevokeGrant(coordination, { id: "x" }, { role: "counselor", unitPath: P.spBayern })).toBe(false);
  });
});
