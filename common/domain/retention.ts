/**
 * Aufbewahrungsfristen: personal data is deleted N years after the client's last contact.
 * Per record type, because contact data, free-text notes and tasks need not live equally long.
 */
export const retentionRecordTypes = ["client", "task", "referral_message"] as const;
export type RetentionRecordType = (typeof retentionRecordTypes)[number];

export const DEFAULT_RETENTION_YEARS = "client:3,task:1,referral_message:3";

/** Parses "type:years,…"; every record type must be named once, 1–30 years. */
export function parseRetentionYears(text: string): Record<RetentionRecordType, number> {
  const result: Partial<Record<RetentionRecordType, number>> = {};
  for (const entry of text
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean)) {
    const [type, years] = entry.split(":");
    if (!retentionRecordTypes.includes(type as RetentionRecordType)) throw new Error(`unknown record type "${type}"`);
    const n = Number(years);
    if (!Number.isInteger(n) || n < 1 || n > 30) throw new Error(`"${entry}": years must be a whole number from 1 to 30`);
    result[type as RetentionRecordType] = n;
  }
  const missing = retentionRecordTypes.filter((t) => result[t] === undefined);
  if (missing.length) throw new Error(`missing ${missing.join(", ")}`);
  return result as Record<RetentionRecordType, number>;
}

/**
 * Contact data of people who are not (yet) clients — of a booking (decision 0004) and of an online
 * request (decision 0006) — is blanked N days after the booking ended or the request was decided
 * (BOOKING_CONTACT_RETENTION_DAYS, REQUEST_CONTACT_RETENTION_DAYS). The retention report counts them
 * under these keys.
 */
export type ContactRecordType = "booking" | "online_request";

/** How the retention report names each part of a run (German source, English). */
export const retentionResultLabels: Record<RetentionRecordType | ContactRecordType, { de: string; en: string }> = {
  client: { de: "Personendaten von Ratsuchenden", en: "Personal data of clients" },
  task: { de: "Wiedervorlagen", en: "Follow-up tasks" },
  referral_message: { de: "Freitexte von Verweisungen", en: "Free text of referrals" },
  booking: { de: "Kontaktdaten von Terminbuchungen", en: "Contact data of bookings" },
  online_request: { de: "Kontaktdaten von Online-Anfragen", en: "Contact data of online requests" },
};
