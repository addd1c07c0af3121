/** What the search result and the site page both say about a site. */
import { useTranslation } from "react-i18next";
import type { PublicSiteSummary } from "../../api/public.js";
import { formatDateTime } from "../../components/format.js";
import { listFormat, numberFormat } from "../../components/intl-cache.js";
import { languageName } from "../../components/names.js";

/**
 * A name or address from the directory inside translated text: first-strong isolates, so a
 * German place name in an Arabic sentence keeps its own direction (and does not flip the
 * punctuation around it). In markup, <bdi> does the same.
 */
export const isolate = (text: string) => `\u2068${text}\u2069`;

/** "2.3 km" in the UI language's conventions, Latin digits (people compare it with signs and maps). */
export function formatDistance(km: number, locale: string): string {
  return numberFormat(locale, {
    style: "unit",
    unit: "kilometer",
    maximumFractionDigits: km < 10 ? 1 : 0,
    numberingSystem: "latn",
  }).format(km);
}

/** "Arabisch, Farsi und Türkisch" with the UI language's separators (Arabic "،" and "و"). */
export const listOf = (items: string[], locale: string) => listFormat(locale, { type: "conjunction" }).format(items);

/** "Kirchstraße 68, 13129 Berlin" from what is known of an address, or "" when nothing is. */
export function addressLine(address: { street: string | null; postcode: string | null; city: string | null }): string {
  return [address.street, [address.postcode, address.city].filter(Boolean).join(" ")].filter(Boolean).join(", ");
}

export function SiteFacts({ site }: { site: PublicSiteSummary }) {
  const { t, i18n } = useTranslation();
  const address = addressLine(site.address);
  return (
    <dl className="site-facts">
      <div>
        <dt>{t("findCounseling.topic")}</dt>
        <dd>{t(`findCounseling.topics.${site.topic}`)}</dd>
      </div>
      <div>
        <dt>{t("site.project")}</dt>
        <dd>
          <bdi>{site.projectName}</bdi>
        </dd>
      </div>
      {site.providerName && (
        <div>
          <dt>{t("site.provider")}</dt>
          <dd>
            <bdi>{site.providerName}</bdi>
          </dd>
        </div>
      )}
      {address && (
        <div>
          <dt>{t("site.address")}</dt>
          <dd>
            <bdi>{address}</bdi>
          </dd>
        </div>
      )}
      <div>
        <dt>{t("site.languages")}</dt>
        <dd>
          {site.languages.length === 0
            ? t("site.unknown")
            : listOf(
                site.languages.map((code) => languageName(code, i18n.language)),
                i18n.language,
              )}
        </dd>
      </div>
      <div>
        <dt>{t("site.channels")}</dt>
        <dd>
          {site.channels.length === 0
            ? t("site.unknown")
            : listOf(
                site.channels.map((c) => t(`findCounseling.channels.${c}`)),
                i18n.language,
              )}
        </dd>
      </div>
      <div>
        <dt>{t("site.nextFreeSlot")}</dt>
        <dd>
          {site.nextFreeSlot
            ? t("site.nextFreeSlotAt", {
                date: formatDateTime(site.nextFreeSlot.start, i18n.language, "medium"),
                channel: t(`findCounseling.channels.${site.nextFreeSlot.channel}`),
              })
            : t("site.noFreeSlot")}
        </dd>
      </div>
    </dl>
  );
}
