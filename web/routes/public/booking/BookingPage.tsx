/**
 * Booking an appointment at a site without an account: choose a free time, give a name and an
 * e-mail address, agree — and get the confirmation with a calendar file and the link to move or
 * cancel. When someone else took the time a moment earlier, the page says so and offers the
 * next free times; nothing typed is lost. Spam-guarded like the other public forms (form token,
 * honeypot; decision 0005); too many bookings of one e-mail address are refused at its field.
 */
import { lazy, Suspense, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import { bookableChannels } from "../../../../common/domain/appointments.js";
import { type PublicBooking, usePrefetchPublicSlots } from "../../../api/booking.js";
import { ApiError } from "../../../api/client.js";
import { type PublicSiteDetail, usePublicSite } from "../../../api/public.js";
import { ErrorAlert, Loading } from "../../../components/feedback.js";
import { useAfterPaint, usePageTitle } from "../../../components/page.js";
import { BookingConfirmation } from "./BookingConfirmation.js";

// The form (calendar, fields: React Aria's widgets) is a chunk of its own, fetched only after the
// heading with the site's name has painted — on a phone the first view does not wait for the
// page's heaviest script (server/platform/page-modules.ts preloads only what the heading needs).
const BookingForm = lazy(() => import("./BookingForm.js").then((m) => ({ default: m.BookingForm })));

export function BookingPage() {
  const { t } = useTranslation();
  const { id = "" } = useParams();
  const site = usePublicSite(id);
  usePageTitle(site.data ? t("booking.titleAt", { site: site.data.name }) : t("booking.title"));
  return (
    <div className="container section booking-page">
      <p>
        <Link to={`/beratung-finden/standorte/${id}`}>{t("booking.backToSite")}</Link>
      </p>
      {site.error ? (
        <>
          <h1>{t("booking.title")}</h1>
          {site.error instanceof ApiError && site.error.status === 404 ? <p>{t("site.notFound")}</p> : <ErrorAlert error={site.error} />}
        </>
      ) : site.data ? (
        <Booking site={site.data} />
      ) : (
        <Loading />
      )}
    </div>
  );
}

function Booking({ site }: { site: PublicSiteDetail }) {
  const { t } = useTranslation();
  const [booked, setBooked] = useState<PublicBooking | null>(null);
  const channels = bookableChannels(site.channels);
  const prefetchSlots = usePrefetchPublicSlots();
  // After the heading's paint: the form's code and the first channel's free times, in parallel.
  const formWanted = useAfterPaint(() => {
    if (channels[0]) prefetchSlots(site.id, channels[0]);
  });
  return (
    <>
      <h1>
        {t("booking.title")}
        <span className="heading-sub">
          <bdi>{site.name}</bdi>
        </span>
      </h1>
      {booked ? (
        <BookingConfirmation booking={booked} />
      ) : channels.length === 0 ? (
        <p className="alert alert-info">{t("booking.notBookable")}</p>
      ) : formWanted ? (
        <Suspense fallback={<Loading />}>
          <BookingForm site={site} channels={channels} onBooked={setBooked} />
        </Suspense>
      ) : (
        <Loading />
      )}
    </>
  );
}
