/**
 * Choosing a free appointment: the way of counseling, a day in a calendar (days without a free
 * slot cannot be chosen), and a time on that day. Used to book and to move a booking. Every time
 * is the site's wall-clock time, whatever the visitor's device says.
 */
import { type CalendarDate, parseDate } from "@internationalized/date";
import { memo, startTransition, useDeferredValue, useEffect, useMemo } from "react";
import { Button, Calendar, CalendarCell, CalendarGrid, FieldError, Heading, Label, Radio, RadioGroup, Text } from "react-aria-components";
import { useTranslation } from "react-i18next";
import type { BookingChannel } from "../../../../common/domain/appointments.js";
import { type Slot, usePublicSlots } from "../../../api/booking.js";
import { ErrorAlert, Loading } from "../../../components/feedback.js";
import { RadioGroupInput } from "../../../components/fields.js";
import { dateKeyIn, formatLongDate, formatTime } from "../../../components/format.js";
import { dateTimeFormat } from "../../../components/intl-cache.js";

export type SlotChoice = { channel: BookingChannel | null; day: string | null; slot: Slot | null };

/**
 * Memoised: the booking form renders again when its form token arrives or a field changes; the
 * calendar (the page's heaviest part) renders again only when its own props change.
 */
export const SlotPicker = memo(function SlotPicker({
  siteId,
  channels,
  timeZone,
  choice,
  onChange,
  errorMessage,
}: {
  siteId: string;
  channels: BookingChannel[];
  timeZone: string;
  choice: SlotChoice;
  onChange: (choice: SlotChoice) => void;
  errorMessage?: string | null;
}) {
  const { t, i18n } = useTranslation();
  const slots = usePublicSlots(siteId, choice.channel);
  // The calendar and the times render in the background, in slices, when the slots arrive — and
  // after the picker's own first render even when they are there already (prefetched by the
  // booking page): the form and the calendar mount in two shorter tasks instead of one long one.
  const data = useDeferredValue(slots.data, undefined);
  const byDay = useMemo(() => groupByDay(data?.items ?? [], data?.timeZone ?? timeZone), [data, timeZone]);
  const days = [...byDay.keys()];
  const zone = data?.timeZone ?? timeZone;

  // The first day with a free slot is preselected, so the times show without another step.
  const firstDay = days[0] ?? null;
  useEffect(() => {
    // Only once the shown slots are the channel's (the deferred value may still lag behind).
    if (!data || data !== slots.data) return;
    if (choice.day && byDay.has(choice.day)) return;
    // In the background (a transition, rendered in slices): the day's times are the next long render.
    if (firstDay !== choice.day || choice.slot) startTransition(() => onChange({ ...choice, day: firstDay, slot: null }));
  }, [data, slots.data, byDay, firstDay, choice, onChange]);

  const daySlots = choice.day ? (byDay.get(choice.day) ?? []) : [];

  return (
    <div className="slot-picker">
      {channels.length > 1 ? (
        <RadioGroupInput
          label={t("booking.channel")}
          value={choice.channel ?? null}
          onChange={(value) => onChange({ channel: value as BookingChannel, day: null, slot: null })}
          options={channels.map((c) => ({ id: c, label: t(`findCounseling.channels.${c}`) }))}
          orientation="horizontal"
        />
      ) : (
        <p>
          {t("booking.channel")}: <strong>{choice.channel ? t(`findCounseling.channels.${choice.channel}`) : "–"}</strong>
        </p>
      )}

      {/* Room for the calendar before the slots arrive: the form below does not jump (no layout shift). */}
      <div className="slot-picker-body">
        {slots.error ? (
          <ErrorAlert error={slots.error} />
        ) : !data && choice.channel ? (
          <Loading />
        ) : days.length === 0 ? (
          <p className="alert alert-info">{t("booking.noSlots")}</p>
        ) : (
          <div className="slot-picker-grid">
            <DayCalendar days={days} value={choice.day} onChange={(day) => onChange({ ...choice, day, slot: null })} />
            <RadioGroup
              className="field slot-times"
              value={choice.slot?.id ?? null}
              onChange={(id) => onChange({ ...choice, slot: daySlots.find((s) => s.id === id) ?? null })}
              isInvalid={Boolean(errorMessage)}
              isRequired
            >
              <Label className="slot-times-label">
                {choice.day ? t("booking.timesOn", { date: formatLongDate(choice.day, i18n.language) }) : t("booking.time")}
              </Label>
              <Text slot="description" className="muted small">
                {t("booking.timeZoneNote", { zone: zoneName(zone, i18n.language) })}
              </Text>
              <div className="slot-options">
                {daySlots.map((slot) => (
                  <Radio key={slot.id} value={slot.id} className="slot-option">
                    <bdi dir="ltr">
                      {formatTime(slot.start, i18n.language, zone)}–{formatTime(slot.end, i18n.language, zone)}
                    </bdi>
                  </Radio>
                ))}
              </div>
              <FieldError>{errorMessage ?? undefined}</FieldError>
            </RadioGroup>
          </div>
        )}
      </div>
    </div>
  );
});

/** A month calendar in which only days with a free slot can be chosen. */
function DayCalendar({ days, value, onChange }: { days: string[]; value: string | null; onChange: (day: string) => void }) {
  const { t } = useTranslation();
  const free = new Set(days);
  const first = days[0];
  const last = days[days.length - 1];
  if (!first || !last) return null;
  return (
    <Calendar
      className="calendar booking-calendar"
      aria-label={t("booking.date")}
      value={value ? parseDate(value) : null}
      onChange={(date: CalendarDate) => onChange(date.toString())}
      minValue={parseDate(first)}
      maxValue={parseDate(last)}
      isDateUnavailable={(date) => !free.has(date.toString())}
    >
      <header className="calendar-header">
        <Button slot="previous" className="button button-quiet" aria-label={t("booking.previousMonth")}>
          <span aria-hidden="true" className="flip-rtl">
            ◀
          </span>
        </Button>
        <Heading className="calendar-heading" />
        <Button slot="next" className="button button-quiet" aria-label={t("booking.nextMonth")}>
          <span aria-hidden="true" className="flip-rtl">
            ▶
          </span>
        </Button>
      </header>
      <CalendarGrid>{(date) => <CalendarCell date={date} className="calendar-cell" />}</CalendarGrid>
      <p className="muted small calendar-note">{t("booking.calendarNote")}</p>
    </Calendar>
  );
}

function groupByDay(slots: Slot[], timeZone: string): Map<string, Slot[]> {
  const days = new Map<string, Slot[]>();
  for (const slot of slots) {
    const day = dateKeyIn(slot.start, timeZone);
    const list = days.get(day);
    if (list) list.push(slot);
    else days.set(day, [slot]);
  }
  return days;
}

/** "Mitteleuropäische Zeit" or the zone's id when the browser has no name for it. */
function zoneName(timeZone: string, locale: string): string {
  const part = dateTimeFormat(locale, { timeZone, timeZoneName: "longGeneric" })
    .formatToParts(new Date())
    .find((p) => p.type === "timeZoneName");
  return part?.value ?? timeZone;
}
