/**
 * i18next with ICU messages. German is the source language; every other language falls
 * back to German key by key. The <html> element follows the language (lang, dir).
 */
import i18next from "i18next";
import ICU from "i18next-icu";
import { initReactI18next } from "react-i18next";
import ar from "./ar.json" with { type: "json" };
import de from "./de.json" with { type: "json" };
import en from "./en.json" with { type: "json" };
import fa from "./fa.json" with { type: "json" };
import ru from "./ru.json" with { type: "json" };
import tr from "./tr.json" with { type: "json" };
import uk from "./uk.json" with { type: "json" };

export type LanguageInfo = {
  code: string;
  /** The language's name in itself, shown in the switcher with lang={code}. */
  nativeName: string;
  dir: "ltr" | "rtl";
};

const languages: readonly LanguageInfo[] = [
  { code: "de", nativeName: "Deutsch", dir: "ltr" },
  { code: "en", nativeName: "English", dir: "ltr" },
  { code: "ar", nativeName: "العربية", dir: "rtl" },
  { code: "fa", nativeName: "فارسی", dir: "rtl" },
  { code: "uk", nativeName: "Українська", dir: "ltr" },
  { code: "ru", nativeName: "Русский", dir: "ltr" },
  { code: "tr", nativeName: "Türkçe", dir: "ltr" },
];

/** Every language has a translation file: the public pages completely, the staff app falls back to German. */
export const availableLanguages = languages;
const STORAGE_KEY = "lotse.language";

export function languageInfo(code: string): LanguageInfo {
  return availableLanguages.find((l) => l.code === code) ?? languages[0]!;
}

function initialLanguage(): string {
  const fromUrl = new URLSearchParams(window.location.search).get("lang");
  const stored = safeStorage()?.getItem(STORAGE_KEY);
  for (const candidate of [fromUrl, stored]) {
    if (candidate && availableLanguages.some((l) => l.code === candidate)) return candidate;
  }
  return "de";
}

function safeStorage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

function applyToDocument(code: string): void {
  const info = languageInfo(code);
  document.documentElement.lang = info.code;
  document.documentElement.dir = info.dir;
}

export async function setupI18n(): Promise<typeof i18next> {
  await i18next
    .use(ICU)
    .use(initReactI18next)
    .init({
      resources: Object.fromEntries(Object.entries({ de, en, ar, fa, uk, ru, tr }).map(([code, translation]) => [code, { translation }])),
      lng: initialLanguage(),
      fallbackLng: "de",
      interpolation: { escapeValue: false },
      returnNull: false,
    });
  applyToDocument(i18next.language);
  i18next.on("languageChanged", (code) => {
    applyToDocument(code);
    safeStorage()?.setItem(STORAGE_KEY, code);
  });
  return i18next;
}
