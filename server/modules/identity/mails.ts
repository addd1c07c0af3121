import type { MailMessage } from "../../platform/mail.js";

/** The mails of the identity module, in the recipient's preferred language (German unless "en"). */

type Recipient = { email: string; displayName: string; preferredLanguage: string };

export function passwordResetMail(to: Recipient, link: string, validMinutes: number): MailMessage {
  if (to.preferredLanguage === "en") {
    return {
      to: to.email,
      subject: "Lotse: reset your password",
      text: [
        `Hello ${to.displayName},`,
        "",
        "someone asked to reset the password of your Lotse account. To choose a new password, open this link:",
        "",
        link,
        "",
        `The link works once and for ${validMinutes} minutes. If you did not ask for it, ignore this mail; your password stays as it is.`,
      ].join("\n"),
    };
  }
  return {
    to: to.email,
    subject: "Lotse: Passwort zurücksetzen",
    text: [
      `Guten Tag ${to.displayName},`,
      "",
      "für Ihr Lotse-Konto wurde das Zurücksetzen des Passworts angefordert. Über diesen Link legen Sie ein neues Passwort fest:",
      "",
      link,
      "",
      `Der Link ist ${validMinutes} Minuten gültig und funktioniert nur einmal. Falls Sie das nicht angefordert haben, ignorieren Sie diese E-Mail; Ihr Passwort bleibt unverändert.`,
    ].join("\n"),
  };
}

export function invitationMail(to: Recipient, link: string, validDays: number, invitedBy: string): MailMessage {
  if (to.preferredLanguage === "en") {
    return {
      to: to.email,
      subject: "Lotse: your invitation",
      text: [
        `Hello ${to.displayName},`,
        "",
        `${invitedBy} has created a Lotse account for you. To choose your password and sign in, open this link:`,
        "",
        link,
        "",
        `The link works once and for ${validDays} days.`,
      ].join("\n"),
    };
  }
  return {
    to: to.email,
    subject: "Lotse: Einladung",
    text: [
      `Guten Tag ${to.displayName},`,
      "",
      `${invitedBy} hat für Sie ein Konto in Lotse angelegt. Über diesen Link legen Sie Ihr Passwort fest und melden sich an:`,
      "",
      link,
      "",
      `Der Link ist ${validDays} Tage gültig und funktioniert nur einmal.`,
    ].join("\n"),
  };
}
