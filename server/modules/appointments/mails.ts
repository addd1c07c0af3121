import ical, { ICalCalendarMethod, ICalEventStatus } from "ical-generator";
import { gregorianLocale, type PublicLanguage } from "../../../common/domain/public-languages.js";
import type { MailMessage } from "../../platform/mail.js";
import { bookingMailTexts } from "./mail-texts.js";

export const bookingMailKinds = ["confirmed", "reminder", "cancelled", "moved"] as const;
export type BookingMailKind = (typeof bookingMailKinds)[number];

/** A booking's mail is queued once per kind and state (SEQUENCE) of the booking; the retention job finds it by this key. */
export const bookingMailKey = (bookingId: string, kind: BookingMailKind, sequence: number): string =>
  `booking-mail:${bookingId}:${kind}:${sequence}`;

/** What a booking mail says: the booking as the person knows it, and where the site is. */
export type BookingMailFacts = {
  id: string;
  name: string;
  email: string;
  locale: PublicLanguage;
  channel: "in_person" | "phone" | "video";
  startsAt: Date;
  endsAt: Date;
  sequence: number;
  site: { name: string; address: string; timeZone: string };
  manageUrl: string;
  organizerEmail: string;
};

const fill = (text: string, values: Record<string, string>) => text.replace(/\{(\w+)\}/g, (_, key: string) => values[key] ?? "");

/** The appointment's time in the site's time zone, in the person's language, Gregorian calendar. */
export function formatAppointment(startsAt: Date, locale: PublicLanguage, timeZone: string): string {
  return appointmentFormat(locale, timeZone).format(startsAt);
}

// Building an Intl.DateTimeFormat costs about a millisecond (locale data); there are seven
// languages and a handful of time zones.
const formats = new Map<string, Intl.DateTimeFormat>();
function appointmentFormat(locale: PublicLanguage, timeZone: string): Intl.DateTimeFormat {
  const key = `${locale}|${timeZone}`;
  let format = formats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(gregorianLocale(locale), {
      weekday: "long",
      day: "numeric",
      month: "long",
      year: "numeric",
      hour: "2-digit",
      minute: "2-digit",
      timeZone,
      timeZoneName: "short",
    });
    formats.set(key, format);
  }
  return format;
}

/** A plain-text mail in the booking's language with the appointment as an .ics attachment. */
export function bookingMail(kind: BookingMailKind, facts: BookingMailFacts): MailMessage {
  const texts = bookingMailTexts[facts.locale];
  const date = formatAppointment(facts.startsAt, facts.locale, facts.site.timeZone);
  const lines = [
    fill(texts.greeting, { name: facts.name }),
    "",
    texts.intros[kind],
    "",
    `${texts.when}: ${date}`,
    `${texts.how}: ${texts.channels[facts.channel]}`,
    `${texts.where}: ${facts.site.name}${facts.channel === "in_person" ? `, ${facts.site.address}` : ""}`,
    "",
    ...(kind === "cancelled" ? [] : [texts.channelNotes[facts.channel], texts.free, "", texts.manage, facts.manageUrl, "", texts.calendar]),
    "",
    fill(texts.closing, { site: facts.site.name }),
  ];
  return {
    to: facts.email,
    subject: fill(texts.subjects[kind], { date }),
    text: lines.join("\n"),
    attachments: [{ filename: "termin.ics", content: bookingIcs(kind, facts), contentType: icsContentType(kind) }],
  };
}

const icsContentType = (kind: BookingMailKind) =>
  `text/calendar; charset=utf-8; method=${kind === "cancelled" ? ICalCalendarMethod.CANCEL : ICalCalendarMethod.REQUEST}`;

/**
 * RFC 5545 calendar entry. The UID stays the booking's for its whole life and SEQUENCE grows
 * with every change, so calendars replace or remove the entry they already hold.
 */
export function bookingIcs(kind: BookingMailKind, facts: BookingMailFacts): string {
  const texts = bookingMailTexts[facts.locale];
  const calendar = ical({
    prodId: { company: "Lotse", product: "appointments", language: facts.locale.toUpperCase() },
    method: kind === "cancelled" ? ICalCalendarMethod.CANCEL : ICalCalendarMethod.REQUEST,
  });
  calendar.createEvent({
    id: `${facts.id}@lotse`,
    sequence: facts.sequence,
    start: facts.startsAt,
    end: facts.endsAt,
    stamp: new Date(),
    summary: `${facts.site.name} (${texts.channels[facts.channel]})`,
    description: kind === "cancelled" ? texts.intros.cancelled : `${texts.channelNotes[facts.channel]}\n${texts.manage} ${facts.manageUrl}`,
    location: facts.channel === "in_person" ? `${facts.site.name}, ${facts.site.address}` : null,
    url: facts.manageUrl,
    status: kind === "cancelled" ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
    organizer: { name: facts.site.name, email: facts.organizerEmail },
    attendees: [{ name: facts.name, email: facts.email }],
  });
  return calendar.toString();
}
