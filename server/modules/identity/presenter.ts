import type { OwnSession, SessionResponse } from "../../../common/contracts/auth.js";
import type { User } from "../../../common/contracts/users.js";
import type { Role } from "../../../common/domain/roles.js";

type UserLike = { id: string; email: string; displayName: string; preferredLanguage: string; totpEnabledAt: Date | null };
type GrantLike = { role: Role; unitId: string; unit: { name: string; type: string } };

export function presentSession(
  user: UserLike,
  grants: GrantLike[],
  session: { csrfToken: string; expiresAt: Date; mfaPending: boolean },
): SessionResponse {
  return {
    user: {
      id: user.id,
      email: user.email,
      displayName: user.displayName,
      preferredLanguage: user.preferredLanguage,
      mfaEnabled: user.totpEnabledAt !== null,
      grants: grants.map((g) => ({ role: g.role, unitId: g.unitId, unitName: g.unit.name, unitType: g.unit.type })),
    },
    csrfToken: session.csrfToken,
    mfaPending: session.mfaPending,
    expiresAt: session.expiresAt.toISOString(),
  };
}

export function presentOwnSession(
  row: { id: string; createdAt: Date; lastSeenAt: Date; expiresAt: Date; ip: string | null; userAgent: string | null },
  currentSessionId: string,
): OwnSession {
  return {
    id: row.id,
    createdAt: row.createdAt.toISOString(),
    lastSeenAt: row.lastSeenAt.toISOString(),
    expiresAt: row.expiresAt.toISOString(),
    ip: row.ip,
    userAgent: row.userAgent,
    current: row.id === currentSessionId,
  };
}

export function presentUser(
  user: {
    id: string;
    email: string;
    displayName: string;
    preferredLanguage: string;
    disabledAt: Date | null;
    totpEnabledAt: Date | null;
    version: number;
  },
  grants: { id: string; role: Role; unitId: string; grantedAt: Date; unit: { name: string; type: string } }[],
  abilities: User["abilities"],
): User {
  return {
    id: user.id,
    email: user.email,
    displayName: user.displayName,
    preferredLanguage: user.preferredLanguage,
    disabled: user.disabledAt !== null,
    mfaEnabled: user.totpEnabledAt !== null,
    version: user.version,
    grants: grants.map((g) => ({
      id: g.id,
      role: g.role,
      unitId: g.unitId,
      unitName: g.unit.name,
      unitType: g.unit.type,
      grantedAt: g.grantedAt.toISOString(),
    })),
    abilities,
  };
}
