import type { BookingChannel } from "../../../common/domain/appointments.js";
import type { PublicLanguage } from "../../../common/domain/public-languages.js";

/**
 * The texts of the mails a person gets about a booking, in the language they booked in. German
 * is the source; the other languages still want a native speaker's review (docs/i18n.md).
 * `{date}`, `{name}` and `{site}` are filled in by mails.ts.
 */
export type BookingMailTexts = {
  subjects: { confirmed: string; reminder: string; cancelled: string; moved: string };
  greeting: string;
  intros: { confirmed: string; reminder: string; cancelled: string; moved: string };
  when: string;
  where: string;
  how: string;
  channels: Record<BookingChannel, string>;
  channelNotes: Record<BookingChannel, string>;
  manage: string;
  calendar: string;
  free: string;
  closing: string;
};

export const bookingMailTexts: Record<PublicLanguage, BookingMailTexts> = {
  de: {
    subjects: {
      confirmed: "Ihr Beratungstermin am {date}",
      reminder: "Erinnerung: Ihr Beratungstermin am {date}",
      cancelled: "Abgesagt: Ihr Beratungstermin am {date}",
      moved: "Verschoben: Ihr Beratungstermin ist jetzt am {date}",
    },
    greeting: "Guten Tag {name},",
    intros: {
      confirmed: "Ihr Beratungstermin ist gebucht.",
      reminder: "wir erinnern Sie an Ihren Beratungstermin.",
      cancelled: "Ihr Beratungstermin ist abgesagt. Sie können jederzeit einen neuen Termin buchen.",
      moved: "Ihr Beratungstermin ist verschoben. Das ist der neue Termin:",
    },
    when: "Wann",
    where: "Wo",
    how: "Wie",
    channels: { in_person: "vor Ort", phone: "am Telefon", video: "per Video" },
    channelNotes: {
      in_person: "Bitte bringen Sie Ihre Zeugnisse und Ausweispapiere mit, wenn Sie sie haben.",
      phone: "Wir rufen Sie zur Terminzeit an.",
      video: "Den Link zum Videogespräch bekommen Sie vor dem Termin per E-Mail.",
    },
    manage: "Termin absagen oder verschieben:",
    calendar: "Im Anhang finden Sie den Termin für Ihren Kalender.",
    free: "Die Beratung ist kostenlos.",
    closing: "Ihr Team von {site}",
  },
  en: {
    subjects: {
      confirmed: "Your counseling appointment on {date}",
      reminder: "Reminder: your counseling appointment on {date}",
      cancelled: "Cancelled: your counseling appointment on {date}",
      moved: "Moved: your counseling appointment is now on {date}",
    },
    greeting: "Hello {name},",
    intros: {
      confirmed: "your counseling appointment is booked.",
      reminder: "this is a reminder of your counseling appointment.",
      cancelled: "your counseling appointment is cancelled. You can book a new one at any time.",
      moved: "your counseling appointment has been moved. This is the new appointment:",
    },
    when: "When",
    where: "Where",
    how: "How",
    channels: { in_person: "in person", phone: "by phone", video: "by video" },
    channelNotes: {
      in_person: "Please bring your certificates and identity documents if you have them.",
      phone: "We will call you at the time of the appointment.",
      video: "You will receive the link to the video call by e-mail before the appointment.",
    },
    manage: "Cancel or move the appointment:",
    calendar: "The attachment adds the appointment to your calendar.",
    free: "Counseling is free of charge.",
    closing: "Your team at {site}",
  },
  ar: {
    subjects: {
      confirmed: "موعد الاستشارة الخاص بك في {date}",
      reminder: "تذكير: موعد الاستشارة الخاص بك في {date}",
      cancelled: "تم الإلغاء: موعد الاستشارة الخاص بك في {date}",
      moved: "تم التغيير: موعد الاستشارة الخاص بك أصبح في {date}",
    },
    greeting: "مرحبًا {name}،",
    intros: {
      confirmed: "تم حجز موعد الاستشارة الخاص بك.",
      reminder: "نذكّرك بموعد الاستشارة الخاص بك.",
      cancelled: "تم إلغاء موعد الاستشارة الخاص بك. يمكنك حجز موعد جديد في أي وقت.",
      moved: "تم تغيير موعد الاستشارة الخاص بك. هذا هو الموعد الجديد:",
    },
    when: "متى",
    where: "أين",
    how: "كيف",
    channels: { in_person: "حضوريًا", phone: "عبر الهاتف", video: "عبر الفيديو" },
    channelNotes: {
      in_person: "يرجى إحضار شهاداتك ووثائق هويتك إن وجدت.",
      phone: "سنتصل بك في وقت الموعد.",
      video: "ستصلك رسالة بالبريد الإلكتروني برابط مكالمة الفيديو قبل الموعد.",
    },
    manage: "لإلغاء الموعد أو تغييره:",
    calendar: "في المرفق تجد الموعد لإضافته إلى تقويمك.",
    free: "الاستشارة مجانية.",
    closing: "فريق {site}",
  },
  fa: {
    subjects: {
      confirmed: "وقت مشاوره شما در {date}",
      reminder: "یادآوری: وقت مشاوره شما در {date}",
      cancelled: "لغو شد: وقت مشاوره شما در {date}",
      moved: "تغییر کرد: وقت مشاوره شما اکنون در {date} است",
    },
    greeting: "سلام {name}،",
    intros: {
      confirmed: "وقت مشاوره شما رزرو شد.",
      reminder: "وقت مشاوره شما را یادآوری می‌کنیم.",
      cancelled: "وقت مشاوره شما لغو شد. هر زمان می‌توانید وقت جدیدی رزرو کنید.",
      moved: "وقت مشاوره شما تغییر کرد. وقت جدید:",
    },
    when: "چه زمانی",
    where: "کجا",
    how: "چگونه",
    channels: { in_person: "حضوری", phone: "تلفنی", video: "تصویری" },
    channelNotes: {
      in_person: "لطفاً مدارک تحصیلی و کارت شناسایی خود را اگر دارید همراه بیاورید.",
      phone: "در زمان مشاوره با شما تماس می‌گیریم.",
      video: "لینک تماس تصویری را پیش از وقت مشاوره با ایمیل دریافت می‌کنید.",
    },
    manage: "لغو یا تغییر وقت:",
    calendar: "وقت مشاوره برای تقویم شما پیوست است.",
    free: "مشاوره رایگان است.",
    closing: "تیم {site}",
  },
  uk: {
    subjects: {
      confirmed: "Ваша консультація {date}",
      reminder: "Нагадування: ваша консультація {date}",
      cancelled: "Скасовано: ваша консультація {date}",
      moved: "Перенесено: ваша консультація тепер {date}",
    },
    greeting: "Добрий день, {name}!",
    intros: {
      confirmed: "Вашу консультацію заброньовано.",
      reminder: "Нагадуємо про вашу консультацію.",
      cancelled: "Вашу консультацію скасовано. Ви можете будь-коли забронювати новий час.",
      moved: "Вашу консультацію перенесено. Новий час:",
    },
    when: "Коли",
    where: "Де",
    how: "Як",
    channels: { in_person: "особисто", phone: "телефоном", video: "відеозв’язком" },
    channelNotes: {
      in_person: "Будь ласка, візьміть із собою дипломи та документи, що посвідчують особу, якщо вони у вас є.",
      phone: "Ми зателефонуємо вам у призначений час.",
      video: "Посилання на відеодзвінок ви отримаєте електронною поштою перед консультацією.",
    },
    manage: "Скасувати або перенести консультацію:",
    calendar: "У вкладенні — запис для вашого календаря.",
    free: "Консультація безкоштовна.",
    closing: "Ваша команда {site}",
  },
  ru: {
    subjects: {
      confirmed: "Ваша консультация {date}",
      reminder: "Напоминание: ваша консультация {date}",
      cancelled: "Отменено: ваша консультация {date}",
      moved: "Перенесено: ваша консультация теперь {date}",
    },
    greeting: "Здравствуйте, {name}!",
    intros: {
      confirmed: "Ваша консультация забронирована.",
      reminder: "Напоминаем о вашей консультации.",
      cancelled: "Ваша консультация отменена. Вы можете в любое время забронировать новое время.",
      moved: "Ваша консультация перенесена. Новое время:",
    },
    when: "Когда",
    where: "Где",
    how: "Как",
    channels: { in_person: "лично", phone: "по телефону", video: "по видеосвязи" },
    channelNotes: {
      in_person: "Пожалуйста, возьмите с собой дипломы и документы, удостоверяющие личность, если они у вас есть.",
      phone: "Мы позвоним вам в назначенное время.",
      video: "Ссылку на видеозвонок вы получите по электронной почте перед консультацией.",
    },
    manage: "Отменить или перенести консультацию:",
    calendar: "Во вложении — запись для вашего календаря.",
    free: "Консультация бесплатная.",
    closing: "Ваша команда {site}",
  },
  tr: {
    subjects: {
      confirmed: "{date} tarihli danışmanlık randevunuz",
      reminder: "Hatırlatma: {date} tarihli danışmanlık randevunuz",
      cancelled: "İptal edildi: {date} tarihli danışmanlık randevunuz",
      moved: "Değiştirildi: danışmanlık randevunuz artık {date}",
    },
    greeting: "Merhaba {name},",
    intros: {
      confirmed: "danışmanlık randevunuz alındı.",
      reminder: "danışmanlık randevunuzu hatırlatırız.",
      cancelled: "danışmanlık randevunuz iptal edildi. İstediğiniz zaman yeni bir randevu alabilirsiniz.",
      moved: "danışmanlık randevunuz değiştirildi. Yeni randevunuz:",
    },
    when: "Ne zaman",
    where: "Nerede",
    how: "Nasıl",
    channels: { in_person: "yüz yüze", phone: "telefonla", video: "görüntülü" },
    channelNotes: {
      in_person: "Varsa lütfen diplomalarınızı ve kimlik belgelerinizi yanınızda getirin.",
      phone: "Randevu saatinde sizi arayacağız.",
      video: "Görüntülü görüşmenin bağlantısını randevudan önce e-posta ile alacaksınız.",
    },
    manage: "Randevuyu iptal etmek veya değiştirmek için:",
    calendar: "Ekte randevuyu takviminize ekleyebilirsiniz.",
    free: "Danışmanlık ücretsizdir.",
    closing: "{site} ekibiniz",
  },
};
