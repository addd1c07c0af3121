/** The page after booking: what was booked, the calendar file, and the link to change it later. */
import { useEffect, useRef } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { bookingIcsUrl, type PublicBooking } from "../../../api/booking.js";
import { BookingSummary, ChannelHint } from "./BookingSummary.js";

/** The manage link of a booking as a path of this site (the server gives the full public URL). */
export const managePath = (booking: PublicBooking) => {
  const url = new URL(booking.manageUrl);
  return `${url.pathname}${url.search}`;
};

export function BookingConfirmation({ booking }: { booking: PublicBooking }) {
  const { t } = useTranslation();
  const headingRef = useRef<HTMLHeadingElement>(null);
  // The form is gone: move focus to the news, so screen readers announce it and keyboards go on from here.
  useEffect(() => headingRef.current?.focus(), []);
  const token = new URL(booking.manageUrl).searchParams.get("token") ?? "";
  return (
    <section aria-labelledby="booking-done" className="panel booking-done">
      <h2 id="booking-done" ref={headingRef} tabIndex={-1}>
        {t("booking.done")}
      </h2>
      <p>{t("booking.doneMail")}</p>
      <BookingSummary booking={booking} />
      <ChannelHint booking={booking} />
      <ul className="plain-list booking-links">
        <li>
          <a href={bookingIcsUrl(booking.id, token)} download="termin.ics">
            {t("booking.addToCalendar")}
          </a>
        </li>
        <li>
          <Link to={managePath(booking)}>{t("booking.manageLink")}</Link>
        </li>
      </ul>
      <p className="muted small">{t("booking.manageHint")}</p>
    </section>
  );
}
