import type { DocumentKind, LegalBasis } from "./procedures.js";
import type { PublicLanguage as ChecklistLanguage } from "./public-languages.js";

/**
 * The printable "Mein Ordner" checklist in the client's language. German is the source; the
 * other texts are translations for the client to read (not UI strings of the staff app, which
 * live in web/i18n). Names of German authorities, laws and reference professions stay as
 * entered: the client needs them as they appear on German letters.
 */
export {
  directionOf as checklistDirection,
  isPublicLanguage as isChecklistLanguage,
  type PublicLanguage as ChecklistLanguage,
  publicLanguages as checklistLanguages,
} from "./public-languages.js";

export type ChecklistTexts = {
  headings: {
    title: string;
    client: string;
    clientNumber: string;
    referenceProfession: string;
    competentAuthority: string;
    legalBasis: string;
    applicationDate: string;
    asOf: string;
    document: string;
    present: string;
    translated: string;
    certified: string;
    note: string;
  };
  states: { present: string; missing: string };
  yes: string;
  no: string;
  /** With the placeholders {present} and {total}. */
  summary: string;
  hint: string;
  legalBases: Record<LegalBasis, string>;
  documentKinds: Record<DocumentKind, string>;
};

const de: ChecklistTexts = {
  headings: {
    title: "Mein Ordner – Unterlagen für Ihr Anerkennungsverfahren",
    client: "Name",
    clientNumber: "Klientennummer",
    referenceProfession: "Referenzberuf (deutscher Vergleichsberuf)",
    competentAuthority: "Zuständige Stelle",
    legalBasis: "Rechtsgrundlage",
    applicationDate: "Antrag gestellt am",
    asOf: "Stand",
    document: "Unterlage",
    present: "Vorhanden",
    translated: "Übersetzt",
    certified: "Beglaubigt",
    note: "Hinweis",
  },
  states: { present: "vorhanden", missing: "fehlt" },
  yes: "ja",
  no: "nein",
  summary: "Vorhanden: {present} von {total}",
  hint: "Bitte bringen Sie fehlende Unterlagen zu Ihrem nächsten Beratungstermin mit. Übersetzungen sollten von öffentlich bestellten oder beeidigten Übersetzerinnen und Übersetzern stammen.",
  legalBases: {
    bqfg: "Berufsqualifikationsfeststellungsgesetz des Bundes (BQFG)",
    state_law: "Landesrecht",
    profession_law: "Berufsgesetz",
  },
  documentKinds: {
    identity_document: "Identitätsnachweis (Reisepass oder Personalausweis)",
    qualification_certificate: "Abschlusszeugnis oder Diplom der ausländischen Qualifikation",
    transcript_of_records: "Fächer- und Notenübersicht (Inhalte und Dauer der Ausbildung)",
    proof_of_professional_experience: "Nachweise über Berufserfahrung (z. B. Arbeitszeugnisse)",
    cv: "Tabellarischer Lebenslauf (auf Deutsch)",
    declaration_no_prior_application: "Erklärung, dass noch kein Antrag auf Anerkennung gestellt wurde",
    proof_of_residence_or_intent_to_work: "Meldebescheinigung oder Nachweis der Absicht, in Deutschland zu arbeiten",
    proof_of_name_change: "Nachweis einer Namensänderung (z. B. Heiratsurkunde)",
    certificate_of_good_conduct: "Führungszeugnis oder Straffreiheitsbescheinigung",
    medical_certificate: "Ärztliche Bescheinigung über die gesundheitliche Eignung",
    language_certificate: "Nachweis der Deutschkenntnisse (Sprachzertifikat)",
    other: "Sonstige Unterlage",
  },
};

