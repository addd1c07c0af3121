import { gregorianLocale, type PublicLanguage } from "../../../common/domain/public-languages.js";
import type { RequestChannel } from "../../../common/domain/requests.js";
import type { PublicTopic } from "../../../common/domain/units.js";
import type { MailMessage } from "../../platform/mail.js";
import { requestMailTexts } from "./mail-texts.js";
import type { OnlineRequestRow, RequestWithContact } from "./repository.js";

const fill = (text: string, values: Record<string, string>) => text.replace(/\{(\w+)\}/g, (_, key: string) => values[key] ?? "");

/** The unique keys of the mails to the person: queued once each, and deleted with the request's contact data. */
export const requestMailKeys = {
  confirmation: (requestId: string) => `online-request:${requestId}:confirmation`,
  /** `at`: the time of the forward (its history entry). */
  forwarded: (requestId: string, at: Date) => `online-request:${requestId}:forwarded:${at.getTime()}`,
  answer: (requestId: string) => `online-request:${requestId}:answer`,
};

/** A day in the person's language, Gregorian calendar, Latin digits, Berlin time. */
export function formatReceived(at: Date, locale: PublicLanguage): string {
  return new Intl.DateTimeFormat(gregorianLocale(locale), {
    day: "numeric",
    month: "long",
    year: "numeric",
    timeZone: "Europe/Berlin",
  }).format(at);
}

/** To the person: the request arrived. Names the site, topic, channel and day; nothing they typed. */
export function requestConfirmationMail(row: RequestWithContact, siteName: string): MailMessage {
  const locale = row.locale as PublicLanguage;
  const texts = requestMailTexts[locale];
  const values = { site: siteName };
  return {
    to: row.email,
    subject: fill(texts.confirmation.subject, values),
    text: [
      texts.greeting,
      "",
      ...texts.confirmation.lines.map((l) => fill(l, values)),
      "",
      `${texts.receivedLabel}: ${formatReceived(row.receivedAt, locale)}`,
      `${texts.topicLabel}: ${texts.topics[row.topic as PublicTopic]}`,
      `${texts.channelLabel}: ${texts.channels[row.channel as RequestChannel]}`,
      "",
      texts.notYou,
      "",
      fill(texts.closing, values),
    ].join("\n"),
  };
}

/** To the person: another site takes the request over. */
export function requestForwardedMail(row: RequestWithContact, toSiteName: string): MailMessage {
  const texts = requestMailTexts[row.locale as PublicLanguage];
  const values = { site: toSiteName };
  return {
    to: row.email,
    subject: fill(texts.forwarded.subject, values),
    text: [texts.greeting, "", ...texts.forwarded.lines.map((l) => fill(l, values)), "", fill(texts.closing, values)].join("\n"),
  };
}

/** To the person: the site's answer, which closes the request. Replies go to the site, if it has an address. */
export function requestAnswerMail(row: RequestWithContact, siteName: string, siteEmail: string | null): MailMessage {
  const texts = requestMailTexts[row.locale as PublicLanguage];
  const values = { site: siteName };
  return {
    to: row.email,
    ...(siteEmail ? { replyTo: siteEmail } : {}),
    subject: fill(texts.answer.subject, values),
    text: [texts.greeting, "", texts.answer.intro, "", row.answer ?? "", "", fill(texts.closing, values)].join("\n"),
  };
}

/**
 * To the site's contact address: a request is waiting. It carries no name, contact or description
 * (an office mailbox is no place for them): staff read the request in Lotse, where the read is audited.
 */
export function requestNotificationMail(
  to: string,
  row: OnlineRequestRow,
  siteName: string,
  publicUrl: string,
  forwardedFrom?: string,
): MailMessage {
  const de = requestMailTexts.de;
  return {
    to,
    subject: `Lotse: neue Online-Anfrage an ${siteName}`,
    text: [
      forwardedFrom
        ? `${forwardedFrom} hat eine Online-Anfrage an ${siteName} weitergegeben.`
        : `An ${siteName} ist eine Online-Anfrage eingegangen.`,
      "",
      `Thema: ${de.topics[row.topic as PublicTopic]}`,
      `Sprache: ${row.language}`,
      `Gewünschte Beratung: ${de.channels[row.channel as RequestChannel]}`,
      "",
      `Zur Anfrage (Anmeldung nötig): ${publicUrl}/staff/requests/${row.id}`,
    ].join("\n"),
  };
}
