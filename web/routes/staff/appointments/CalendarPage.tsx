/**
 * /staff/appointments — Terminkalender: the bookings of a site, of everyone or one counselor, a
 * day or a week at a time. Times are the site's wall clock (the API names its zone). The days are
 * a list with a heading each (a week shows them side by side on wide screens, one below the
 * other on phones), so a screen reader reads it as it reads any page. Each read is audited.
 */
import { useEffect, useState } from "react";
import { Button } from "react-aria-components";
import { useTranslation } from "react-i18next";
import { Link, useSearchParams } from "react-router";
import { type CalendarWindow, type StaffBooking, useCalendar } from "../../../api/appointments.js";
import { useSession } from "../../../api/hooks.js";
import { QueryState } from "../../../components/feedback.js";
import { RadioGroupInput } from "../../../components/fields.js";
import { SelectInput } from "../../../components/select-field.js";
import { CaseworkOnly } from "../casework/parts.js";
import { BookingCard } from "./BookingCard.js";
import { SitePicker, useCounselingSites, useSiteParam } from "./parts.js";
import { addDays, type Day, dayIn, formatDay, formatDayRange, isDay, mondayOf, zonedInstant } from "./zoned-time.js";

type View = "day" | "week";
const ALL = "all";

export function CalendarPage() {
  const { t } = useTranslation();
  return (
    <CaseworkOnly title={t("appointments.calendar.title")}>
      <Calendar />
    </CaseworkOnly>
  );
}

/** The current minute, so that the actions of an appointment change when it begins. */
function useNow(): Date {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const timer = setInterval(() => setNow(new Date()), 30_000);
    return () => clearInterval(timer);
  }, []);
  return now;
}

