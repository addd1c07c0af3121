/**
 * The one timeline of the client page: consultations, procedures, referrals, tasks and consents,
 * newest first, each with its kind, day, a short summary and (where it has one) a link to its page.
 */
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { type TimelineEntry, useTimeline } from "../../../api/records.js";
import { QueryState } from "../../../components/feedback.js";
import { CALENDAR, formatDate } from "../../../components/format.js";

const icon = {
  width: 20,
  height: 20,
  viewBox: "0 0 24 24",
  fill: "none",
  stroke: "currentColor",
  strokeWidth: 2,
  strokeLinecap: "round",
  strokeLinejoin: "round",
  focusable: false,
} as const;

const icons: Record<TimelineEntry["type"], ReactNode> = {
  // Two speech bubbles: a conversation.
  consultation: (
    <svg aria-hidden="true" {...icon}>
      <path d="M4 5h11a2 2 0 0 1 2 2v6a2 2 0 0 1-2 2H9l-4 3v-3H4a2 2 0 0 1-2-2V7a2 2 0 0 1 2-2z" />
      <path d="M19 9h1a2 2 0 0 1 2 2v5a2 2 0 0 1-2 2h-1v3l-4-3h-3" />
    </svg>
  ),
  // A folder: "Mein Ordner".
  procedure: (
    <svg aria-hidden="true" {...icon}>
      <path d="M3 6a2 2 0 0 1 2-2h4l2 2h8a2 2 0 0 1 2 2v10a2 2 0 0 1-2 2H5a2 2 0 0 1-2-2z" />
      <path d="M9 13l2 2 4-4" />
    </svg>
  ),
  // An arrow leaving: a hand-over.
  referral: (
    <svg aria-hidden="true" {...icon}>
      <path d="M14 4h6v6" />
      <path d="M20 4l-9 9" />
      <path d="M18 14v5a1 1 0 0 1-1 1H5a1 1 0 0 1-1-1V7a1 1 0 0 1 1-1h5" />
    </svg>
  ),
  // A clock: due on a day.
  task: (
    <svg aria-hidden="true" {...icon}>
      <circle cx="12" cy="12" r="9" />
      <path d="M12 7v5l3 2" />
    </svg>
  ),
  // A shield with a tick: permission given.
  consent: (
    <svg aria-hidden="true" {...icon}>
      <path d="M12 3l8 3v6c0 4.5-3.4 8.3-8 9-4.6-.7-8-4.5-8-9V6z" />
      <path d="M9 12l2 2 4-4" />
    </svg>
  ),
};

/** A timeline day: dates as they are, date-times as their day in Berlin. */
function entryDay(at: string, lang: string): string {
  if (at.length <= 10) return formatDate(at, lang);
  const date = new Date(at);
  if (Number.isNaN(date.getTime())) return at;
  return new Intl.DateTimeFormat(lang, { timeZone: "Europe/Berlin", calendar: CALENDAR, dateStyle: "medium" }).format(date);
}

export function ClientTimeline({ clientId, highlight }: { clientId: string; highlight?: string }) {
  const { t } = useTranslation();
  const timeline = useTimeline(clientId);
  return (
    <section className="section" aria-labelledby="client-timeline">
      <h2 id="client-timeline">{t("timeline.title")}</h2>
      <QueryState query={timeline}>
        {() =>
          timeline.data!.items.length === 0 ? (
            <p className="muted">{t("timeline.empty")}</p>
          ) : (
            <ol className="timeline">
              {timeline.data!.items.map((entry) => (
                <Entry key={`${entry.type}-${entry.id}`} entry={entry} isNew={entry.id === highlight} />
              ))}
            </ol>
          )
        }
      </QueryState>
    </section>
  );
}

function Entry({ entry, isNew }: { entry: TimelineEntry; isNew: boolean }) {
  const { t, i18n } = useTranslation();
  const { title, details, badges } = describe(entry, t);
  return (
    <li className={`timeline-entry timeline-${entry.type}${isNew ? " is-new" : ""}`}>
      <span className="timeline-icon">{icons[entry.type]}</span>
      <div className="timeline-body">
        <p className="timeline-meta">
          <span className="timeline-type">{t(`timeline.types.${entry.type}`)}</span>
          <span aria-hidden="true"> · </span>
          <time dateTime={entry.at}>{entryDay(entry.at, i18n.language)}</time>
          {isNew && <span className="badge outcome-success">{t("timeline.new")}</span>}
          {badges}
        </p>
        <p className="timeline-title">{title}</p>
        {details.length > 0 && <p className="timeline-details">{details.join(" · ")}</p>}
      </div>
    </li>
  );
}

type T = (key: string, options?: Record<string, unknown>) => string;

function describe(entry: TimelineEntry, t: T): { title: ReactNode; details: string[]; badges?: ReactNode } {
  const present = (...values: (string | null | undefined | false)[]) => values.filter((v): v is string => Boolean(v));
  switch (entry.type) {
    case "consultation":
      return {
        title: <Link to={`/staff/consultations/${entry.id}`}>{t(`consultations.codes.kinds.${entry.kind}`)}</Link>,
        details: present(
          t(`consultations.codes.channels.${entry.channel}`),
          entry.durationMinutes !== null && t("timeline.minutes", { count: entry.durationMinutes }),
          entry.referenceProfessionName,
          entry.counselorName,
          entry.unitName,
        ),
      };
    case "procedure":
      return {
        title: (
          <Link to={`/staff/procedures/${entry.id}`}>{t("timeline.procedureTitle", { profession: entry.referenceProfessionName })}</Link>
        ),
        details: present(
          entry.competentAuthority,
          t(`procedures.codes.outcomes.${entry.outcome}`),
          t("timeline.documentsMissing", { count: entry.documentsMissing }),
        ),
      };
    case "referral":
      return {
        title: <Link to={`/staff/referrals/${entry.id}`}>{t("timeline.referralTitle", { target: entry.targetName })}</Link>,
        details: present(t(`timeline.referralStatuses.${entry.status}`)),
        badges: entry.overdue ? <span className="badge outcome-failure">{t("timeline.overdue")}</span> : undefined,
      };
    case "task":
      return {
        title: entry.title,
        details: present(entry.assigneeName && t("timeline.taskFor", { name: entry.assigneeName })),
        badges: (
          <span className={entry.done ? "badge outcome-success" : "badge"}>
            {t(entry.done ? "timeline.taskDone" : "timeline.taskOpen")}
          </span>
        ),
      };
    case "consent":
      return {
        title: entry.partnerName
          ? t("clients.consents.sharingWith", { partner: entry.partnerName })
          : t(`clients.codes.consentKinds.${entry.kind}`),
        details: [],
        badges: (
          <span className={entry.withdrawn ? "badge" : "badge outcome-success"}>
            {t(entry.withdrawn ? "timeline.consentWithdrawn" : "clients.consents.active")}
          </span>
        ),
      };
  }
}