const en: ChecklistTexts = {
  headings: {
    title: "My folder – documents for your recognition procedure",
    client: "Name",
    clientNumber: "Client number",
    referenceProfession: "Reference profession (comparable German profession)",
    competentAuthority: "Competent authority",
    legalBasis: "Legal basis",
    applicationDate: "Application submitted on",
    asOf: "As of",
    document: "Document",
    present: "Available",
    translated: "Translated",
    certified: "Certified",
    note: "Note",
  },
  states: { present: "available", missing: "missing" },
  yes: "yes",
  no: "no",
  summary: "Available: {present} of {total}",
  hint: "Please bring any missing documents to your next counselling appointment. Translations should be made by publicly appointed or sworn translators.",
  legalBases: {
    bqfg: "Federal Professional Qualifications Assessment Act (BQFG)",
    state_law: "State law",
    profession_law: "Profession-specific law",
  },
  documentKinds: {
    identity_document: "Proof of identity (passport or identity card)",
    qualification_certificate: "Certificate or diploma of your foreign qualification",
    transcript_of_records: "Transcript of subjects and grades (content and duration of the training)",
    proof_of_professional_experience: "Proof of professional experience (e.g. references from employers)",
    cv: "CV in table form (in German)",
    declaration_no_prior_application: "Declaration that you have not applied for recognition before",
    proof_of_residence_or_intent_to_work: "Registration certificate or proof that you intend to work in Germany",
    proof_of_name_change: "Proof of a change of name (e.g. marriage certificate)",
    certificate_of_good_conduct: "Certificate of good conduct (police clearance certificate)",
    medical_certificate: "Medical certificate of fitness to practise",
    language_certificate: "Proof of German language skills (language certificate)",
    other: "Other document",
  },
};

const ar: ChecklistTexts = {
  headings: {
    title: "ملفي – المستندات المطلوبة لإجراء الاعتراف بمؤهلك",
    client: "الاسم",
    clientNumber: "رقم الملف",
    referenceProfession: "المهنة المرجعية (المهنة الألمانية المقابلة)",
    competentAuthority: "الجهة المختصة",
    legalBasis: "الأساس القانوني",
    applicationDate: "تاريخ تقديم الطلب",
    asOf: "بتاريخ",
    document: "المستند",
    present: "متوفر",
    translated: "مترجم",
    certified: "مصدَّق",
    note: "ملاحظة",
  },
  states: { present: "متوفر", missing: "ناقص" },
  yes: "نعم",
  no: "لا",
  summary: "المتوفر: {present} من {total}",
  hint: "يرجى إحضار المستندات الناقصة إلى موعد الاستشارة القادم. يُفضَّل أن تتم الترجمة على يد مترجمين معتمدين رسميًا أو محلَّفين.",
  legalBases: {
    bqfg: "القانون الاتحادي لتقييم المؤهلات المهنية (BQFG)",
    state_law: "قانون الولاية",
    profession_law: "قانون خاص بالمهنة",
  },
  documentKinds: {
    identity_document: "إثبات الهوية (جواز السفر أو بطاقة الهوية)",
    qualification_certificate: "شهادة التخرج أو الدبلوم الخاص بمؤهلك الأجنبي",
    transcript_of_records: "كشف المواد والدرجات (محتوى الدراسة أو التدريب ومدته)",
    proof_of_professional_experience: "إثباتات الخبرة المهنية (مثل شهادات العمل من أصحاب العمل)",
    cv: "سيرة ذاتية على شكل جدول (باللغة الألمانية)",
    declaration_no_prior_application: "إقرار بأنك لم تقدّم طلب اعتراف من قبل",
    proof_of_residence_or_intent_to_work: "شهادة تسجيل السكن أو إثبات نيتك العمل في ألمانيا",
    proof_of_name_change: "إثبات تغيير الاسم (مثل وثيقة الزواج)",
    certificate_of_good_conduct: "شهادة حسن السيرة والسلوك (شهادة عدم محكومية)",
    medical_certificate: "شهادة طبية تثبت اللياقة الصحية لممارسة المهنة",
    language_certificate: "إثبات معرفة اللغة الألمانية (شهادة لغة)",
    other: "مستند آخر",
  },
};

