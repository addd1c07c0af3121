/**
 * Times without bookings: holidays and closures of the whole site (the lead's), absences of one
 * counselor (their own or the lead's). Entered as days in the site's time zone, optionally with
 * a time of day; sent as instants.
 */
import type { CalendarDate, Time } from "@internationalized/date";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { availabilityExceptionKinds } from "../../../../common/domain/appointments.js";
import {
  type AvailabilityException,
  type AvailabilityExceptionKind,
  type SiteBookingSetup,
  useAddException,
  useRemoveException,
} from "../../../api/appointments.js";
import { useSession } from "../../../api/hooks.js";
import { DateInputField, TimeInputField } from "../../../components/date-fields.js";
import { ErrorAlert } from "../../../components/feedback.js";
import { TextInput } from "../../../components/fields.js";
import { CALENDAR } from "../../../components/format.js";
import { PendingButton } from "../../../components/PendingButton.js";
import { QuickForm } from "../../../components/QuickForm.js";
import { SelectInput } from "../../../components/select-field.js";
import { isolate, RemoveEntryDialog, useFocusAfterRemoval, useServerFieldErrors } from "./parts.js";
import { addDays, dayIn, formatTime, zonedInstant } from "./zoned-time.js";

/** "24.12.2026", "24.12.–26.12.2026" for whole days; with times otherwise. In the site's zone. */
function formatPeriod(start: string, end: string, timeZone: string, locale: string): string {
  const from = new Date(start);
  const until = new Date(end);
  const wholeDays = formatTime(start, timeZone, "en-GB") === "00:00" && formatTime(end, timeZone, "en-GB") === "00:00";
  if (wholeDays) {
    const lastDay = addDays(dayIn(until, timeZone), -1);
    const noon = (day: string) => new Date(`${day}T12:00:00Z`);
    return new Intl.DateTimeFormat(locale, { timeZone: "UTC", calendar: CALENDAR, dateStyle: "medium" }).formatRange(
      noon(dayIn(from, timeZone)),
      noon(lastDay),
    );
  }
  return new Intl.DateTimeFormat(locale, { timeZone, calendar: CALENDAR, dateStyle: "medium", timeStyle: "short" }).formatRange(
    from,
    until,
  );
}

