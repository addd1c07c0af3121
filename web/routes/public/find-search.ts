/** The search page's address as an API query: shared by the page (which starts the search) and its form and list. */
import type { PublicSiteSearch } from "../../api/public.js";

/** Ten nearest first: enough to choose from on a phone, and quick to show; "more" adds ten. */
export const PAGE = 10;

/** The API query of the page's address, or null before the first search. */
export function searchOf(params: URLSearchParams, limit: number): PublicSiteSearch | null {
  if (!params.has("search")) return null;
  const where = (params.get("where") ?? "").trim();
  const value = (key: string) => params.get(key) || undefined;
  return {
    ...(/^\d{5}$/.test(where) ? { postcode: where } : where ? { place: where } : {}),
    language: value("language"),
    topic: value("topic"),
    channel: value("channel"),
    limit,
  };
}
