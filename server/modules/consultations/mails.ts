import type { MailMessage } from "../../platform/mail.js";

/**
 * The mails of the consultations module, in the recipient's preferred language (German unless
 * "en"). They carry a link and nothing about the case: mail leaves our protection.
 */

type Recipient = { email: string; displayName: string; preferredLanguage: string };

export function supportAnswerMail(to: Recipient, link: string): MailMessage {
  if (to.preferredLanguage === "en") {
    return {
      to: to.email,
      subject: "Lotse: your support request has been answered",
      text: [
        `Hello ${to.displayName},`,
        "",
        "the Faire Integration support team has answered your second-level support request. You can read the answer in Lotse:",
        "",
        link,
      ].join("\n"),
    };
  }
  return {
    to: to.email,
    subject: "Lotse: Ihre Support-Anfrage wurde beantwortet",
    text: [
      `Guten Tag ${to.displayName},`,
      "",
      "der Support Faire Integration hat Ihre Anfrage (Second-Level-Support) beantwortet. Die Antwort lesen Sie in Lotse:",
      "",
      link,
    ].join("\n"),
  };
}