export function ExceptionsSection({ setup }: { setup: SiteBookingSetup }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const userId = useSession().data!.user.id;
  const [message, setMessage] = useState("");
  const onGone = useFocusAfterRemoval(
    "exceptions",
    setup.exceptions.map((e) => e.id),
  );
  const canManage = (e: AvailabilityException) =>
    setup.abilities.manageAll || (setup.abilities.manageOwn && e.counselorId !== null && e.counselorId === userId);
  const exceptions = [...setup.exceptions].sort((a, b) => a.start.localeCompare(b.start));
  const canAdd = setup.abilities.manageAll || setup.abilities.manageOwn;

  return (
    <section className="panel section" aria-labelledby="exceptions">
      <h2 id="exceptions" tabIndex={-1}>
        {t("appointments.exceptions.title")}
      </h2>
      <p className="muted">{t("appointments.exceptions.intro")}</p>
      {exceptions.length === 0 ? (
        <p className="empty">{t("appointments.exceptions.empty")}</p>
      ) : (
        <table className="simple-table stack-table">
          <caption className="visually-hidden">{t("appointments.exceptions.caption", { site: setup.siteName })}</caption>
          <thead>
            <tr>
              <th scope="col">{t("appointments.exceptions.period")}</th>
              <th scope="col">{t("appointments.exceptions.kind")}</th>
              <th scope="col">{t("appointments.exceptions.counselor")}</th>
              <th scope="col">{t("appointments.exceptions.note")}</th>
              <th scope="col">
                <span className="visually-hidden">{t("common.actions")}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {exceptions.map((e) => {
              const period = formatPeriod(e.start, e.end, setup.timeZone, lang);
              return (
                <tr key={e.id}>
                  <th scope="row" data-label={t("appointments.exceptions.period")}>
                    {period}
                  </th>
                  <td data-label={t("appointments.exceptions.kind")}>{t(`appointments.exceptionKinds.${e.kind}`)}</td>
                  <td data-label={t("appointments.exceptions.counselor")}>
                    {e.counselorName ? <bdi>{e.counselorName}</bdi> : t("appointments.exceptions.wholeSite")}
                  </td>
                  <td data-label={t("appointments.exceptions.note")}>{e.note ? <bdi>{e.note}</bdi> : "–"}</td>
                  <td className="cell-actions">
                    {canManage(e) && <RemoveException setup={setup} exception={e} period={period} onRemoved={setMessage} onGone={onGone} />}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      <div role="status">
        {message && (
          <div className="alert alert-success">
            <p>{message}</p>
          </div>
        )}
      </div>
      {canAdd && <AddExceptionForm setup={setup} userId={userId} onAdded={setMessage} />}
    </section>
  );
}

function RemoveException({
  setup,
  exception,
  period,
  onRemoved,
  onGone,
}: {
  setup: SiteBookingSetup;
  exception: AvailabilityException;
  period: string;
  onRemoved: (m: string) => void;
  onGone: (id: string) => void;
}) {
  const { t } = useTranslation();
  const remove = useRemoveException(setup.siteId);
  const what = { kind: t(`appointments.exceptionKinds.${exception.kind}`), period };
  return (
    <RemoveEntryDialog
      texts="appointments.exceptions"
      what={what}
      id={exception.id}
      remove={remove}
      onRemoved={onRemoved}
      onGone={onGone}
    />
  );
}

function AddExceptionForm({ setup, userId, onAdded }: { setup: SiteBookingSetup; userId: string; onAdded: (m: string) => void }) {
  const { t, i18n } = useTranslation();
  const add = useAddException(setup.siteId);
  const { fieldError, changed } = useServerFieldErrors(add.error);
  const ownOnly = !setup.abilities.manageAll;
  // Holidays and closures concern the whole site: the lead's; a counselor enters their own absence.
  const kinds = ownOnly ? (["absence"] as const) : availabilityExceptionKinds;
  const [kind, setKind] = useState<AvailabilityExceptionKind>(ownOnly ? "absence" : "holiday");
  const [counselorId, setCounselorId] = useState<string | null>(ownOnly ? userId : null);
  const [fromDay, setFromDay] = useState<CalendarDate | null>(null);
  const [fromTime, setFromTime] = useState<Time | null>(null);
  const [untilDay, setUntilDay] = useState<CalendarDate | null>(null);
  const [untilTime, setUntilTime] = useState<Time | null>(null);
  const [note, setNote] = useState("");
  const tz = setup.timeZone;
  const hhmm = (time: Time | null) => (time ? time.toString().slice(0, 5) : undefined);
  const counselorName = (id: string | null) => setup.counselors.find((c) => c.id === id)?.displayName ?? "";

  return (
    <div className="subsection">
      <h3 id="add-exception">{t("appointments.exceptions.addTitle")}</h3>
      {ownOnly && <p className="muted">{t("appointments.exceptions.onlyAbsence", { name: isolate(counselorName(userId)) })}</p>}
      <ErrorAlert error={add.error} />
      <QuickForm
        className="form"
        aria-labelledby="add-exception"
        onSubmit={(e) => {
          e.preventDefault();
          onAdded("");
          if (!fromDay) return;
          const first = fromDay.toString();
          const last = (untilDay ?? fromDay).toString();
          const start = zonedInstant(first, tz, hhmm(fromTime));
          // Without a time the last day counts whole: up to the next midnight.
          const end = untilTime ? zonedInstant(last, tz, hhmm(untilTime)) : zonedInstant(addDays(last, 1), tz);
          add.mutate(
            {
              kind,
              counselorId: kind === "absence" ? counselorId : null,
              start: start.toISOString(),
              end: end.toISOString(),
              note: note.trim() || null,
            },
            {
              onSuccess: () => {
                onAdded(
                  t("appointments.exceptions.added", {
                    kind: t(`appointments.exceptionKinds.${kind}`),
                    period: formatPeriod(start.toISOString(), end.toISOString(), tz, i18n.language),
                  }),
                );
                setFromDay(null);
                setFromTime(null);
                setUntilDay(null);
                setUntilTime(null);
                setNote("");
              },
            },
          );
        }}
      >
        <div className="field-grid">
          <SelectInput
            label={t("appointments.exceptions.kind")}
            options={kinds.map((k) => ({ id: k, label: t(`appointments.exceptionKinds.${k}`) }))}
            selectedKey={kind}
            onSelectionChange={(key) => {
              if (key) setKind(key as AvailabilityExceptionKind);
              changed("kind", "counselorId");
            }}
            isRequired
            errorMessage={fieldError("kind")}
          />
          {kind === "absence" && !ownOnly && (
            <SelectInput
              label={t("appointments.exceptions.counselor")}
              options={setup.counselors.map((c) => ({ id: c.id, label: c.displayName }))}
              selectedKey={counselorId}
              onSelectionChange={(key) => {
                setCounselorId(key ? String(key) : null);
                changed("counselorId");
              }}
              isRequired
              errorMessage={fieldError("counselorId")}
            />
          )}
        </div>
        <div className="field-grid">
          <DateInputField
            label={t("appointments.exceptions.fromDay")}
            value={fromDay}
            onChange={(v) => {
              setFromDay(v);
              changed("start", "end");
            }}
            isRequired
            errorMessage={fieldError("start")}
          />
          <TimeInputField
            label={t("appointments.exceptions.fromTime")}
            description={t("appointments.exceptions.fromTimeHint")}
            value={fromTime}
            onChange={(v) => {
              setFromTime(v);
              changed("start", "end");
            }}
            hourCycle={24}
          />
          <DateInputField
            label={t("appointments.exceptions.untilDay")}
            description={t("appointments.exceptions.untilDayHint")}
            value={untilDay}
            onChange={(v) => {
              setUntilDay(v);
              changed("start", "end");
            }}
            errorMessage={fieldError("end")}
          />
          <TimeInputField
            label={t("appointments.exceptions.untilTime")}
            description={t("appointments.exceptions.untilTimeHint")}
            value={untilTime}
            onChange={(v) => {
              setUntilTime(v);
              changed("start", "end");
            }}
            hourCycle={24}
          />
        </div>
        <TextInput
          label={t("appointments.exceptions.note")}
          value={note}
          onChange={(v) => {
            setNote(v);
            changed("note");
          }}
          maxLength={300}
          errorMessage={fieldError("note")}
        />
        <div className="form-actions">
          <PendingButton type="submit" className="button button-primary" isPending={add.isPending}>
            {t("appointments.exceptions.submit")}
          </PendingButton>
        </div>
      </QuickForm>
    </div>
  );
}