function Calendar() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const user = useSession().data!.user;
  const { query: sitesQuery, sites } = useCounselingSites();
  const [siteId, setSite] = useSiteParam(sites);
  const [params, setParams] = useSearchParams();
  const now = useNow();
  const [message, setMessage] = useState("");

  const view: View = params.get("view") === "day" ? "day" : "week";
  const counselor = params.get("counselor") ?? ALL;
  // The zone is known once the calendar answered; until then Berlin's day stands in (every demo site).
  const [timeZone, setTimeZone] = useState("Europe/Berlin");
  const today = dayIn(now, timeZone);
  const anchor = isDay(params.get("day")) ? params.get("day")! : today;
  const first = view === "week" ? mondayOf(anchor) : anchor;
  const days = Array.from({ length: view === "week" ? 7 : 1 }, (_, i) => addDays(first, i));
  const last = days[days.length - 1]!;

  const window: CalendarWindow | null = siteId
    ? {
        siteId,
        counselorId: counselor === ALL ? undefined : counselor,
        from: zonedInstant(first, timeZone).toISOString(),
        to: zonedInstant(addDays(last, 1), timeZone).toISOString(),
      }
    : null;
  const calendar = useCalendar(window);
  const data = calendar.data;
  useEffect(() => {
    if (data && data.timeZone !== timeZone) setTimeZone(data.timeZone);
  }, [data, timeZone]);

  const setParam = (changes: Record<string, string | null>) =>
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        for (const [key, value] of Object.entries(changes)) {
          if (value === null) next.delete(key);
          else next.set(key, value);
        }
        return next;
      },
      { replace: true },
    );

  const period = view === "week" ? t("appointments.calendar.weekOf", { range: formatDayRange(first, last, lang) }) : formatDay(first, lang);
  const step = view === "week" ? 7 : 1;
  const items = data?.items ?? [];
  const byDay = new Map<Day, StaffBooking[]>(days.map((d) => [d, []]));
  for (const booking of items) byDay.get(dayIn(new Date(booking.start), data!.timeZone))?.push(booking);
  const cardProps = { timeZone: data?.timeZone ?? timeZone, now, showCounselor: counselor === ALL, onChanged: setMessage };

  // What the period holds, said once the bookings are in (also after prev / next / today).
  const summary =
    data && !calendar.isPlaceholderData
      ? t("appointments.calendar.summary", { period, count: items.filter((b) => b.status !== "cancelled").length })
      : "";

  return (
    <>
      <h1>{t("appointments.calendar.title")}</h1>
      <p className="muted">{t("appointments.calendar.intro")}</p>
      <div className="filters calendar-filters">
        <SitePicker
          sites={sites}
          query={sitesQuery}
          siteId={siteId}
          onChange={(id) => {
            setSite(id);
            setParam({ site: id, counselor: null });
          }}
        />
        {data && (
          <SelectInput
            label={t("appointments.calendar.counselor")}
            options={[
              { id: ALL, label: t("appointments.calendar.allCounselors") },
              ...data.counselors.map((c) => ({
                id: c.id,
                label: c.id === user.id ? t("appointments.calendar.me", { name: c.displayName }) : c.displayName,
              })),
            ]}
            selectedKey={counselor}
            onSelectionChange={(key) => key && setParam({ counselor: key === ALL ? null : String(key) })}
          />
        )}
        <RadioGroupInput
          label={t("appointments.calendar.view")}
          orientation="horizontal"
          options={(["day", "week"] as const).map((v) => ({ id: v, label: t(`appointments.calendar.views.${v}`) }))}
          value={view}
          onChange={(v) => setParam({ view: v === "day" ? "day" : null })}
        />
      </div>
      {siteId && (
        <>
          <div className="calendar-bar">
            <h2 id="calendar-period" className="calendar-period">
              {period}
            </h2>
            <nav className="calendar-nav" aria-label={t("appointments.calendar.period")}>
              <Button className="button button-secondary button-small" onPress={() => setParam({ day: addDays(first, -step) })}>
                <span aria-hidden="true" className="flip-rtl">
                  ◀
                </span>{" "}
                {t(`appointments.calendar.previous.${view}`)}
              </Button>
              <Button className="button button-secondary button-small" onPress={() => setParam({ day: null })}>
                {t("appointments.calendar.today")}
              </Button>
              <Button className="button button-secondary button-small" onPress={() => setParam({ day: addDays(first, step) })}>
                {t(`appointments.calendar.next.${view}`)}{" "}
                <span aria-hidden="true" className="flip-rtl">
                  ▶
                </span>
              </Button>
            </nav>
          </div>
          <p className="small muted">
            {t("appointments.timeZone", { timeZone })}{" "}
            <Link to={`/staff/availability?site=${siteId}`}>{t("appointments.calendar.availabilityLink")}</Link>
          </p>
          <div role="status" className="visually-hidden">
            {summary}
          </div>
          <div role="status">
            {message && (
              <div className="alert alert-success">
                <p>{message}</p>
              </div>
            )}
          </div>
          <QueryState query={calendar}>
            {() =>
              view === "day" ? (
                <BookingList bookings={byDay.get(first)!} labelledBy="calendar-period" level={3} {...cardProps} />
              ) : (
                <ol className="calendar-week" aria-labelledby="calendar-period">
                  {days.map((day) => (
                    <li key={day} className={`calendar-day${day === today ? " is-today" : ""}`}>
                      <h3 className="calendar-day-heading" id={`day-${day}`}>
                        {formatDay(day, lang, "withoutYear")}
                        {day === today && <span className="badge">{t("appointments.calendar.todayBadge")}</span>}
                      </h3>
                      <BookingList bookings={byDay.get(day)!} labelledBy={`day-${day}`} level={4} {...cardProps} />
                    </li>
                  ))}
                </ol>
              )
            }
          </QueryState>
        </>
      )}
    </>
  );
}

function BookingList({
  bookings,
  labelledBy,
  ...card
}: { bookings: StaffBooking[]; labelledBy: string } & Omit<Parameters<typeof BookingCard>[0], "booking">) {
  const { t } = useTranslation();
  if (bookings.length === 0) return <p className="calendar-empty">{t("appointments.calendar.noBookings")}</p>;
  return (
    <ul className="booking-list" aria-labelledby={labelledBy}>
      {bookings.map((booking) => (
        <li key={booking.id}>
          <BookingCard booking={booking} {...card} />
        </li>
      ))}
    </ul>
  );
}