const fa: ChecklistTexts = {
  headings: {
    title: "پوشهٔ من – مدارک لازم برای روند به رسمیت شناختن مدرک شما",
    client: "نام",
    clientNumber: "شمارهٔ پرونده",
    referenceProfession: "حرفهٔ مرجع (حرفهٔ معادل در آلمان)",
    competentAuthority: "مرجع ذی‌صلاح",
    legalBasis: "مبنای قانونی",
    applicationDate: "تاریخ ارائهٔ درخواست",
    asOf: "تاریخ",
    document: "مدرک",
    present: "موجود",
    translated: "ترجمه شده",
    certified: "برابر اصل",
    note: "توضیح",
  },
  states: { present: "موجود", missing: "ناقص" },
  yes: "بله",
  no: "خیر",
  summary: "موجود: {present} از {total}",
  hint: "لطفاً مدارک ناقص را در نوبت مشاورهٔ بعدی همراه خود بیاورید. بهتر است ترجمه‌ها توسط مترجمان رسمی یا سوگندخورده انجام شود.",
  legalBases: {
    bqfg: "قانون فدرال ارزیابی صلاحیت‌های حرفه‌ای (BQFG)",
    state_law: "قانون ایالتی",
    profession_law: "قانون ویژهٔ حرفه",
  },
  documentKinds: {
    identity_document: "مدرک هویت (گذرنامه یا کارت شناسایی)",
    qualification_certificate: "گواهی‌نامه یا دانشنامهٔ مدرک خارجی شما",
    transcript_of_records: "ریز نمرات (دروس، محتوا و مدت تحصیل یا آموزش)",
    proof_of_professional_experience: "مدارک سابقهٔ کار (مثلاً گواهی سابقهٔ کار از کارفرما)",
    cv: "رزومهٔ جدولی (به زبان آلمانی)",
    declaration_no_prior_application: "اقرارنامه مبنی بر اینکه تاکنون درخواست به رسمیت شناختن مدرک نداده‌اید",
    proof_of_residence_or_intent_to_work: "گواهی ثبت محل سکونت یا مدرکی دال بر قصد کار در آلمان",
    proof_of_name_change: "مدرک تغییر نام (مثلاً سند ازدواج)",
    certificate_of_good_conduct: "گواهی عدم سوءپیشینه",
    medical_certificate: "گواهی پزشکی مبنی بر توانایی جسمی برای اشتغال به حرفه",
    language_certificate: "مدرک زبان آلمانی (گواهی زبان)",
    other: "مدرک دیگر",
  },
};

const uk: ChecklistTexts = {
  headings: {
    title: "Моя папка – документи для процедури визнання вашої кваліфікації",
    client: "Ім’я та прізвище",
    clientNumber: "Номер клієнта",
    referenceProfession: "Референтна професія (відповідна німецька професія)",
    competentAuthority: "Компетентний орган",
    legalBasis: "Правова підстава",
    applicationDate: "Дата подання заяви",
    asOf: "Станом на",
    document: "Документ",
    present: "Є в наявності",
    translated: "Перекладено",
    certified: "Засвідчено",
    note: "Примітка",
  },
  states: { present: "є в наявності", missing: "відсутній" },
  yes: "так",
  no: "ні",
  summary: "Є в наявності: {present} з {total}",
  hint: "Будь ласка, принесіть відсутні документи на наступну консультацію. Переклади бажано замовляти в офіційно призначених або присяжних перекладачів.",
  legalBases: {
    bqfg: "Федеральний закон про оцінку професійної кваліфікації (BQFG)",
    state_law: "Законодавство федеральної землі",
    profession_law: "Спеціальний закон про професію",
  },
  documentKinds: {
    identity_document: "Документ, що посвідчує особу (паспорт або посвідчення особи)",
    qualification_certificate: "Атестат або диплом про вашу іноземну кваліфікацію",
    transcript_of_records: "Додаток до диплома з переліком предметів і оцінок (зміст і тривалість навчання)",
    proof_of_professional_experience: "Підтвердження професійного досвіду (напр., довідки від роботодавців)",
    cv: "Резюме у формі таблиці (німецькою мовою)",
    declaration_no_prior_application: "Заява про те, що ви раніше не подавали заяву про визнання",
    proof_of_residence_or_intent_to_work: "Довідка про реєстрацію місця проживання або підтвердження наміру працювати в Німеччині",
    proof_of_name_change: "Підтвердження зміни імені чи прізвища (напр., свідоцтво про шлюб)",
    certificate_of_good_conduct: "Довідка про несудимість",
    medical_certificate: "Медична довідка про придатність за станом здоров’я до роботи за професією",
    language_certificate: "Підтвердження знання німецької мови (мовний сертифікат)",
    other: "Інший документ",
  },
};

