import type { PublicLanguage } from "../../../common/domain/public-languages.js";
import type { RequestChannel } from "../../../common/domain/requests.js";
import type { PublicTopic } from "../../../common/domain/units.js";

/**
 * The texts of the mails a person gets about an online request, in the language of the page they
 * sent it from. German is the source; the other languages still want a native speaker's review.
 * The confirmation repeats nothing the sender typed (the address may be a stranger's): only the
 * site, topic and channel as Lotse names them. `{site}` is filled in by mails.ts.
 */
export type RequestMailTexts = {
  greeting: string;
  confirmation: { subject: string; lines: string[] };
  forwarded: { subject: string; lines: string[] };
  answer: { subject: string; intro: string };
  receivedLabel: string;
  topicLabel: string;
  channelLabel: string;
  topics: Record<PublicTopic, string>;
  channels: Record<RequestChannel, string>;
  notYou: string;
  closing: string;
};

export const requestMailTexts: Record<PublicLanguage, RequestMailTexts> = {
  de: {
    greeting: "Guten Tag,",
    confirmation: {
      subject: "Ihre Anfrage an {site} ist angekommen",
      lines: [
        "vielen Dank für Ihre Anfrage. Sie ist bei {site} angekommen.",
        "Eine Beraterin oder ein Berater meldet sich bei Ihnen, meist innerhalb einer Woche.",
      ],
    },
    forwarded: {
      subject: "Ihre Anfrage wurde an {site} weitergegeben",
      lines: ["Ihre Anfrage wurde an {site} weitergegeben. Dort kann man Ihnen besser helfen.", "Von dort meldet man sich bei Ihnen."],
    },
    answer: { subject: "Antwort auf Ihre Anfrage an {site}", intro: "das ist die Antwort auf Ihre Anfrage:" },
    receivedLabel: "Eingegangen",
    topicLabel: "Thema",
    channelLabel: "Gewünschte Beratung",
    topics: {
      recognition: "Anerkennung und Qualifizierung",
      labour_rights: "Rechte bei der Arbeit (Faire Integration)",
      employers: "Fachkräfte aus dem Ausland einstellen",
    },
    channels: { in_person: "vor Ort", phone: "am Telefon", video: "per Video", email: "per E-Mail" },
    notYou: "Wenn Sie diese Anfrage nicht geschickt haben, können Sie diese E-Mail ignorieren.",
    closing: "Ihr Team von {site}",
  },
  en: {
    greeting: "Hello,",
    confirmation: {
      subject: "Your request to {site} has arrived",
      lines: ["thank you for your request. It has arrived at {site}.", "A counselor will get in touch with you, usually within a week."],
    },
    forwarded: {
      subject: "Your request has been passed on to {site}",
      lines: ["Your request has been passed on to {site}, where they can help you better.", "They will get in touch with you."],
    },
    answer: { subject: "Answer to your request to {site}", intro: "this is the answer to your request:" },
    receivedLabel: "Received",
    topicLabel: "Topic",
    channelLabel: "Counseling wanted",
    topics: {
      recognition: "Recognition and qualification",
      labour_rights: "Rights at work (Faire Integration)",
      employers: "Hiring skilled workers from abroad",
    },
    channels: { in_person: "in person", phone: "by phone", video: "by video", email: "by e-mail" },
    notYou: "If you did not send this request, you can ignore this e-mail.",
    closing: "Your team at {site}",
  },
  ar: {
    greeting: "مرحبًا،",
    confirmation: {
      subject: "وصل طلبك إلى {site}",
      lines: ["شكرًا لك على طلبك. لقد وصل إلى {site}.", "سيتواصل معك أحد المستشارين، عادةً خلال أسبوع."],
    },
    forwarded: {
      subject: "تم تحويل طلبك إلى {site}",
      lines: ["تم تحويل طلبك إلى {site}، حيث يمكنهم مساعدتك بشكل أفضل.", "سيتواصلون معك من هناك."],
    },
    answer: { subject: "الرد على طلبك إلى {site}", intro: "هذا هو الرد على طلبك:" },
    receivedLabel: "تاريخ الاستلام",
    topicLabel: "الموضوع",
    channelLabel: "طريقة الاستشارة المطلوبة",
    topics: {
      recognition: "الاعتراف بالمؤهلات والتأهيل",
      labour_rights: "الحقوق في العمل (Faire Integration)",
      employers: "توظيف عمالة ماهرة من الخارج",
    },
    channels: { in_person: "حضوريًا", phone: "عبر الهاتف", video: "عبر الفيديو", email: "عبر البريد الإلكتروني" },
    notYou: "إذا لم تُرسل هذا الطلب، يمكنك تجاهل هذه الرسالة.",
    closing: "فريق {site}",
  },
  fa: {
    greeting: "سلام،",
    confirmation: {
      subject: "درخواست شما به {site} رسید",
      lines: ["از درخواست شما سپاسگزاریم. درخواست شما به {site} رسید.", "یک مشاور معمولاً ظرف یک هفته با شما تماس می‌گیرد."],
    },
    forwarded: {
      subject: "درخواست شما به {site} ارجاع داده شد",
      lines: ["درخواست شما به {site} ارجاع داده شد؛ آنجا بهتر می‌توانند به شما کمک کنند.", "از آنجا با شما تماس می‌گیرند."],
    },
    answer: { subject: "پاسخ به درخواست شما به {site}", intro: "این پاسخ به درخواست شماست:" },
    receivedLabel: "تاریخ دریافت",
    topicLabel: "موضوع",
    channelLabel: "نوع مشاوره درخواستی",
    topics: {
      recognition: "به رسمیت شناختن مدارک و آموزش تکمیلی",
      labour_rights: "حقوق در محل کار (Faire Integration)",
      employers: "استخدام نیروی متخصص از خارج",
    },
    channels: { in_person: "حضوری", phone: "تلفنی", video: "تصویری", email: "با ایمیل" },
    notYou: "اگر این درخواست را شما نفرستاده‌اید، می‌توانید این ایمیل را نادیده بگیرید.",
    closing: "تیم {site}",
  },
  uk: {
    greeting: "Добрий день,",
    confirmation: {
      subject: "Ваш запит до {site} отримано",
      lines: ["дякуємо за ваш запит. Він надійшов до {site}.", "Консультант зв’яжеться з вами, зазвичай протягом тижня."],
    },
    forwarded: {
      subject: "Ваш запит передано до {site}",
      lines: ["Ваш запит передано до {site}, де вам зможуть краще допомогти.", "Звідти з вами зв’яжуться."],
    },
    answer: { subject: "Відповідь на ваш запит до {site}", intro: "ось відповідь на ваш запит:" },
    receivedLabel: "Отримано",
    topicLabel: "Тема",
    channelLabel: "Бажаний формат консультації",
    topics: {
      recognition: "Визнання кваліфікації та підвищення кваліфікації",
      labour_rights: "Права на роботі (Faire Integration)",
      employers: "Найм фахівців з-за кордону",
    },
    channels: { in_person: "особисто", phone: "телефоном", video: "відеозв’язком", email: "електронною поштою" },
    notYou: "Якщо ви не надсилали цей запит, просто проігноруйте цей лист.",
    closing: "Ваша команда {site}",
  },
  ru: {
    greeting: "Здравствуйте,",
    confirmation: {
      subject: "Ваш запрос в {site} получен",
      lines: ["спасибо за ваш запрос. Он поступил в {site}.", "Консультант свяжется с вами, обычно в течение недели."],
    },
    forwarded: {
      subject: "Ваш запрос передан в {site}",
      lines: ["Ваш запрос передан в {site}, где вам смогут лучше помочь.", "Оттуда с вами свяжутся."],
    },
    answer: { subject: "Ответ на ваш запрос в {site}", intro: "вот ответ на ваш запрос:" },
    receivedLabel: "Получено",
    topicLabel: "Тема",
    channelLabel: "Желаемый формат консультации",
    topics: {
      recognition: "Признание квалификации и повышение квалификации",
      labour_rights: "Права на работе (Faire Integration)",
      employers: "Наём специалистов из-за рубежа",
    },
    channels: { in_person: "лично", phone: "по телефону", video: "по видеосвязи", email: "по электронной почте" },
    notYou: "Если вы не отправляли этот запрос, просто проигнорируйте это письмо.",
    closing: "Ваша команда {site}",
  },
  tr: {
    greeting: "Merhaba,",
    confirmation: {
      subject: "{site} için talebiniz ulaştı",
      lines: [
        "talebiniz için teşekkür ederiz. Talebiniz {site} adresine ulaştı.",
        "Bir danışman genellikle bir hafta içinde sizinle iletişime geçecek.",
      ],
    },
    forwarded: {
      subject: "Talebiniz {site} adresine iletildi",
      lines: ["Talebiniz, size daha iyi yardımcı olabilecek {site} adresine iletildi.", "Oradan sizinle iletişime geçilecek."],
    },
    answer: { subject: "{site} için talebinizin yanıtı", intro: "talebinizin yanıtı şöyledir:" },
    receivedLabel: "Alındığı tarih",
    topicLabel: "Konu",
    channelLabel: "İstenen danışmanlık şekli",
    topics: {
      recognition: "Denklik ve mesleki yeterlilik",
      labour_rights: "İş hayatındaki haklar (Faire Integration)",
      employers: "Yurt dışından nitelikli işgücü istihdamı",
    },
    channels: { in_person: "yüz yüze", phone: "telefonla", video: "görüntülü", email: "e-posta ile" },
    notYou: "Bu talebi siz göndermediyseniz bu e-postayı dikkate almayabilirsiniz.",
    closing: "{site} ekibiniz",
  },
};
