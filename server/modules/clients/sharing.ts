import { and, eq, isNull } from "drizzle-orm";
import type { SharedClientData } from "../../../common/contracts/referrals.js";
import type { GermanLevel, QualificationKind, ResidenceStatus } from "../../../common/domain/clients.js";
import type { ShareableClientField } from "../../../common/domain/referrals.js";
import type { Executor } from "../../db/index.js";
import { clientConsents } from "../../db/schema/index.js";
import type { RequestOrigin } from "../../platform/actor.js";
import { recordAuditEvent } from "../audit/service.js";
import type { ClientRow } from "./repository.js";
import * as repo from "./repository.js";

/**
 * Sharing for referrals (Verweise): what a partner unit may read about a client, decided by the
 * client's sharing consent naming that unit and by the fields the sender chose. Personal data
 * leaves the clients module only through here.
 */

/** Whether the client's sharing consent for this partner unit is given and not withdrawn. */
export async function hasActiveSharingConsent(tx: Executor, clientId: string, partnerUnitId: string): Promise<boolean> {
  const [row] = await tx
    .select({ id: clientConsents.id })
    .from(clientConsents)
    .where(
      and(
        eq(clientConsents.clientId, clientId),
        eq(clientConsents.kind, "sharing"),
        eq(clientConsents.partnerUnitId, partnerUnitId),
        isNull(clientConsents.withdrawnAt),
      ),
    )
    .limit(1);
  return Boolean(row);
}

const pickers: Record<ShareableClientField, (row: ClientRow) => SharedClientData> = {
  name: (row) => ({ name: { firstName: row.firstName, lastName: row.lastName } }),
  contact: (row) => ({ contact: { email: row.email, phone: row.phone } }),
  preferred_languages: (row) => ({ preferredLanguages: row.preferredLanguages }),
  birth_year: (row) => ({ birthYear: row.birthYear }),
  nationalities: (row) => ({ nationalities: row.nationalities }),
  german_level: (row) => ({ germanLevel: row.germanLevel as GermanLevel }),
  qualification: (row) => ({
    qualification: {
      country: row.qualificationCountry,
      kind: row.qualificationKind as QualificationKind,
      year: row.qualificationYear,
    },
  }),
  residence_status: (row) => ({ residenceStatus: row.residenceStatus as ResidenceStatus }),
};

export type SharedRead = { consentWithdrawn: false; client: SharedClientData } | { consentWithdrawn: true; client: null };

/**
 * The fields a partner unit may read, exactly those and nothing else. The consent is checked on
 * every read, so a withdrawal takes effect at once: then nothing personal is returned. Each call
 * writes a "client.read_shared" audit event in the caller's transaction (field names, never
 * values; an empty list when the consent was withdrawn).
 */
export async function readSharedFields(
  tx: Executor,
  origin: RequestOrigin,
  clientId: string,
  partnerUnitId: string,
  fields: readonly ShareableClientField[],
  options: { referralId?: string } = {},
): Promise<SharedRead> {
  const found = await repo.findClient(tx, clientId);
  const consented = found !== null && (await hasActiveSharingConsent(tx, clientId, partnerUnitId));
  const shown = consented ? [...new Set(fields)].filter((f) => f in pickers).sort() : [];
  await recordAuditEvent(tx, origin, {
    action: "client.read_shared",
    outcome: "success",
    recordType: "client",
    recordId: clientId,
    details: {
      fields: shown,
      partnerUnitId,
      ...(options.referralId ? { referralId: options.referralId } : {}),
      ...(consented ? {} : { consentWithdrawn: true }),
    },
  });
  if (!consented || !found) return { consentWithdrawn: true, client: null };
  const client: SharedClientData = {};
  for (const field of shown) Object.assign(client, pickers[field](found.row));
  return { consentWithdrawn: false, client };
}
