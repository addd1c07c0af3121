/**
 * Where "Barriere melden" leads: the feedback form of the accessibility statement, with the page
 * the person came from as ?seite=<path>. Its own module, so every layout links there without
 * loading the form.
 */
export const PAGE_PARAM = "seite";

/** The path only: a search in the address bar may hold a name. */
export function reportBarrierPath(pathname: string): string {
  return `/barrierefreiheit?${PAGE_PARAM}=${encodeURIComponent(pathname)}#feedback`;
}
