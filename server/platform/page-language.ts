/**
 * The language of a public page, known before any script runs: `/ar/…` or `?lang=ar` answer
 * with `<html lang="ar" dir="rtl">`, so screen readers, search engines and the browser's own
 * translation offer see the right language in the very first byte (the web app takes over
 * from there and keeps `lang`/`dir` in step).
 */
import { directionOf, isPublicLanguage, type PublicLanguage } from "../../common/domain/public-languages.js";

/** The page language named in a request URL (path prefix first, then ?lang=), or null. */
export function pageLanguageOf(url: string): PublicLanguage | null {
  const parsed = new URL(url, "http://lotse.invalid");
  const prefix = parsed.pathname.split("/")[1] ?? "";
  if (isPublicLanguage(prefix)) return prefix;
  const query = parsed.searchParams.get("lang") ?? "";
  return isPublicLanguage(query) ? query : null;
}

/** index.html with the page language on its root element. */
export function localizedIndex(html: string, lang: PublicLanguage): string {
  return html.replace(/<html\b[^>]*>/i, `<html lang="${lang}" dir="${directionOf(lang)}">`);
}
