import type { PublicLanguage } from "../../../common/contracts/feedback.js";
import type { MailMessage } from "../../platform/mail.js";
import type { AccessibilityFeedbackRow } from "./repository.js";

/** To the operator: the whole report; an answer goes straight to the person, if they gave an address. */
export function feedbackNotificationMail(to: string, report: AccessibilityFeedbackRow, publicUrl: string): MailMessage {
  return {
    to,
    ...(report.email ? { replyTo: report.email } : {}),
    subject: `Lotse: Barriere gemeldet (Nr. ${report.id})`,
    text: [
      "Über das Formular der Erklärung zur Barrierefreiheit wurde eine Barriere gemeldet.",
      "",
      `Seite: ${report.page ? `${publicUrl}${report.page.startsWith("/") ? "" : "/"}${report.page}` : "nicht angegeben"}`,
      `Name: ${report.name ?? "nicht angegeben"}`,
      `E-Mail: ${report.email ?? "nicht angegeben"}`,
      `Sprache der Seite: ${report.language}`,
      "",
      "Beschreibung:",
      report.description,
      "",
      `Alle Meldungen: ${publicUrl}/staff/feedback`,
      "Bitte antworten Sie innerhalb eines Monats, wie es die Erklärung zur Barrierefreiheit zusagt.",
    ].join("\n"),
  };
}

/**
 * To the person who wrote in, in the language of the page they used. It repeats nothing they
 * typed: a stranger's address entered in the form gets no text chosen by someone else.
 */
const confirmations: Record<PublicLanguage, { subject: string; text: string[] }> = {
  de: {
    subject: "Lotse: Ihre Meldung einer Barriere ist angekommen",
    text: [
      "Guten Tag,",
      "",
      "vielen Dank für Ihre Meldung. Wir haben sie erhalten und antworten Ihnen innerhalb eines Monats.",
      "",
      "Wenn Sie diese Meldung nicht geschickt haben, können Sie diese E-Mail ignorieren.",
    ],
  },
  en: {
    subject: "Lotse: we received your report of a barrier",
    text: [
      "Hello,",
      "",
      "thank you for your report. We have received it and will answer you within one month.",
      "",
      "If you did not send this report, you can ignore this e-mail.",
    ],
  },
  ar: {
    subject: "لوتسه: وصلنا بلاغك عن عائق",
    text: [
      "مرحبًا،",
      "",
      "شكرًا لك على بلاغك. لقد استلمناه وسنرد عليك خلال شهر واحد.",
      "",
      "إذا لم تُرسل هذا البلاغ، يمكنك تجاهل هذه الرسالة.",
    ],
  },
  fa: {
    subject: "لوتسه: گزارش شما درباره یک مانع به دست ما رسید",
    text: [
      "سلام،",
      "",
      "از گزارش شما سپاسگزاریم. آن را دریافت کردیم و ظرف یک ماه به شما پاسخ می‌دهیم.",
      "",
      "اگر این گزارش را شما نفرستاده‌اید، می‌توانید این ایمیل را نادیده بگیرید.",
    ],
  },
  uk: {
    subject: "Lotse: ми отримали ваше повідомлення про бар'єр",
    text: [
      "Добрий день,",
      "",
      "дякуємо за ваше повідомлення. Ми його отримали й відповімо вам протягом одного місяця.",
      "",
      "Якщо ви не надсилали це повідомлення, просто проігноруйте цей лист.",
    ],
  },
  ru: {
    subject: "Lotse: мы получили ваше сообщение о барьере",
    text: [
      "Здравствуйте,",
      "",
      "спасибо за ваше сообщение. Мы его получили и ответим вам в течение одного месяца.",
      "",
      "Если вы не отправляли это сообщение, просто проигнорируйте это письмо.",
    ],
  },
  tr: {
    subject: "Lotse: Engel bildiriminiz bize ulaştı",
    text: [
      "Merhaba,",
      "",
      "bildiriminiz için teşekkür ederiz. Bildiriminizi aldık ve size bir ay içinde yanıt vereceğiz.",
      "",
      "Bu bildirimi siz göndermediyseniz bu e-postayı dikkate almayabilirsiniz.",
    ],
  },
};

export function feedbackConfirmationMail(to: string, language: PublicLanguage): MailMessage {
  const { subject, text } = confirmations[language];
  return { to, subject, text: text.join("\n") };
}
