/**
 * Country and language names in the UI language (Intl.DisplayNames), so no list of names has
 * to be translated by hand. Codes: ISO 3166-1 alpha-2 (plus XK, Kosovo) and ISO 639.
 */
import type { Option } from "./fields.js";
import { collator, displayNames } from "./intl-cache.js";

const COUNTRY_CODES = (
  "AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS BT BV BW BY BZ " +
  "CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM DO DZ EC EE EG EH ER ES ET FI FJ FK FM FO FR " +
  "GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY HK HM HN HR HT HU ID IE IL IM IN IO IQ IR IS IT JE JM JO " +
  "JP KE KG KH KI KM KN KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK ML MM MN MO MP MQ MR " +
  "MS MT MU MV MW MX MY MZ NA NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF PG PH PK PL PM PN PR PS PT PW PY QA RE RO " +
  "RS RU RW SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV SX SY SZ TC TD TF TG TH TJ TK TL TM TN TO TR TT TV " +
  "TW TZ UA UG UM US UY UZ VA VC VE VG VI VN VU WF WS XK YE YT ZA ZM ZW"
).split(" ");

/** Languages often asked for in counselling; any other ISO 639 code still displays by name. */
const LANGUAGE_CODES = (
  "de en ar fa prs ps ku ckb kmr tr uk ru pl ro bg hr sr bs sq mk el hu cs sk sl fr es it pt nl ti am so sw ha yo ig " +
  "ur hi bn pa ta ne si vi zh ja ko th tl id az hy ka uz tk tg kk ky mn he lt lv et fi sv da no"
).split(" ");

function displayName(type: "region" | "language", code: string, locale: string): string {
  try {
    return displayNames(locale, { type }).of(code) ?? code;
  } catch {
    return code;
  }
}

/** "SY" → "Syrien" (in the UI language). */
export const countryName = (code: string, locale: string) => displayName("region", code.toUpperCase(), locale);

/** "ar" → "Arabisch" (in the UI language). */
export const languageName = (code: string, locale: string) => displayName("language", code, locale);

function sortedOptions(codes: string[], name: (code: string) => string, locale: string): Option[] {
  const compare = collator(locale);
  return codes.map((id) => ({ id, label: name(id) })).sort((a, b) => compare.compare(a.label, b.label));
}

const cache = new Map<string, Option[]>();
function cached(key: string, build: () => Option[]): Option[] {
  let options = cache.get(key);
  if (!options) {
    options = build();
    cache.set(key, options);
  }
  return options;
}

export const countryOptions = (locale: string) =>
  cached(`region:${locale}`, () => sortedOptions(COUNTRY_CODES, (c) => countryName(c, locale), locale));

export const languageOptions = (locale: string) =>
  cached(`language:${locale}`, () => sortedOptions(LANGUAGE_CODES, (c) => languageName(c, locale), locale));

/** Names of several codes, joined for display; "–" when there are none. */
export function namesOf(codes: readonly string[], name: (code: string, locale: string) => string, locale: string): string {
  return codes.length ? codes.map((c) => name(c, locale)).join(", ") : "–";
}
