/**
 * One booking in the calendar: time, channel, the person (isolated: names come in any script),
 * language, topic, status; and what staff may do with it now — before its start cancel (after
 * a confirmation; the person gets a mail), from its start mark it attended or not attended.
 * Long after the appointment the retention job erases name and contact: the card says so.
 */
import { useEffect, useId, useRef } from "react";
import { Button } from "react-aria-components";
import { useTranslation } from "react-i18next";
import { type BookingStatus, type StaffBooking, useReloadCalendar, useSetBookingStatus } from "../../../api/appointments.js";
import { DialogActions, ModalDialog } from "../../../components/dialog.js";
import { languageName } from "../../../components/names.js";
import { PendingButton } from "../../../components/PendingButton.js";
import { ChangeError } from "../casework/parts.js";
import { isolate } from "./parts.js";
import { dayIn, formatDay, formatTime } from "./zoned-time.js";

const statusTone: Record<BookingStatus, string> = {
  booked: "",
  attended: "outcome-success",
  no_show: "outcome-denied",
  cancelled: "outcome-failure",
};

export function BookingCard({
  booking,
  timeZone,
  now,
  showCounselor,
  onChanged,
  level,
}: {
  /** h3 under the day of a day view, h4 under the day's heading in a week. */
  level: 3 | 4;
  booking: StaffBooking;
  timeZone: string;
  now: Date;
  showCounselor: boolean;
  onChanged: (message: string) => void;
}) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const headingId = useId();
  const change = useSetBookingStatus();
  const reloadCalendar = useReloadCalendar();
  // The booking changed meanwhile (cancelled by the person, marked by a colleague): show the current state.
  const reload = (close?: () => void) => {
    close?.();
    change.reset();
    void reloadCalendar().then(() => document.getElementById(headingId)?.focus());
  };
  const start = formatTime(booking.start, timeZone, lang);
  const end = formatTime(booking.end, timeZone, lang);
  const begun = new Date(booking.start) <= now;
  const cancelled = booking.status === "cancelled";
  const Heading = level === 3 ? "h3" : "h4";
  const who = booking.name ?? t("appointments.calendar.contactErased");

  // The pressed button is gone once the status changed: the focus then goes to the appointment.
  // An effect on the status (not the mutation's callback), so it runs after the calendar shows the
  // new state and after the confirmation dialog has handed its focus back to the vanished button.
  const focusOnChange = useRef(false);
  useEffect(() => {
    if (!focusOnChange.current || booking.status === "booked") return;
    focusOnChange.current = false;
    const timer = setTimeout(() => document.getElementById(headingId)?.focus(), 50);
    return () => clearTimeout(timer);
  }, [booking.status, headingId]);

  const setStatus = (status: Exclude<BookingStatus, "booked">, close?: () => void) => {
    focusOnChange.current = true;
    change.mutate(
      { id: booking.id, status },
      {
        onError: () => {
          focusOnChange.current = false;
        },
        onSuccess: () => {
          close?.();
          onChanged(
            t("appointments.calendar.statusDone", {
              time: start,
              name: isolate(who),
              status: t(`appointments.statuses.${status}`),
            }),
          );
        },
      },
    );
  };

  return (
    <article className={`booking-card${cancelled ? " is-cancelled" : ""}`} aria-labelledby={headingId}>
      <Heading id={headingId} tabIndex={-1} className="booking-heading">
        <span className="booking-time">{t("appointments.calendar.time", { start, end })}</span>{" "}
        {booking.name === null ? <span className="muted">{who}</span> : <bdi>{booking.name}</bdi>}
      </Heading>
      <dl className="booking-facts">
        <div>
          <dt>{t("appointments.calendar.fields.channel")}</dt>
          <dd>{t(`channels.${booking.channel}`)}</dd>
        </div>
        <div>
          <dt>{t("appointments.calendar.fields.language")}</dt>
          <dd>{languageName(booking.language, lang)}</dd>
        </div>
        <div>
          <dt>{t("appointments.calendar.fields.topic")}</dt>
          <dd>{t(`findCounseling.topics.${booking.topic}`)}</dd>
        </div>
        {showCounselor && (
          <div>
            <dt>{t("appointments.calendar.fields.counselor")}</dt>
            <dd>
              <bdi>{booking.counselorName}</bdi>
            </dd>
          </div>
        )}
        <div>
          <dt>{t("appointments.calendar.fields.status")}</dt>
          <dd>
            <span className={`badge ${statusTone[booking.status]}`}>{t(`appointments.statuses.${booking.status}`)}</span>
          </dd>
        </div>
        {booking.phone && (
          <div>
            <dt>{t("appointments.calendar.fields.phone")}</dt>
            <dd>
              <a href={`tel:${booking.phone}`} dir="ltr">
                {booking.phone}
              </a>
            </dd>
          </div>
        )}
        {booking.email && (
          <div>
            <dt>{t("appointments.calendar.fields.email")}</dt>
            <dd className="break-anywhere">
              <a href={`mailto:${booking.email}`}>{booking.email}</a>
            </dd>
          </div>
        )}
        {booking.message && (
          <div className="booking-message">
            <dt>{t("appointments.calendar.fields.message")}</dt>
            <dd>
              <bdi>{booking.message}</bdi>
            </dd>
          </div>
        )}
      </dl>
      {/* A failed cancellation is shown in its dialog. */}
      {change.variables?.status !== "cancelled" && (
        <ChangeError error={change.error} onReload={() => reload()} conflictText={t("appointments.calendar.conflict")} />
      )}
      {!cancelled && (
        <div className="booking-actions">
          {begun ? (
            (["attended", "no_show"] as const)
              .filter((status) => status !== booking.status)
              .map((status) => (
                <PendingButton
                  key={status}
                  className="button button-secondary button-small"
                  aria-describedby={headingId}
                  isPending={change.isPending && change.variables?.status === status}
                  onPress={() => setStatus(status)}
                >
                  {t(`appointments.calendar.mark.${status}`)}
                </PendingButton>
              ))
          ) : (
            <ModalDialog
              title={t("appointments.calendar.cancelTitle")}
              trigger={
                <Button className="button button-quiet button-small" aria-describedby={headingId}>
                  {t("appointments.calendar.cancel")}
                </Button>
              }
            >
              {(close) => (
                <>
                  <p>
                    {t("appointments.calendar.cancelConfirm", {
                      date: formatDay(dayIn(new Date(booking.start), timeZone), lang),
                      time: start,
                      name: isolate(who),
                    })}
                  </p>
                  <ChangeError error={change.error} onReload={() => reload(close)} conflictText={t("appointments.calendar.conflict")} />
                  <DialogActions
                    submitLabel={t("appointments.calendar.cancelSubmit")}
                    tone="danger"
                    isPending={change.isPending}
                    onCancel={close}
                    onSubmit={() => setStatus("cancelled", close)}
                  />
                </>
              )}
            </ModalDialog>
          )}
        </div>
      )}
    </article>
  );
}
