import type { CreateUserRequest, GrantRoleRequest, UpdateUserRequest, User, UserListQuery } from "../../../common/contracts/users.js";
import { pathCovers, type Role } from "../../../common/domain/roles.js";
import type { Executor } from "../../db/index.js";
import type { Actor, RequestOrigin } from "../../platform/actor.js";
import type { AppContext } from "../../platform/context.js";
import { AppError, fieldError } from "../../platform/errors.js";
import { enqueueMail } from "../../platform/mail.js";
import { authorize, ensure } from "../../platform/policy.js";
import { recordAuditEvent } from "../audit/service.js";
import { getUnitRef, getUnitRefs, type UnitRef } from "../directory/service.js";
import { withUnits } from "./grant-units.js";
import { invitationMail } from "./mails.js";
import { INVITATION_TOKEN_DAYS, issueSetPasswordLink } from "./password-reset.js";
import * as policy from "./policy.js";
import { presentUser } from "./presenter.js";
import * as repo from "./repository.js";
import * as users from "./user-repository.js";

/** User administration: one function per use case; every decision is a call into policy.ts. */

type Target = { row: users.UserRow; grants: (users.GrantRow & { unit: UnitRef })[] };

const asPolicyTarget = (t: Target) => ({ id: t.row.id, grants: t.grants.map((g) => ({ role: g.role, unitPath: g.unit.path })) });

async function loadTarget(exec: Executor, id: string): Promise<Target | null> {
  const row = await repo.findUserById(exec, id);
  if (!row) return null;
  return { row, grants: await withUnits(exec, await users.listActiveGrantsOf(exec, [id])) };
}

/** Loads a user the actor may see, or answers 404 (no existence leak). */
async function visibleTarget(exec: Executor, actor: Actor, id: string): Promise<Target> {
  const target = await loadTarget(exec, id);
  authorize({ visible: target !== null && policy.canSeeUser(actor, asPolicyTarget(target)), allowed: true });
  return target!;
}

const present = (actor: Actor, t: Target): User => presentUser(t.row, t.grants, policy.userAbilities(actor, asPolicyTarget(t)));

/** A unit named in a request body: unknown → 400 on that field. */
async function unitFromBody(exec: Executor, unitId: string): Promise<UnitRef> {
  const unit = await getUnitRef(exec, unitId);
  if (!unit) throw new AppError("validation_failed", { errors: [fieldError("unitId", "unknown", "Diese Einheit gibt es nicht.")] });
  return unit;
}

function assertRoleFits(role: Role, unit: UnitRef): void {
  if (!policy.roleFitsUnit(role, unit)) {
    throw new AppError("validation_failed", {
      errors: [fieldError("role", "not_for_unit_type", `Diese Rolle kann auf einer Einheit vom Typ „${unit.type}“ nicht vergeben werden.`)],
    });
  }
}

// --- Listing ---------------------------------------------------------------------------------

type Cursor = { name: string; id: string };
const encodeCursor = (c: Cursor) => Buffer.from(JSON.stringify([c.name, c.id])).toString("base64url");
function decodeCursor(value: string): Cursor {
  try {
    const [name, id] = JSON.parse(Buffer.from(value, "base64url").toString("utf8")) as unknown[];
    if (typeof name === "string" && typeof id === "string" && /^[0-9a-f-]{36}$/i.test(id)) return { name, id };
  } catch {
    // falls through to the field error
  }
  throw new AppError("validation_failed", { errors: [fieldError("cursor", "invalid", "Ungültiger Cursor.")] });
}

/** Which units' grant holders the actor may list, narrowed to the subtree of `filterUnitId`. */
async function unitScope(exec: Executor, actor: Actor, filterUnitId: string | undefined): Promise<string[] | "all"> {
  const all = policy.seesAllUsers(actor);
  if (all && !filterUnitId) return "all";
  const filter = filterUnitId ? await getUnitRef(exec, filterUnitId) : null;
  if (filterUnitId && !filter) return [];
  const paths = all ? null : policy.managedPaths(actor);
  const candidates = await getUnitRefs(exec, await users.listGrantedUnitIds(exec));
  return candidates
    .filter((u) => (paths === null || paths.some((p) => pathCovers(p, u.path))) && (!filter || pathCovers(filter.path, u.path)))
    .map((u) => u.id);
}

