/**
 * Types of the API as the web app sees them, inferred from the zod contracts in
 * common/contracts (type-only imports: no zod in the browser bundle).
 */
import type { z } from "zod";
import type { AuditEvent } from "../../common/contracts/audit.js";
import type { OwnSession, SessionResponse, TotpSetupResponse } from "../../common/contracts/auth.js";
import type {
  Client,
  ClientSummary,
  createClientRequest,
  duplicateCheckRequest,
  duplicateCheckResponse,
  giveConsentRequest,
  updateClientRequest,
} from "../../common/contracts/clients.js";
import type {
  postcodeListResponse,
  providerSchema,
  siteSchema,
  unitDetailSchema,
  unitHistoryResponse,
  unitSummarySchema,
} from "../../common/contracts/directory.js";
import type { User, UserGrant, userListResponse } from "../../common/contracts/users.js";
import type { Role } from "../../common/domain/roles.js";
import type { UnitType } from "../../common/domain/units.js";

export type { Client, ClientSummary, Role, UnitType, User, UserGrant };
export type Session = SessionResponse;
export type SessionUser = Session["user"];
export type AuditPage = { items: AuditEvent[]; nextBefore: number | null };
export type UserSession = OwnSession;
export type TotpSetup = TotpSetupResponse;

export type Unit = z.infer<typeof unitSummarySchema>;
export type UnitDetail = z.infer<typeof unitDetailSchema>;
export type Site = z.infer<typeof siteSchema>;
export type UnitHistoryEntry = z.infer<typeof unitHistoryResponse>["items"][number];
export type Provider = z.infer<typeof providerSchema>;
export type PostcodePlace = z.infer<typeof postcodeListResponse>["items"][number];
export type UserPage = z.infer<typeof userListResponse>;
export type Consent = Client["consents"][number];
/** Request bodies as the web app sends them (defaults may be left out). */
export type NewClient = z.input<typeof createClientRequest>;
export type ClientChanges = z.input<typeof updateClientRequest>;
export type NewConsent = z.input<typeof giveConsentRequest>;
export type DuplicateCheck = z.input<typeof duplicateCheckRequest>;
export type DuplicateCandidate = z.infer<typeof duplicateCheckResponse>["items"][number];
/** Minimum length of a new password (PASSWORD_MIN_LENGTH in common/contracts/auth.ts). */
export const PASSWORD_MIN_LENGTH = 12;
