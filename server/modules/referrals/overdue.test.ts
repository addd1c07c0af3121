import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { answerDueOn, isOverdue } from "../../../common/domain/referrals.js";
import { queryRows } from "../../db/index.js";
import { createTestApp, type Persona, type TestApp } from "../../test/harness.js";
import { seedId } from "../directory/seed.js";
import { berlinToday } from "../directory/service.js";
import { fakeClock } from "../identity/testing/fake-clock.js";
import { berlinDayStart, sendOverdueNotice } from "./overdue-notice.js";
import { timelineEntries } from "./service.js";

const qualificationBavaria = seedId("unit", "demo-sub-project:DE-BY:qualification");
const DAY = 86_400_000;

describe("overdue referrals: the due day", () => {
  it("adds the answer days to the sent day, across months and years", () => {
    expect(answerDueOn("2026-01-20", 14)).toBe("2026-02-03");
    expect(answerDueOn("2026-12-25", 14)).toBe("2027-01-08");
  });

  it("is overdue only when still sent after the due day", () => {
    expect(isOverdue({ status: "sent", answerDueOn: "2026-02-03" }, "2026-02-03")).toBe(false);
    expect(isOverdue({ status: "sent", answerDueOn: "2026-02-03" }, "2026-02-04")).toBe(true);
    expect(isOverdue({ status: "accepted", answerDueOn: "2026-02-03" }, "2026-02-04")).toBe(false);
  });

  it("starts a Berlin day at local midnight, in winter and summer time", () => {
    expect(berlinDayStart("2026-01-15").toISOString()).toBe("2026-01-14T23:00:00.000Z");
    expect(berlinDayStart("2026-07-01").toISOString()).toBe("2026-06-30T22:00:00.000Z");
    expect(berlinDayStart("2026-03-29").toISOString()).toBe("2026-03-28T23:00:00.000Z");
    expect(berlinDayStart("2026-10-25").toISOString()).toBe("2026-10-24T22:00:00.000Z");
  });
});

