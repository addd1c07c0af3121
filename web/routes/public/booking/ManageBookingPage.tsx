/**
 * A booking seen through the signed link of its mails (/termin/:id?token=…): the details, the
 * calendar file, moving it to another free time of the same site, or cancelling it. The page
 * opens in the language of the mails (the link carries ?lang=). Long after the appointment its
 * details are deleted (retention job): the link then says so.
 */
import { useCallback, useEffect, useRef, useState } from "react";
import { Button } from "react-aria-components";
import { useTranslation } from "react-i18next";
import { Link, useParams, useSearchParams } from "react-router";
import { bookingIcsUrl, type PublicBooking, useChangeBooking, usePublicBooking } from "../../../api/booking.js";
import { ApiError } from "../../../api/client.js";
import { DialogActions, ModalDialog } from "../../../components/dialog.js";
import { ErrorAlert, Loading, Notice } from "../../../components/feedback.js";
import { PendingButton } from "../../../components/PendingButton.js";
import { usePageTitle } from "../../../components/page.js";
import { BookingSummary, ChannelHint } from "./BookingSummary.js";
import { type SlotChoice, SlotPicker } from "./SlotPicker.js";

export function ManageBookingPage() {
  const { t } = useTranslation();
  const { id = "" } = useParams();
  const token = useSearchParams()[0].get("token") ?? "";
  const booking = usePublicBooking(id, token);
  usePageTitle(t("booking.manageTitle"));
  return (
    <div className="container section booking-page">
      <h1>{t("booking.manageTitle")}</h1>
      {!token ? (
        <p className="alert alert-warning">{t("booking.linkInvalid")}</p>
      ) : booking.isPending ? (
        <Loading />
      ) : booking.error ? (
        booking.error instanceof ApiError && booking.error.code === "booking_erased" ? (
          <p className="alert alert-info">{t("booking.erased")}</p>
        ) : booking.error instanceof ApiError && [403, 404, 410].includes(booking.error.status) ? (
          <p className="alert alert-warning">{t("booking.linkInvalid")}</p>
        ) : (
          <ErrorAlert error={booking.error} />
        )
      ) : (
        <ManageBooking booking={booking.data} token={token} />
      )}
      <p>
        <Link to="/beratung-finden">{t("booking.findOther")}</Link>
      </p>
    </div>
  );
}

function ManageBooking({ booking, token }: { booking: PublicBooking; token: string }) {
  const { t } = useTranslation();
  const change = useChangeBooking(booking.id, token);
  const [news, setNews] = useState<"moved" | "cancelled" | null>(null);
  const [moving, setMoving] = useState(false);
  return (
    <>
      <div role="status">
        {news && (
          <Notice tone="success" live={false}>
            <p>{t(news === "moved" ? "booking.movedNews" : "booking.cancelledNews")}</p>
          </Notice>
        )}
      </div>
      <section aria-labelledby="booking-details" className="panel">
        <h2 id="booking-details">{t("booking.details")}</h2>
        <BookingSummary booking={booking} />
        {booking.status === "booked" && <ChannelHint booking={booking} />}
        {booking.status !== "cancelled" && (
          <p>
            <a href={bookingIcsUrl(booking.id, token)} download="termin.ics">
              {t("booking.addToCalendar")}
            </a>
          </p>
        )}
        {booking.status === "booked" && !booking.changeable && <p>{t("booking.notChangeable")}</p>}
        {booking.changeable && !moving && (
          <div className="form-actions">
            <Button className="button button-secondary" onPress={() => setMoving(true)}>
              {t("booking.move")}
            </Button>
            <CancelBooking
              isPending={change.cancel.isPending}
              error={change.cancel.error}
              onConfirm={(close) =>
                change.cancel.mutate(undefined, {
                  onSuccess: () => {
                    close();
                    setNews("cancelled");
                  },
                })
              }
            />
          </div>
        )}
      </section>
      {moving && booking.changeable && (
        <MoveBooking
          booking={booking}
          isPending={change.reschedule.isPending}
          error={change.reschedule.error}
          onCancel={() => setMoving(false)}
          onMove={(slotId) =>
            change.reschedule.mutate(slotId, {
              onSuccess: () => {
                setMoving(false);
                setNews("moved");
              },
            })
          }
        />
      )}
    </>
  );
}

function CancelBooking({ isPending, error, onConfirm }: { isPending: boolean; error: unknown; onConfirm: (close: () => void) => void }) {
  const { t } = useTranslation();
  return (
    <ModalDialog trigger={<Button className="button button-danger">{t("booking.cancel")}</Button>} title={t("booking.cancelTitle")}>
      {(close) => (
        <>
          <p>{t("booking.cancelQuestion")}</p>
          <ErrorAlert error={error} />
          <DialogActions
            submitLabel={t("booking.cancelConfirm")}
            tone="danger"
            isPending={isPending}
            onCancel={close}
            onSubmit={() => onConfirm(close)}
          />
        </>
      )}
    </ModalDialog>
  );
}

function MoveBooking({
  booking,
  isPending,
  error,
  onCancel,
  onMove,
}: {
  booking: PublicBooking;
  isPending: boolean;
  error: unknown;
  onCancel: () => void;
  onMove: (slotId: string) => void;
}) {
  const { t } = useTranslation();
  const [choice, setChoice] = useState<SlotChoice>({ channel: booking.channel, day: null, slot: null });
  const [missing, setMissing] = useState(false);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const onChoice = useCallback((next: SlotChoice) => {
    setChoice(next);
    if (next.slot) setMissing(false);
  }, []);
  const taken = error instanceof ApiError && error.code === "slot_taken";
  // The picker opened below the details: take keyboard and screen-reader users there.
  useEffect(() => headingRef.current?.focus(), []);
  return (
    <section aria-labelledby="booking-move" className="panel">
      <h2 id="booking-move" ref={headingRef} tabIndex={-1}>
        {t("booking.moveTitle")}
      </h2>
      <form
        className="form"
        onSubmit={(event) => {
          event.preventDefault();
          if (!choice.slot) setMissing(true);
          else onMove(choice.slot.id);
        }}
      >
        {taken ? (
          <p role="alert" className="alert alert-warning">
            {t("booking.slotTaken")}
          </p>
        ) : (
          <ErrorAlert error={error} />
        )}
        <SlotPicker
          siteId={booking.siteId}
          channels={[booking.channel]}
          timeZone={booking.timeZone}
          choice={choice}
          onChange={onChoice}
          errorMessage={missing ? t("booking.errors.slotMissing") : null}
        />
        <div className="form-actions">
          <PendingButton type="submit" className="button button-primary" isPending={isPending}>
            {t("booking.moveConfirm")}
          </PendingButton>
          <Button className="button button-quiet" onPress={onCancel}>
            {t("common.cancel")}
          </Button>
        </div>
      </form>
    </section>
  );
}
