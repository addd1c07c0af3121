/**
 * The code of the public page asked for, named in the page itself. The web app loads each public
 * page's code as a chunk of its own (web/App.tsx) when the page is shown; without a hint the
 * browser would fetch it only after the app's script has arrived and run — one more round trip
 * on a slow line. So index.html gets `<link rel="modulepreload">` for the chunks of the page at
 * hand (found in Vite's build manifest), and only for those: the other pages' code stays where it is.
 * The same for the texts of a language named in the address (`/ar/…`, `?lang=ar`): the app fetches
 * them before its first render; and for the site a site's pages show (`/api/public/sites/{id}`,
 * `<link rel="preload" as="fetch">`, which the app's fetch then takes): its name is the page's
 * heading, so it should not wait for the app's script.
 */
import { type PublicLanguage, publicLanguages } from "../../common/domain/public-languages.js";

/** A public page's path (without language prefix) → its module under web/, as web/App.tsx imports it. */
export const publicPageModules: readonly (readonly [RegExp, string])[] = [
  [/^\/$/, "routes/public/Landing.tsx"],
  [/^\/beratung-finden\/?$/, "routes/public/FindCounselingPage.tsx"],
  [/^\/beratung-finden\/standorte\/[^/]+\/?$/, "routes/public/SitePage.tsx"],
  [/^\/beratung-finden\/standorte\/[^/]+\/termin\/?$/, "routes/public/booking/BookingPage.tsx"],
  [/^\/beratung-finden\/standorte\/[^/]+\/anfrage\/?$/, "routes/public/OnlineRequestPage.tsx"],
  [/^\/termin\/[^/]+\/?$/, "routes/public/booking/ManageBookingPage.tsx"],
  [/^\/barrierefreiheit\/?$/, "routes/public/AccessibilityStatementPage.tsx"],
  [/^\/leichte-sprache\/?$/, "routes/public/EasyReadPage.tsx"],
  [/^\/impressum\/?$/, "routes/public/LegalPage.tsx"],
];

/** One chunk of Vite's manifest (dist/web/.vite/manifest.json); `imports` name other chunks' keys. */
export type ManifestChunk = { file: string; imports?: string[] };
export type Manifest = Record<string, ManifestChunk>;

const LANGUAGE_PREFIX = new RegExp(`^/(${publicLanguages.join("|")})(?=/|$)`);

const pathOf = (url: string) => new URL(url, "http://lotse.invalid").pathname.replace(LANGUAGE_PREFIX, "") || "/";

/** The web module of the public page at a request URL, or null (staff app, unknown page). */
export function pageModuleOf(url: string): string | null {
  const path = pathOf(url);
  return publicPageModules.find(([pattern]) => pattern.test(path))?.[1] ?? null;
}

/** A site's page, its booking page and its request form: all show the site first. */
const SITE_PAGE = /^\/beratung-finden\/standorte\/([A-Za-z0-9-]{1,64})(?:\/termin|\/anfrage)?\/?$/;

/** The preload of the API answer the public page at a request URL shows first, or "". */
export function pageDataPreload(url: string): string {
  const site = SITE_PAGE.exec(pathOf(url))?.[1];
  return site ? `<link rel="preload" as="fetch" crossorigin href="/api/public/sites/${site}">` : "";
}

/** Files of a chunk and of everything it imports statically. */
function closure(manifest: Manifest, key: string | undefined, into = new Set<string>()): Set<string> {
  const chunk = key === undefined ? undefined : manifest[key];
  if (!chunk || into.has(chunk.file)) return into;
  into.add(chunk.file);
  for (const imported of chunk.imports ?? []) closure(manifest, imported, into);
  return into;
}

const link = (file: string) => `<link rel="modulepreload" crossorigin href="/${file}">`;

/**
 * The modulepreload links for a page (its web module, or null) in a language (or null: the app
 * decides): the chunks that index.html does not load already (the scripts it names, the app's
 * start, and what they import), and the language's texts (German comes with the app).
 */
export function pagePreloads(manifest: Manifest, indexHtml: string): (module: string | null, lang: PublicLanguage | null) => string {
  const keyOf = new Map(Object.entries(manifest).map(([key, chunk]) => [chunk.file, key]));
  const entry = new Set<string>();
  for (const [, file] of indexHtml.matchAll(/<(?:script|link)\b[^>]*\b(?:src|href)="\/(assets\/[^"]+\.js)"/g))
    closure(manifest, keyOf.get(file!), entry);
  const pages = new Map(
    publicPageModules.map(([, module]) => [
      module,
      [...closure(manifest, module)]
        .filter((file) => !entry.has(file))
        .map(link)
        .join(""),
    ]),
  );
  const texts = new Map(
    publicLanguages.map((lang) => [lang, lang === "de" ? "" : [...closure(manifest, `i18n/${lang}.json`)].map(link).join("")]),
  );
  return (module, lang) => (module ? (pages.get(module) ?? "") : "") + (lang ? (texts.get(lang) ?? "") : "");
}

/** index.html with the links added at the end of its head. */
export function withPreloads(html: string, links: string): string {
  return links ? html.replace("</head>", `${links}\n  </head>`) : html;
}