describe("overdue referrals", () => {
  const clock = fakeClock();
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ clock, env: { REFERRAL_ANSWER_DAYS: "3" } });
  });
  afterAll(() => t.close());

  // Sessions expire as the clock moves on: sign in afresh for each step.
  const as = (who: Persona) => t.login(who);

  let n = 0;
  const newReferral = async (body: Record<string, unknown> = {}) => {
    const counselor = await as("counselorBerlin");
    const client = (
      await counselor.post("/api/clients", {
        firstName: "Samir",
        lastName: `Überfällig ${++n}`,
        birthYear: 1985,
        nationalities: ["AF"],
        consent: { processing: true },
      })
    ).json();
    await counselor.post(`/api/clients/${client.id}/consents`, { kind: "sharing", partnerUnitId: qualificationBavaria });
    const res = await counselor.post("/api/referrals", {
      clientId: client.id,
      toUnitId: qualificationBavaria,
      sharedFields: ["name"],
      ...body,
    });
    expect(res.statusCode, res.body).toBe(201);
    return { clientId: client.id as string, referral: res.json() as { id: string; answerDueOn: string; version: number } };
  };

  const noticeJob = async (referralId: string) =>
    (
      await queryRows<{ id: number; run_at: Date; done_at: Date | null }>(
        t.database.db,
        sql`select id, run_at, done_at from jobs where unique_key = ${`referral-overdue:${referralId}`}`,
      )
    )[0]!;
  const noticeMails = async (referralId: string) =>
    (
      await queryRows<{ payload: { to: string; subject: string; text: string } }>(
        t.database.db,
        sql`select payload from jobs where kind = 'mail.send' and unique_key like ${`referral-overdue:${referralId}:%`} order by id`,
      )
    ).map((r) => r.payload);
  /** The runner works in database time; the test moves the job, not the database's clock. */
  const runNoticeNow = async (referralId: string) => {
    await t.database.db.execute(sql`update jobs set run_at = now() where unique_key = ${`referral-overdue:${referralId}`}`);
    await t.jobs.runDue();
  };

  it("flags a referral unanswered after its due day to both sides, in every list and the timeline", async () => {
    const { clientId, referral } = await newReferral();
    expect(referral.answerDueOn).toBe(answerDueOn(berlinToday(t.ctx), 3));
    const overdueIn = async (who: Persona, box: "inbox" | "outbox") =>
      ((await (await as(who)).get(`/api/referrals/${box}?overdue=true`)).json().items as { id: string }[]).map((r) => r.id);
    expect(await overdueIn("qualificationBavaria", "inbox")).not.toContain(referral.id);

    clock.advance(4 * DAY);
    expect(await overdueIn("qualificationBavaria", "inbox")).toContain(referral.id);
    expect(await overdueIn("counselorBerlin", "outbox")).toContain(referral.id);
    for (const who of ["counselorBerlin", "qualificationBavaria"] as const) {
      expect((await (await as(who)).get(`/api/referrals/${referral.id}`)).json().overdue, who).toBe(true);
    }
    const [line] = await timelineEntries(t.database.db, clientId, berlinToday(t.ctx));
    expect(line).toMatchObject({ id: referral.id, overdue: true });

    // An answer ends it.
    const accepted = await (await as("qualificationBavaria")).post(`/api/referrals/${referral.id}/status`, {
      status: "accepted",
      version: 1,
    });
    expect(accepted.json().overdue).toBe(false);
    expect(await overdueIn("counselorBerlin", "outbox")).not.toContain(referral.id);
  });

  it("queues the notice for the start of the day after the due day, and mails both sides once, without personal data", async () => {
    const { referral } = await newReferral({ message: "Samir braucht einen Platz" });
    const job = await noticeJob(referral.id);
    expect(new Date(job.run_at).toISOString()).toBe(berlinDayStart(answerDueOn(referral.answerDueOn, 1)).toISOString());

    await runNoticeNow(referral.id);
    const mails = await noticeMails(referral.id);
    expect(mails.map((m) => m.to).sort()).toEqual(["berater.berlin@lotse.demo", "quali.bayern@lotse.demo"]);
    for (const mail of mails) {
      expect(mail.subject).toBe("Lotse: Verweis überfällig");
      expect(mail.text).toContain(`${t.ctx.config.publicUrl}/staff/referrals/${referral.id}`);
      expect(mail.text).not.toMatch(/Samir|Überfällig \d|Platz/);
    }
    expect((await noticeJob(referral.id)).done_at).not.toBeNull();

    // A retry (or a second node) after the fact sends nothing more.
    await sendOverdueNotice(t.ctx, referral.id);
    await t.jobs.runDue();
    expect(await noticeMails(referral.id)).toHaveLength(2);
    const audit = await queryRows<{ details: { notifiedUserIds: string[] } }>(
      t.database.db,
      sql`select details from audit_events where action = 'referral.overdue_notice' and record_id = ${referral.id}`,
    );
    expect(audit[0]!.details.notifiedUserIds).toHaveLength(2);
  });

  it("mails nobody about a referral answered in time", async () => {
    const { referral } = await newReferral();
    await (await as("qualificationBavaria")).post(`/api/referrals/${referral.id}/status`, {
      status: "declined",
      reason: "kein Platz",
      version: 1,
    });
    await runNoticeNow(referral.id);
    expect((await noticeJob(referral.id)).done_at).not.toBeNull();
    expect(await noticeMails(referral.id)).toEqual([]);
  });

  it("mails only the sender about an external referral", async () => {
    const { referral } = await newReferral({ toUnitId: undefined, externalService: "job_centre", sharedFields: [] });
    await runNoticeNow(referral.id);
    expect((await noticeMails(referral.id)).map((m) => m.to)).toEqual(["berater.berlin@lotse.demo"]);
  });
});