const ru: ChecklistTexts = {
  headings: {
    title: "Моя папка – документы для процедуры признания вашей квалификации",
    client: "Имя и фамилия",
    clientNumber: "Номер клиента",
    referenceProfession: "Референтная профессия (соответствующая немецкая профессия)",
    competentAuthority: "Компетентный орган",
    legalBasis: "Правовое основание",
    applicationDate: "Дата подачи заявления",
    asOf: "По состоянию на",
    document: "Документ",
    present: "Имеется",
    translated: "Переведено",
    certified: "Заверено",
    note: "Примечание",
  },
  states: { present: "имеется", missing: "отсутствует" },
  yes: "да",
  no: "нет",
  summary: "Имеется: {present} из {total}",
  hint: "Пожалуйста, принесите недостающие документы на следующую консультацию. Переводы желательно заказывать у официально назначенных или присяжных переводчиков.",
  legalBases: {
    bqfg: "Федеральный закон об оценке профессиональной квалификации (BQFG)",
    state_law: "Законодательство федеральной земли",
    profession_law: "Специальный закон о профессии",
  },
  documentKinds: {
    identity_document: "Документ, удостоверяющий личность (паспорт или удостоверение личности)",
    qualification_certificate: "Аттестат или диплом о вашей иностранной квалификации",
    transcript_of_records: "Приложение к диплому с перечнем предметов и оценок (содержание и продолжительность обучения)",
    proof_of_professional_experience: "Подтверждение профессионального опыта (напр., справки от работодателей)",
    cv: "Резюме в форме таблицы (на немецком языке)",
    declaration_no_prior_application: "Заявление о том, что вы ранее не подавали заявление о признании",
    proof_of_residence_or_intent_to_work: "Справка о регистрации по месту жительства или подтверждение намерения работать в Германии",
    proof_of_name_change: "Подтверждение смены имени или фамилии (напр., свидетельство о браке)",
    certificate_of_good_conduct: "Справка об отсутствии судимости",
    medical_certificate: "Медицинская справка о пригодности по состоянию здоровья к работе по профессии",
    language_certificate: "Подтверждение знания немецкого языка (языковой сертификат)",
    other: "Другой документ",
  },
};

const tr: ChecklistTexts = {
  headings: {
    title: "Dosyam – denklik başvurunuz için gerekli belgeler",
    client: "Ad Soyad",
    clientNumber: "Danışan numarası",
    referenceProfession: "Referans meslek (Almanya'daki karşılığı olan meslek)",
    competentAuthority: "Yetkili kurum",
    legalBasis: "Yasal dayanak",
    applicationDate: "Başvuru tarihi",
    asOf: "Tarih",
    document: "Belge",
    present: "Mevcut",
    translated: "Tercümesi var",
    certified: "Onaylı",
    note: "Not",
  },
  states: { present: "mevcut", missing: "eksik" },
  yes: "evet",
  no: "hayır",
  summary: "{total} belgeden {present} tanesi mevcut",
  hint: "Lütfen eksik belgeleri bir sonraki danışmanlık randevunuza getirin. Tercümelerin resmî olarak atanmış veya yeminli tercümanlar tarafından yapılması tavsiye edilir.",
  legalBases: {
    bqfg: "Federal Mesleki Yeterliliklerin Tespiti Yasası (BQFG)",
    state_law: "Eyalet hukuku",
    profession_law: "Mesleğe özel yasa",
  },
  documentKinds: {
    identity_document: "Kimlik belgesi (pasaport veya kimlik kartı)",
    qualification_certificate: "Yurt dışında aldığınız diploma veya mezuniyet belgesi",
    transcript_of_records: "Ders ve not dökümü (eğitimin içeriği ve süresi)",
    proof_of_professional_experience: "Mesleki deneyimi gösteren belgeler (ör. işverenlerden alınan çalışma belgeleri)",
    cv: "Tablo şeklinde özgeçmiş (Almanca)",
    declaration_no_prior_application: "Daha önce denklik başvurusu yapmadığınıza dair beyan",
    proof_of_residence_or_intent_to_work: "İkamet kayıt belgesi veya Almanya'da çalışma niyetinizi gösteren belge",
    proof_of_name_change: "İsim değişikliğini gösteren belge (ör. evlilik cüzdanı)",
    certificate_of_good_conduct: "Adli sicil kaydı (sabıka kaydı belgesi)",
    medical_certificate: "Mesleği yapmaya sağlık açısından elverişli olduğunuza dair doktor raporu",
    language_certificate: "Almanca bilgisini gösteren belge (dil sertifikası)",
    other: "Diğer belge",
  },
};

export const checklistTexts: Record<ChecklistLanguage, ChecklistTexts> = { de, en, ar, fa, uk, ru, tr };
