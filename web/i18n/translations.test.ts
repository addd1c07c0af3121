import { IntlMessageFormat } from "intl-messageformat";
import { describe, expect, it } from "vitest";
import arPublic from "./ar.json" with { type: "json" };
import dePublic from "./de.json" with { type: "json" };
import enPublic from "./en.json" with { type: "json" };
import fa from "./fa.json" with { type: "json" };
import ru from "./ru.json" with { type: "json" };
import arStaff from "./staff/ar.json" with { type: "json" };
import deStaff from "./staff/de.json" with { type: "json" };
import enStaff from "./staff/en.json" with { type: "json" };
import tr from "./tr.json" with { type: "json" };
import uk from "./uk.json" with { type: "json" };

/**
 * German is the source; other languages fall back to it key by key. The public pages are read by
 * people who may not read German, so there every key must be translated; the staff app may fall
 * back (counselors read German), and what falls back is reported here.
 */
const PUBLIC_SECTIONS = [
  "app",
  "shell",
  "landing",
  "legal",
  "notFound",
  "findCounseling",
  "site",
  "accessibilityStatement",
  "barrierForm",
  "publicForm",
  "requestForm",
  "booking",
  "easyRead",
  "booking",
];
/**
 * Sections in <lang>.json, loaded with every page; the rest of a language is in staff/<lang>.json,
 * loaded with the staff app only. Shared sections (common, errors) go with the public pages.
 */
const LOADED_WITH_PUBLIC_PAGES = [...PUBLIC_SECTIONS, "common", "errors"];
/** Keys of shared sections that public pages show too (loading, select placeholder, errors of public forms). */
const PUBLIC_KEYS = [
  "common.loading",
  "common.choose",
  ...["network", "unknown", "validation_failed", "rate_limited", "rate_limited_wait", "internal", "database_unavailable"].map(
    (code) => `errors.${code}`,
  ),
];
/**
 * Leichte Sprache is German by definition: the page shows this German text (marked lang="de")
 * whatever the UI language, so no other language has these keys.
 */
const GERMAN_ONLY = "easyRead.content.";
const files: Record<string, { public: object; staff?: object }> = {
  de: { public: dePublic, staff: deStaff },
  en: { public: enPublic, staff: enStaff },
  ar: { public: arPublic, staff: arStaff },
  fa: { public: fa },
  uk: { public: uk },
  ru: { public: ru },
  tr: { public: tr },
};
const de = { ...dePublic, ...deStaff };
const translations: Record<string, object> = Object.fromEntries(
  Object.entries(files)
    .filter(([language]) => language !== "de")
    .map(([language, f]) => [language, { ...f.public, ...f.staff }]),
);
/** Languages in which the staff app is complete too (no fallback at all). */
const COMPLETE = ["en"];

type Messages = Record<string, string>;
function flatten(tree: object, prefix = ""): Messages {
  const out: Messages = {};
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === "string") out[path] = value;
    else Object.assign(out, flatten(value as object, path));
  }
  return out;
}
const source = flatten(de);
const isPublic = (key: string) =>
  !key.startsWith(GERMAN_ONLY) && (PUBLIC_SECTIONS.includes(key.split(".")[0]!) || PUBLIC_KEYS.includes(key));

describe("translations", () => {
  it("has the Leichte Sprache text in German", () => {
    expect(Object.keys(source).filter((k) => k.startsWith(GERMAN_ONLY)).length).toBeGreaterThan(10);
  });

  for (const [language, f] of Object.entries(files)) {
    it(`${language}: has the public pages' sections in ${language}.json and the staff app's in staff/${language}.json`, () => {
      expect(Object.keys(f.public).filter((section) => !LOADED_WITH_PUBLIC_PAGES.includes(section))).toEqual([]);
      expect(Object.keys(f.staff ?? {}).filter((section) => LOADED_WITH_PUBLIC_PAGES.includes(section))).toEqual([]);
    });
  }

  it("has every public key in German", () => {
    for (const section of PUBLIC_SECTIONS)
      expect(
        Object.keys(source).some((k) => k.startsWith(`${section}.`)),
        section,
      ).toBe(true);
  });

  for (const [language, tree] of Object.entries(translations)) {
    const messages = flatten(tree);

    it(`${language}: translates every key of the public pages${COMPLETE.includes(language) ? " and of the staff app" : ""}`, () => {
      const missing = Object.keys(source).filter((key) => !(key in messages) && !key.startsWith(GERMAN_ONLY));
      const fallback = missing.filter((key) => !isPublic(key));
      if (!COMPLETE.includes(language) && fallback.length)
        console.info(`${language}: ${fallback.length} staff-app keys fall back to German`);
      expect(COMPLETE.includes(language) ? missing : missing.filter(isPublic)).toEqual([]);
    });

    it(`${language}: has no key that German does not have (renamed or removed keys), nor German-only Leichte Sprache`, () => {
      expect(Object.keys(messages).filter((key) => !(key in source) || key.startsWith(GERMAN_ONLY))).toEqual([]);
    });

    it(`${language}: every message is valid ICU and formats with the German message's arguments`, () => {
      for (const [key, message] of Object.entries(messages)) {
        const format = new IntlMessageFormat(message, language);
        // Arguments of the German message (names in braces), with values that exercise plurals.
        const names = [...(source[key] ?? "").matchAll(/\{(\w+)/g)].map((m) => m[1]!);
        const values = Object.fromEntries(names.map((n) => [n, 3]));
        expect(() => format.format(values), key).not.toThrow();
      }
    });
  }
});