export async function listUsers(ctx: AppContext, actor: Actor, query: UserListQuery) {
  ensure(policy.managesAnyUsers(actor));
  const { db } = ctx.database;
  const after = query.cursor ? decodeCursor(query.cursor) : undefined;
  const rows = await users.searchUsers(db, {
    unitIds: await unitScope(db, actor, query.unitId),
    q: query.q || undefined,
    after,
    limit: query.limit + 1,
  });
  const page = rows.slice(0, query.limit);
  const grants = await withUnits(
    db,
    await users.listActiveGrantsOf(
      db,
      page.map((u) => u.id),
    ),
  );
  const items = page.map((row) => present(actor, { row, grants: grants.filter((g) => g.userId === row.id) }));
  const last = page.at(-1);
  return { items, nextCursor: rows.length > query.limit && last ? encodeCursor({ name: last.displayName, id: last.id }) : null };
}

export async function getUser(ctx: AppContext, actor: Actor, id: string): Promise<User> {
  return present(actor, await visibleTarget(ctx.database.db, actor, id));
}

// --- Changes ---------------------------------------------------------------------------------

/**
 * Creates a user without a password, grants the first role and mails an invitation with a
 * set-password link valid for INVITATION_TOKEN_DAYS — all in one transaction, so a failure
 * leaves no user, grant, audit row or mail job behind.
 */
export async function createUser(ctx: AppContext, actor: Actor, input: CreateUserRequest, origin: RequestOrigin): Promise<User> {
  ensure(policy.managesAnyUsers(actor));
  const { db } = ctx.database;
  const unit = await unitFromBody(db, input.unitId);
  ensure(policy.canCreateUser(actor, input.role, unit));
  assertRoleFits(input.role, unit);
  const now = ctx.clock.now();
  const id = await db.transaction(async (tx) => {
    const user = await users.insertUser(tx, {
      email: input.email,
      displayName: input.displayName,
      preferredLanguage: input.preferredLanguage,
      now,
    });
    if (!user) {
      throw new AppError("already_exists", { errors: [fieldError("email", "taken", "Für diese E-Mail-Adresse gibt es schon ein Konto.")] });
    }
    const grant = await users.insertGrant(tx, { userId: user.id, role: input.role, unitId: unit.id, grantedBy: actor.userId, now });
    const link = await issueSetPasswordLink(ctx, tx, user.id, "invitation");
    await recordAuditEvent(tx, origin, { action: "identity.user.created", outcome: "success", recordType: "user", recordId: user.id });
    await recordAuditEvent(tx, origin, {
      action: "identity.role.granted",
      outcome: "success",
      recordType: "user",
      recordId: user.id,
      details: { grantId: grant!.id, role: input.role, unitId: unit.id },
    });
    await enqueueMail(tx, invitationMail(user, link, INVITATION_TOKEN_DAYS, actor.displayName));
    return user.id;
  });
  return present(actor, (await loadTarget(db, id))!);
}

