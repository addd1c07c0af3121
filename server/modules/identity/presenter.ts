import type { SessionResponse } from "../../../common/contracts/auth.js";
import type { Role } from "../../../common/domain/roles.js";

type UserLike = { id: string; email: string; displayName: string; preferredLanguage: string; totpEnabledAt: Date | null };
type GrantLike = { role: Role; unitId: string; unitName: string; unitType: string };

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
      grants: grants.map((g) => ({ role: g.role, unitId: g.unitId, unitName: g.unitName, unitType: g.unitType })),
    },
    csrfToken: session.csrfToken,
    mfaPending: session.mfaPending,
    expiresAt: session.expiresAt.toISOString(),
  };
}
