/** What a booked appointment is: when (the site's time), how, where — on the confirmation and the manage page. */
import { useTranslation } from "react-i18next";
import type { PublicBooking } from "../../../api/booking.js";
import { formatDateTime, formatTime } from "../../../components/format.js";
import { languageName } from "../../../components/names.js";
import { addressLine } from "../site-facts.js";

export function BookingSummary({ booking }: { booking: PublicBooking }) {
  const { t, i18n } = useTranslation();
  const address = addressLine(booking.address);
  return (
    <dl className="site-facts booking-facts">
      <div>
        <dt>{t("booking.when")}</dt>
        <dd>
          {formatDateTime(booking.start, i18n.language, "full", booking.timeZone)}
          {" – "}
          <bdi dir="ltr">{formatTime(booking.end, i18n.language, booking.timeZone)}</bdi>
        </dd>
      </div>
      <div>
        <dt>{t("booking.channel")}</dt>
        <dd>{t(`findCounseling.channels.${booking.channel}`)}</dd>
      </div>
      <div>
        <dt>{t("booking.where")}</dt>
        <dd>
          <bdi>{booking.siteName}</bdi>
          {booking.channel === "in_person" && address && (
            <>
              <br />
              <bdi>{address}</bdi>
            </>
          )}
        </dd>
      </div>
      <div>
        <dt>{t("booking.language")}</dt>
        <dd>{languageName(booking.language, i18n.language)}</dd>
      </div>
      <div>
        <dt>{t("findCounseling.topic")}</dt>
        <dd>{t(`findCounseling.topics.${booking.topic}`)}</dd>
      </div>
      <div>
        <dt>{t("booking.status")}</dt>
        <dd>{t(`booking.statuses.${booking.status}`)}</dd>
      </div>
    </dl>
  );
}

/** How the appointment happens, in one sentence per channel. */
export function ChannelHint({ booking }: { booking: PublicBooking }) {
  const { t } = useTranslation();
  return <p>{t(`booking.channelHints.${booking.channel}`)}</p>;
}