/** Renames, disables (ending all sessions) or re-enables a user; stale `version` → 409. */
export async function updateUser(
  ctx: AppContext,
  actor: Actor,
  id: string,
  input: UpdateUserRequest,
  origin: RequestOrigin,
): Promise<User> {
  const { db } = ctx.database;
  const target = await visibleTarget(db, actor, id);
  authorize({ visible: true, allowed: policy.canManageUser(actor, asPolicyTarget(target)) });
  const now = ctx.clock.now();
  const wasDisabled = target.row.disabledAt !== null;
  const disabling = input.disabled === true && !wasDisabled;
  const enabling = input.disabled === false && wasDisabled;
  await db.transaction(async (tx) => {
    const updated = await users.updateUserVersioned(tx, id, input.version, {
      displayName: input.displayName,
      disabledAt: disabling ? now : enabling ? null : undefined,
      now,
    });
    if (!updated) throw new AppError("conflict");
    const audit = (action: string, details?: Record<string, unknown>) =>
      recordAuditEvent(tx, origin, { action, outcome: "success", recordType: "user", recordId: id, details });
    if (input.displayName !== undefined && input.displayName !== target.row.displayName) {
      await audit("identity.user.updated", { displayName: { from: target.row.displayName, to: input.displayName } });
    }
    if (disabling) await audit("identity.user.disabled", { sessionsRevoked: await repo.revokeAllSessions(tx, id, now) });
    if (enabling) await audit("identity.user.enabled");
  });
  return present(actor, (await loadTarget(db, id))!);
}

export async function grantRole(ctx: AppContext, actor: Actor, id: string, input: GrantRoleRequest, origin: RequestOrigin): Promise<User> {
  const { db } = ctx.database;
  const target = await visibleTarget(db, actor, id);
  const unit = await unitFromBody(db, input.unitId);
  authorize({ visible: true, allowed: policy.canGrantRole(actor, target.row, input.role, unit) });
  assertRoleFits(input.role, unit);
  await db.transaction(async (tx) => {
    const grant = await users.insertGrant(tx, {
      userId: id,
      role: input.role,
      unitId: unit.id,
      grantedBy: actor.userId,
      now: ctx.clock.now(),
    });
    if (!grant) throw new AppError("already_exists", { detail: "The user already holds this role on this unit." });
    await recordAuditEvent(tx, origin, {
      action: "identity.role.granted",
      outcome: "success",
      recordType: "user",
      recordId: id,
      details: { grantId: grant.id, role: input.role, unitId: unit.id },
    });
  });
  return present(actor, (await loadTarget(db, id))!);
}

/** Ends a grant (revoked_at); the row stays as history. */
export async function revokeRole(ctx: AppContext, actor: Actor, id: string, grantId: string, origin: RequestOrigin): Promise<void> {
  const { db } = ctx.database;
  const target = await visibleTarget(db, actor, id);
  const grant = target.grants.find((g) => g.id === grantId);
  if (!grant) throw new AppError("not_found");
  authorize({ visible: true, allowed: policy.canRevokeGrant(actor, target.row, { role: grant.role, unitPath: grant.unit.path }) });
  await db.transaction(async (tx) => {
    if (!(await users.revokeGrant(tx, grantId, id, actor.userId, ctx.clock.now()))) throw new AppError("not_found");
    await recordAuditEvent(tx, origin, {
      action: "identity.role.revoked",
      outcome: "success",
      recordType: "user",
      recordId: id,
      details: { grantId, role: grant.role, unitId: grant.unitId },
    });
  });
}

/** Signs a user out everywhere (e.g. a lost laptop). */
export async function revokeUserSessions(ctx: AppContext, actor: Actor, id: string, origin: RequestOrigin): Promise<void> {
  const { db } = ctx.database;
  const target = await visibleTarget(db, actor, id);
  authorize({ visible: true, allowed: policy.canManageUser(actor, asPolicyTarget(target)) });
  await db.transaction(async (tx) => {
    const revoked = await repo.revokeAllSessions(tx, id, ctx.clock.now());
    await recordAuditEvent(tx, origin, {
      action: "identity.sessions.revoked",
      outcome: "success",
      recordType: "user",
      recordId: id,
      details: { sessionsRevoked: revoked },
    });
  });
}

/** Roles the actor may grant on a unit (for the grant form); unknown unit → 404, no managing role → 403. */
export async function grantableRolesAt(ctx: AppContext, actor: Actor, unitId: string) {
  ensure(policy.managesAnyUsers(actor));
  const unit = await getUnitRef(ctx.database.db, unitId);
  if (!unit) throw new AppError("not_found");
  return { unitId, roles: policy.grantableRoles(actor, unit) };
}
