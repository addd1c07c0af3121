import type { Executor } from "../../db/index.js";
import type { AppContext } from "../../platform/context.js";
import { enqueueJob, type JobRunner } from "../../platform/jobs.js";
import { enqueueMail, type MailMessage } from "../../platform/mail.js";
import { recordAuditEvent } from "../audit/service.js";
import { findUserById } from "../identity/repository.js";
import { listActiveGrantsOf, searchUsers } from "../identity/user-repository.js";
import * as repo from "./repository.js";

/**
 * The overdue notice: one job per referral, queued when it is sent and due when its answer day
 * has passed (start of the next Berlin day). The job mails the recipient unit's counselors and
 * the sender once, if the referral is still unanswered then. Exactly once by construction: the
 * job and each mail carry a unique key per referral, and the runner claims jobs with SKIP LOCKED,
 * so two app nodes never both send it.
 */
export const OVERDUE_NOTICE_JOB = "referrals.overdue_notice";

const berlinParts = new Intl.DateTimeFormat("en-CA", {
  timeZone: "Europe/Berlin",
  hourCycle: "h23",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
  second: "2-digit",
});

/** Berlin's offset from UTC at an instant, in milliseconds (+1 h in winter, +2 h in summer). */
function berlinOffsetMs(instant: Date): number {
  const part = (type: string) => Number(berlinParts.formatToParts(instant).find((p) => p.type === type)!.value);
  const wallClock = Date.UTC(part("year"), part("month") - 1, part("day"), part("hour"), part("minute"), part("second"));
  return wallClock - Math.floor(instant.getTime() / 1000) * 1000;
}

/** The instant a Berlin calendar day begins. DST switches at 01:00 UTC, so midnight UTC has the day's starting offset. */
export function berlinDayStart(day: string): Date {
  const [y, m, d] = day.split("-").map(Number) as [number, number, number];
  const utcMidnight = Date.UTC(y, m - 1, d);
  return new Date(utcMidnight - berlinOffsetMs(new Date(utcMidnight)));
}

const dayAfter = (day: string) => {
  const [y, m, d] = day.split("-").map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + 1)).toISOString().slice(0, 10);
};

/** Queues the notice in the transaction that sends the referral. */
export async function scheduleOverdueNotice(tx: Executor, referralId: string, answerDueOn: string): Promise<void> {
  await enqueueJob(tx, {
    kind: OVERDUE_NOTICE_JOB,
    payload: { referralId },
    runAt: berlinDayStart(dayAfter(answerDueOn)),
    uniqueKey: `referral-overdue:${referralId}`,
  });
}

type Recipient = { id: string; email: string; displayName: string; preferredLanguage: string };

/**
 * Staff to notify: the sender, and the counselors of the recipient unit. The identity module has
 * no service function for "counselors of a unit" yet, so this reads through its repositories
 * (read-only); move it behind an identity service function when there is one.
 */
async function noticeRecipients(exec: Executor, fromUserId: string, toUnitId: string | null): Promise<Recipient[]> {
  const found: Recipient[] = [];
  const sender = await findUserById(exec, fromUserId);
  if (sender && !sender.disabledAt) found.push(sender);
  if (toUnitId) {
    const members = (await searchUsers(exec, { unitIds: [toUnitId], limit: 200 })).filter((u) => !u.disabledAt);
    const counselors = new Set(
      (
        await listActiveGrantsOf(
          exec,
          members.map((u) => u.id),
        )
      )
        .filter((g) => g.role === "counselor" && g.unitId === toUnitId)
        .map((g) => g.userId),
    );
    for (const user of members) if (counselors.has(user.id) && user.id !== sender?.id) found.push(user);
  }
  return found;
}

/** No personal data of the client in a mail: only that a referral waits, and a link. */
function overdueMail(to: Recipient, link: string, dueOn: string): MailMessage {
  const [y, m, d] = dueOn.split("-");
  if (to.preferredLanguage === "en") {
    return {
      to: to.email,
      subject: "Lotse: referral overdue",
      text: [`Hello ${to.displayName},`, "", `a referral has had no answer since ${dueOn}. Please look at it in Lotse:`, "", link].join(
        "\n",
      ),
    };
  }
  return {
    to: to.email,
    subject: "Lotse: Verweis überfällig",
    text: [
      `Guten Tag ${to.displayName},`,
      "",
      `ein Verweis ist seit dem ${d}.${m}.${y} unbeantwortet. Bitte sehen Sie ihn sich in Lotse an:`,
      "",
      link,
    ].join("\n"),
  };
}

/** The job: mails once if the referral is still unanswered (it was answered or withdrawn otherwise). */
export async function sendOverdueNotice(ctx: AppContext, referralId: string): Promise<void> {
  await ctx.database.db.transaction(async (tx) => {
    // Locked: an answer arriving now either commits first (no mail) or waits for the notice.
    const row = (await repo.findReferral(tx, referralId, { forUpdate: true }))?.row;
    if (!row?.answerDueOn || row.status !== "sent") return;
    const dueOn = row.answerDueOn;
    const recipients = await noticeRecipients(tx, row.fromUserId, row.toUnitId);
    const link = `${ctx.config.publicUrl}/staff/referrals/${row.id}`;
    for (const to of recipients) {
      await enqueueMail(tx, overdueMail(to, link, dueOn), `referral-overdue:${row.id}:${to.id}`);
    }
    await recordAuditEvent(tx, null, {
      action: "referral.overdue_notice",
      outcome: "success",
      recordType: "referral",
      recordId: row.id,
      details: { clientId: row.clientId, notifiedUserIds: recipients.map((r) => r.id) },
      actorLabel: "overdue notice job",
    });
  });
}

export function registerReferralJobs(runner: JobRunner, ctx: AppContext): void {
  runner.register(OVERDUE_NOTICE_JOB, async (payload) => sendOverdueNotice(ctx, (payload as { referralId: string }).referralId));
}
