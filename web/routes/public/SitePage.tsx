/** A counseling site for the public: how to reach it, when, in which languages, how accessible. */
import { useTranslation } from "react-i18next";
import { Link, useLocation, useParams } from "react-router";
import { bookableChannels } from "../../../common/domain/appointments.js";
import { ApiError } from "../../api/client.js";
import { type PublicSiteDetail, usePublicSite } from "../../api/public.js";
import { ErrorAlert, Loading } from "../../components/feedback.js";
import { dateTimeFormat } from "../../components/intl-cache.js";
import { languageName } from "../../components/names.js";
import { usePageTitle } from "../../components/page.js";
import { SiteFacts } from "./site-facts.js";

const accessFeatures = ["stepFree", "elevator", "accessibleToilet", "hearingLoop", "parking"] as const;

export function SitePage() {
  const { t } = useTranslation();
  const { id = "" } = useParams();
  const query = usePublicSite(id);
  // Back to the same search (the search page passes its address along).
  const from = (useLocation().state as { search?: string } | null)?.search ?? "";
  usePageTitle(query.data?.name ?? t("site.title"));

  return (
    <div className="container section site-page">
      <p>
        <Link to={`/beratung-finden${from}`}>{t("site.back")}</Link>
      </p>
      {query.isPending ? (
        <Loading />
      ) : query.error ? (
        <>
          <h1>{t("site.title")}</h1>
          {query.error instanceof ApiError && query.error.status === 404 ? <p>{t("site.notFound")}</p> : <ErrorAlert error={query.error} />}
        </>
      ) : (
        <SiteDetail site={query.data} />
      )}
    </div>
  );
}

function SiteDetail({ site }: { site: PublicSiteDetail }) {
  const { t, i18n } = useTranslation();
  return (
    <>
      <h1>
        <bdi>{site.name}</bdi>
      </h1>
      {site.isDemo && <p className="alert alert-info">{t("site.demoNote")}</p>}
      <SiteFacts site={site} />
      {site.nextFreeSlot && bookableChannels(site.channels).length > 0 && (
        <p className="booking-cta">
          <Link to={`/beratung-finden/standorte/${site.id}/termin`} className="button button-primary">
            {t("booking.book")}
          </Link>
        </p>
      )}

      <div className="site-sections">
        <section aria-labelledby="contact-title" className="panel">
          <h2 id="contact-title">{t("site.contact")}</h2>
          {!site.phone && !site.email && !site.website ? (
            <p>{t("site.noContact")}</p>
          ) : (
            <ul className="plain-list">
              {site.phone && (
                <li>
                  {t("site.phone")}:{" "}
                  <a href={`tel:${site.phone.replace(/[^\d+]/g, "")}`} dir="ltr">
                    {site.phone}
                  </a>
                </li>
              )}
              {site.email && (
                <li>
                  {t("site.email")}:{" "}
                  <a href={`mailto:${site.email}`} dir="ltr">
                    {site.email}
                  </a>
                </li>
              )}
              {site.website && (
                <li>
                  {t("site.website")}:{" "}
                  <a href={site.website} dir="ltr" rel="noopener">
                    {site.website.replace(/^https?:\/\//, "")}
                  </a>
                </li>
              )}
            </ul>
          )}
        </section>

        <section aria-labelledby="request-title" className="panel">
          <h2 id="request-title">{t("site.requestTitle")}</h2>
          <p>{t("site.requestText")}</p>
          <p>
            <Link to={`/beratung-finden/standorte/${site.id}/anfrage`} className="button button-primary">
              {t("site.requestLink")}
            </Link>
          </p>
        </section>

        <section aria-labelledby="hours-title" className="panel">
          <h2 id="hours-title">{t("site.hours")}</h2>
          {site.openingHours.length === 0 ? <p>{t("site.hoursUnknown")}</p> : <OpeningHours hours={site.openingHours} />}
        </section>

        <section aria-labelledby="languages-title" className="panel">
          <h2 id="languages-title">{t("site.languagesTitle")}</h2>
          {site.languages.length === 0 ? (
            <p>{t("site.unknown")}</p>
          ) : (
            <ul className="plain-list language-list">
              {site.languages.map((code) => (
                <li key={code}>
                  {languageName(code, i18n.language)}
                  {code !== i18n.language && (
                    <>
                      {" – "}
                      <span lang={code}>{languageName(code, code)}</span>
                    </>
                  )}
                </li>
              ))}
            </ul>
          )}
        </section>

        <section aria-labelledby="access-title" className="panel">
          <h2 id="access-title">{t("site.accessibility")}</h2>
          <dl className="access-list">
            {accessFeatures.map((feature) => {
              const value = site.accessibility[feature];
              return (
                <div key={feature}>
                  <dt>{t(`site.access.${feature}`)}</dt>
                  <dd>{value === null ? t("site.unknown") : value ? t("site.yes") : t("site.no")}</dd>
                </div>
              );
            })}
          </dl>
          {site.accessibility.notes && (
            <p>
              <bdi>{site.accessibility.notes}</bdi>
            </p>
          )}
        </section>

        <section aria-labelledby="directions-title" className="panel">
          <h2 id="directions-title">{t("site.directions")}</h2>
          <p>{site.directions ? <bdi>{site.directions}</bdi> : t("site.unknown")}</p>
        </section>
      </div>
    </>
  );
}

/** Weekdays in the UI language, Monday first; several spans of one day on one line. */
function OpeningHours({ hours }: { hours: PublicSiteDetail["openingHours"] }) {
  const { t, i18n } = useTranslation();
  // 2024-01-01 was a Monday; the weekday name only (no calendar involved).
  const weekday = (isoDay: number) =>
    dateTimeFormat(i18n.language, { weekday: "long", timeZone: "UTC" }).format(new Date(Date.UTC(2024, 0, isoDay)));
  return (
    <table className="hours-table">
      <caption className="visually-hidden">{t("site.hours")}</caption>
      <tbody>
        {[1, 2, 3, 4, 5, 6, 7].map((day) => {
          const spans = hours.filter((h) => h.weekday === day);
          return (
            <tr key={day}>
              <th scope="row">{weekday(day)}</th>
              <td>{spans.length ? <bdi dir="ltr">{spans.map((h) => `${h.opens}–${h.closes}`).join(", ")}</bdi> : t("site.closedDay")}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
