import { describe, expect, it } from "vitest";
import type { Role } from "../../../common/domain/roles.js";
import type { Actor } from "../../platform/actor.js";
import { canSeeUnit, decide, mayManage, type UnitLike, unitAbilities, visibleScope } from "./policy.js";

// A small tree: root / berlin / sub / site, and root / bavaria / subBy.
const u = (id: string, path: string, type: UnitLike["type"], closedOn: string | null = null): UnitLike => ({ id, path, type, closedOn });
const root = u("r", "r", "federal");
const berlin = u("be", "r/be", "state_network");
const sub = u("sub", "r/be/sub", "sub_project");
const site = u("site", "r/be/sub/site", "site");
const otherSub = u("sub2", "r/be/sub2", "sub_project");
const bavaria = u("by", "r/by", "state_network");
const subBy = u("subby", "r/by/subby", "sub_project");

const actor = (role: Role, unit: UnitLike): Actor => ({
  userId: "u",
  email: "x@example.org",
  displayName: "X",
  sessionId: "s",
  csrfToken: "c",
  mfaVerified: true,
  mfaPending: false,
  grants: [{ role, unitId: unit.id, unitPath: unit.path }],
});

describe("directory policy", () => {
  it("lets a grant see its subtree and its ancestors only", () => {
    const counselor = actor("counselor", sub);
    expect([root, berlin, sub, site].map((x) => canSeeUnit(counselor, x))).toEqual([true, true, true, true]);
    expect([otherSub, bavaria, subBy].map((x) => canSeeUnit(counselor, x))).toEqual([false, false, false]);
    expect(visibleScope(counselor)).toEqual({ all: false, subtreePaths: ["r/be/sub"], ids: ["r", "be", "sub"] });
    expect(visibleScope(actor("monitoring", root))).toEqual({ all: true });
    expect([otherSub, subBy].every((x) => canSeeUnit(actor("federal", root), x))).toBe(true);
  });

  it("merges nested grants into one subtree condition", () => {
    const a = actor("state_coordination", berlin);
    a.grants.push({ role: "counselor", unitId: sub.id, unitPath: sub.path });
    expect(visibleScope(a)).toEqual({ all: false, subtreePaths: ["r/be"], ids: ["r", "be", "sub"] });
  });

  it("gives the state coordination its network except moving or closing the network itself", () => {
    const c = actor("state_coordination", berlin);
    expect(unitAbilities(c, berlin)).toEqual({ update: true, move: false, close: false, reopen: false, createChild: true });
    expect(unitAbilities(c, sub)).toEqual({ update: true, move: true, close: true, reopen: false, createChild: true });
    expect(mayManage(c, bavaria, "update")).toBe(false);
    expect(mayManage(c, root, "update")).toBe(false);
  });

  it("lets a sub-project lead update its sub-project and manage its sites, nothing more", () => {
    const lead = actor("sub_project_lead", sub);
    expect(unitAbilities(lead, sub)).toEqual({ update: true, move: false, close: false, reopen: false, createChild: true });
    expect(unitAbilities(lead, site)).toEqual({ update: true, move: false, close: true, reopen: false, createChild: false });
    expect(unitAbilities(lead, { ...site, closedOn: "2025-01-01" })).toEqual({
      update: true,
      move: false,
      close: false,
      reopen: true,
      createChild: false,
    });
    expect(mayManage(lead, berlin, "update")).toBe(false);
    expect(decide(lead, berlin, "close")).toEqual({ visible: true, allowed: false });
    expect(decide(lead, subBy, "update")).toEqual({ visible: false, allowed: false });
  });

  it("keeps counselors, monitoring and federal read-only", () => {
    for (const role of ["counselor", "monitoring", "federal"] as const) {
      const a = actor(role, role === "counselor" ? sub : root);
      for (const unit of [root, berlin, sub, site]) {
        expect(Object.values(unitAbilities(a, unit)).some(Boolean)).toBe(false);
      }
    }
  });

  it("lets an administrator manage within its subtree, but nobody move or close the root", () => {
    const admin = actor("administrator", root);
    expect(unitAbilities(admin, berlin)).toEqual({ update: true, move: true, close: true, reopen: false, createChild: true });
    expect(unitAbilities(admin, root)).toEqual({ update: true, move: false, close: false, reopen: false, createChild: true });
    const stateAdmin = actor("administrator", bavaria);
    expect(mayManage(stateAdmin, subBy, "close")).toBe(true);
    expect(mayManage(stateAdmin, sub, "update")).toBe(false);
    expect(canSeeUnit(stateAdmin, sub)).toBe(false);
  });
});
