/**
 * Verweise (referrals): codes and the pure rules both sides of the API share. Labels for the web
 * live in the i18n files under `referrals.codes.<list>.<code>`; the German labels here are for
 * server-made texts (timeline, mails), which have no i18n.
 */

/** Status cycle: sent → accepted / declined → in_progress → completed, or withdrawn by the sender. */
export const referralStatuses = ["sent", "accepted", "declined", "in_progress", "completed", "withdrawn"] as const;
export type ReferralStatus = (typeof referralStatuses)[number];

/** Which statuses may follow which. Who may make a move is decided in the referrals policy. */
export const referralTransitions: Record<ReferralStatus, readonly ReferralStatus[]> = {
  sent: ["accepted", "declined", "withdrawn"],
  accepted: ["in_progress", "withdrawn"],
  in_progress: ["completed", "withdrawn"],
  declined: [],
  completed: [],
  withdrawn: [],
};

/** The answer the recipient gives (for an external service, the sender records it). */
export const recipientStatuses: readonly ReferralStatus[] = ["accepted", "declined", "in_progress", "completed"];
/** The only move of the sender on a referral to a partner. */
export const senderStatuses: readonly ReferralStatus[] = ["withdrawn"];

export const isTransitionAllowed = (from: ReferralStatus, to: ReferralStatus): boolean => referralTransitions[from].includes(to);

/** Externe Stellen: services outside the IQ network a client can be referred to. */
export const externalServices = [
  "vocational_language_course",
  "job_centre",
  "central_recognition_service",
  "business_startup_service",
  "faire_integration_counseling",
  "other",
] as const;
export type ExternalService = (typeof externalServices)[number];

export const externalServiceLabels: Record<ExternalService, string> = {
  vocational_language_course: "Berufssprachkurs",
  job_centre: "Jobcenter / Agentur für Arbeit",
  central_recognition_service: "Zentrale Servicestelle Berufsanerkennung (ZSBA)",
  business_startup_service: "Gründungsberatung",
  faire_integration_counseling: "Beratung Faire Integration",
  other: "Andere Stelle",
};

/**
 * What a sender may share with a partner, chosen per referral (need-to-know). Each code stands
 * for a group of client fields, read through the clients module only:
 * name = first and last name; contact = e-mail and phone; qualification = country, kind, year.
 */
export const shareableClientFields = [
  "name",
  "contact",
  "preferred_languages",
  "birth_year",
  "nationalities",
  "german_level",
  "qualification",
  "residence_status",
] as const;
export type ShareableClientField = (typeof shareableClientFields)[number];

/** The day after which a referral still "sent" is overdue: the sent day plus the answer days. */
export function answerDueOn(sentOn: string, answerDays: number): string {
  const [y, m, d] = sentOn.split("-").map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + answerDays)).toISOString().slice(0, 10);
}

/** Overdue: still unanswered after the due day (days are Europe/Berlin calendar days). */
export function isOverdue(referral: { status: string; answerDueOn: string | null }, today: string): boolean {
  return referral.status === "sent" && referral.answerDueOn !== null && today > referral.answerDueOn;
}
