/**
 * The languages of the public pages and of everything Lotse sends to people seeking advice
 * (mails, the printable checklist). German is the source.
 */
export const publicLanguages = ["de", "en", "ar", "fa", "uk", "ru", "tr"] as const;
export type PublicLanguage = (typeof publicLanguages)[number];

export const isPublicLanguage = (code: string): code is PublicLanguage => (publicLanguages as readonly string[]).includes(code);

/** Arabic and Farsi (Persian) are written right to left. */
export const directionOf = (lang: PublicLanguage): "ltr" | "rtl" => (lang === "ar" || lang === "fa" ? "rtl" : "ltr");

/**
 * The Intl locale for dates shown to a person: always the Gregorian calendar (fa and ar would
 * default to the Persian and Islamic ones) and Latin digits, as on German letters.
 */
export const gregorianLocale = (lang: PublicLanguage): string => `${lang}-u-ca-gregory-nu-latn`;
