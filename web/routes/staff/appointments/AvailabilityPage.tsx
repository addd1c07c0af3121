/**
 * /staff/availability — Sprechzeiten of a site: its booking rules (the lead's), the weekly hours
 * of its counselors and the times without bookings (holidays, closures, absences). Leads change
 * everyone's hours, counselors their own; the server decides, the page only hides what it would
 * refuse (`abilities`).
 */
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { type SiteBookingSetup, useBookingSetup } from "../../../api/appointments.js";
import { QueryState } from "../../../components/feedback.js";
import { CaseworkOnly } from "../casework/parts.js";
import { ExceptionsSection } from "./ExceptionsSection.js";
import { SitePicker, useCounselingSites, useSiteParam } from "./parts.js";
import { RulesSection } from "./RulesSection.js";
import { SettingsSection } from "./SettingsSection.js";

export function AvailabilityPage() {
  const { t } = useTranslation();
  return (
    <CaseworkOnly title={t("appointments.availability.title")}>
      <Availability />
    </CaseworkOnly>
  );
}

function Availability() {
  const { t } = useTranslation();
  const { query: sitesQuery, sites } = useCounselingSites();
  const [siteId, setSite] = useSiteParam(sites);
  const setup = useBookingSetup(siteId);
  return (
    <>
      <h1>{t("appointments.availability.title")}</h1>
      <p className="muted">{t("appointments.availability.intro")}</p>
      <div className="filters filters-single">
        <SitePicker sites={sites} query={sitesQuery} siteId={siteId} onChange={setSite} />
      </div>
      {siteId && <QueryState query={setup}>{() => <SiteAvailability key={setup.data!.siteId} setup={setup.data!} />}</QueryState>}
    </>
  );
}

function SiteAvailability({ setup }: { setup: SiteBookingSetup }) {
  const { t } = useTranslation();
  return (
    <>
      <p className="small muted">
        {t("appointments.timeZone", { timeZone: setup.timeZone })}{" "}
        <Link to={`/staff/appointments?site=${setup.siteId}`}>{t("appointments.availability.calendarLink")}</Link>
      </p>
      <SettingsSection setup={setup} />
      <RulesSection setup={setup} />
      <ExceptionsSection setup={setup} />
    </>
  );
}
