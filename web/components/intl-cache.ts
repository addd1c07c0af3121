/**
 * Intl formatters are slow to construct (they load locale data) and cheap to use: a result list
 * that named 20 sites' languages built hundreds of them per render on a phone. One per locale
 * and options, kept for the page's life.
 */
const formatters = new Map<string, unknown>();

function cached<T>(kind: string, locales: string | string[], options: object, create: () => T): T {
  const key = `${kind}|${String(locales)}|${JSON.stringify(options)}`;
  let formatter = formatters.get(key) as T | undefined;
  if (!formatter) {
    formatter = create();
    formatters.set(key, formatter);
  }
  return formatter;
}

export const dateTimeFormat = (locale: string, options: Intl.DateTimeFormatOptions) =>
  cached("dt", locale, options, () => new Intl.DateTimeFormat(locale, options));

export const numberFormat = (locale: string, options: Intl.NumberFormatOptions) =>
  cached("nf", locale, options, () => new Intl.NumberFormat(locale, options));

export const listFormat = (locale: string, options: Intl.ListFormatOptions) =>
  cached("lf", locale, options, () => new Intl.ListFormat(locale, options));

export const displayNames = (locale: string, options: Intl.DisplayNamesOptions) =>
  cached("dn", locale, options, () => new Intl.DisplayNames([locale], options));

export const collator = (locale: string) => cached("co", locale, {}, () => new Intl.Collator(locale));
