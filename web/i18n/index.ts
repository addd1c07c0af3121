/**
 * i18next with ICU messages. German is the source language; every other language falls
 * back to German key by key. The <html> element follows the language (lang, dir).
 */
import i18next from "i18next";
import ICU from "i18next-icu";
import { initReactI18next } from "react-i18next";
import de from "./de.json" with { type: "json" };

type Translation = Record<string, unknown>;

type Bundle = () => Promise<{ default: Translation }>;

/**
 * The texts of the public pages. German (the source and every key's fallback) comes with the
 * app; each other language is its own file, fetched when needed: a phone on a slow line loads
 * the language it shows, not all seven.
 */
const bundles: Record<string, Bundle> = {
  de: async () => ({ default: de }),
  en: () => import("./en.json", { with: { type: "json" } }),
  ar: () => import("./ar.json", { with: { type: "json" } }),
  fa: () => import("./fa.json", { with: { type: "json" } }),
  uk: () => import("./uk.json", { with: { type: "json" } }),
  ru: () => import("./ru.json", { with: { type: "json" } }),
  tr: () => import("./tr.json", { with: { type: "json" } }),
};

/**
 * The staff app's texts (staff/<lang>.json), loaded with the staff app (loadStaffTexts): the
 * public pages never fetch them. Languages without a file fall back to German key by key.
 */
const staffBundles: Record<string, Bundle> = {
  de: () => import("./staff/de.json", { with: { type: "json" } }),
  en: () => import("./staff/en.json", { with: { type: "json" } }),
  ar: () => import("./staff/ar.json", { with: { type: "json" } }),
};

/** "ar", "staff:de" …: the files added to i18next or on their way (once each; again after a failure). */
const added = new Map<string, Promise<void>>([["de", Promise.resolve()]]);
let staffTextsWanted = false;

function addTexts(code: string, part: "" | "staff", load: Bundle | undefined): Promise<void> {
  const id = part ? `${part}:${code}` : code;
  if (!load) return Promise.resolve();
  let adding = added.get(id);
  if (!adding) {
    adding = load().then(
      (texts) => void i18next.addResourceBundle(code, "translation", texts.default, true, true),
      (error: unknown) => {
        added.delete(id);
        throw error;
      },
    );
    added.set(id, adding);
  }
  return adding;
}

async function loadLanguage(code: string): Promise<void> {
  await Promise.all([addTexts(code, "", bundles[code]), staffTextsWanted ? addTexts(code, "staff", staffBundles[code]) : undefined]);
}

/** The staff app's texts in German and in the language shown; awaited before a staff page renders. */
export async function loadStaffTexts(): Promise<void> {
  staffTextsWanted = true;
  await Promise.all([addTexts("de", "staff", staffBundles.de), addTexts(i18next.language, "staff", staffBundles[i18next.language])]);
}

/** Switches the UI language once its texts are there (no flash of German in between). */
export async function switchLanguage(code: string): Promise<void> {
  await loadLanguage(code);
  await i18next.changeLanguage(code);
}

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

/** `/ar/…` (a path prefix, as in links shared between people) or `?lang=ar`. */
const LANGUAGE_PREFIX = /^\/(de|en|ar|fa|uk|ru|tr)(?=\/|$)/;

function languageFromUrl(): string | null {
  return LANGUAGE_PREFIX.exec(window.location.pathname)?.[1] ?? new URLSearchParams(window.location.search).get("lang");
}

/**
 * After the language is taken from a `/ar/…` prefix, the address loses it: the app's routes
 * have no prefix (the server answered the prefixed address with the right `lang` already).
 */
export function dropLanguagePrefix(): void {
  const { pathname, search, hash } = window.location;
  const prefix = LANGUAGE_PREFIX.exec(pathname)?.[0];
  if (prefix) window.history.replaceState(window.history.state, "", `${pathname.slice(prefix.length) || "/"}${search}${hash}`);
}

function initialLanguage(): string {
  const fromUrl = languageFromUrl();
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
  const lng = initialLanguage();
  const [de, shown] = await Promise.all([bundles.de!(), lng === "de" ? null : bundles[lng]!()]);
  const resources: Record<string, { translation: Translation }> = { de: { translation: de.default } };
  if (shown) {
    resources[lng] = { translation: shown.default };
    added.set(lng, Promise.resolve());
  }
  await i18next
    .use(ICU)
    .use(initReactI18next)
    .init({
      resources,
      // Languages not yet fetched are added by switchLanguage.
      partialBundledLanguages: true,
      lng,
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
