import { createHash } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { percentOneDecimal } from "../../../../common/domain/monitoring/measures.js";
import { monthIndex, monthOfDay } from "./calendar.js";
import type { ConsultationRow, Facts } from "./facts.js";
import { planFacts } from "./plan.js";
import { faireIntegration, publishedPeriods, stateFigures } from "./published.js";
import { offlineContext } from "./testing.js";

/**
 * The plan in memory (no database): the national set meets every published figure exactly, keeps
 * the domain's rules, and the same seed gives the same rows. generator-national.test.ts reads the
 * same figures back from PostgreSQL, by SQL and through the report engine.
 */
const inMonths = (c: { date: string }, from: string, to: string) => c.date.slice(0, 7) >= from && c.date.slice(0, 7) <= to;
const tally = <T>(items: T[], key: (item: T) => string) => {
  const counts = new Map<string, number>();
  for (const item of items) counts.set(key(item), (counts.get(key(item)) ?? 0) + 1);
  return counts;
};

describe("generator plan, national scale", () => {
  let facts: Facts;
  let recognitionFirsts: ConsultationRow[];
  let clientOf: (c: ConsultationRow) => Facts["clients"][number];
  const isFi = (c: ConsultationRow) => c.unitId.endsWith(":fi");

  beforeAll(() => {
    facts = planFacts(offlineContext({ factor: 1, endMonth: monthIndex("2022-09"), today: "2022-10-15" }));
    recognitionFirsts = facts.consultations.filter((c) => c.kind === "first_consultation" && !isFi(c));
    const clients = new Map(facts.clients.map((c) => [c.id, c]));
    clientOf = (c) => clients.get(c.clientId)!;
  }, 180_000);

  it("meets the first consultations and those with refugee background of both periods exactly", () => {
    for (const p of publishedPeriods) {
      const firsts = recognitionFirsts.filter((c) => inMonths(c, p.from, p.to));
      expect(firsts.length, p.from).toBe(p.firstConsultations);
      expect(firsts.filter((c) => clientOf(c).refugee === true).length, p.from).toBe(p.refugee);
    }
  });

  it("gives the top five nationalities as published, every other one below the fifth", () => {
    for (const p of publishedPeriods) {
      const counts = tally(
        recognitionFirsts.filter((c) => inMonths(c, p.from, p.to)),
        (c) => clientOf(c).nationality,
      );
      const ranked = [...counts].sort((a, b) => b[1] - a[1]);
      expect(ranked.slice(0, 5), p.from).toEqual(p.topNationalities);
      expect(ranked[5]![1]).toBeLessThan(p.topNationalities[4]![1]);
    }
  });

  it("gives the top five reference professions with the published percentages, every other one below", () => {
    for (const p of publishedPeriods) {
      const counts = tally(
        recognitionFirsts.filter((c) => inMonths(c, p.from, p.to)),
        (c) => c.professionId ?? "",
      );
      const ranked = [...counts].sort((a, b) => b[1] - a[1]);
      expect(ranked.slice(0, 5).map(([id, n]) => [id.replace("profession:", ""), percentOneDecimal(n, p.firstConsultations)])).toEqual(
        p.topProfessions,
      );
      expect(ranked[5]![1]).toBeLessThan(ranked[4]![1]);
    }
  });

  it("meets every exact figure of the state networks' pages", () => {
    for (const f of stateFigures) {
      const rows = facts.consultations.filter(
        (c) =>
          c.unitId.startsWith(`${f.state}:recognition`) &&
          inMonths(c, f.from, f.to) &&
          (f.measure === "all" || c.kind === (f.measure === "first" ? "first_consultation" : "follow_up")),
      );
      expect(rows.length, f.source).toBe(f.count);
    }
  });

  it("meets the Faire Integration figures: consultations, each reason's mentions (first / follow-up), referral consultations, group events", () => {
    const fi = facts.consultations.filter((c) => isFi(c) && inMonths(c, faireIntegration.from, faireIntegration.to));
    const firsts = fi.filter((c) => c.kind === "first_consultation");
    const followUps = fi.filter((c) => c.kind === "follow_up");
    expect(firsts.length).toBe(faireIntegration.firstConsultations);
    expect(followUps.length).toBe(faireIntegration.followUps);
    for (const [reason, first, follow] of faireIntegration.reasons) {
      expect(firsts.filter((c) => c.fiReasons.includes(reason)).length, reason).toBe(first);
      expect(followUps.filter((c) => c.fiReasons.includes(reason)).length, reason).toBe(follow);
    }
    // Every consultation names a reason, none twice.
    for (const c of [...firsts, ...followUps]) {
      expect(c.fiReasons.length).toBeGreaterThan(0);
      expect(new Set(c.fiReasons).size).toBe(c.fiReasons.length);
    }
    const ref = faireIntegration.referralConsultations;
    expect(facts.consultations.filter((c) => c.kind === "referral_consultation" && inMonths(c, ref.from, ref.to)).length).toBe(ref.count);
    const events = faireIntegration.groupEventParticipants;
    expect(facts.groupEvents.filter((g) => inMonths(g, events.from, events.to)).reduce((s, g) => s + g.participants, 0)).toBe(events.count);
  });

  it("keeps the domain's rules: one first consultation per client and period, follow-ups after it, recorded within the month", () => {
    // Violations are collected and compared once: an expect per row would take longer than the plan.
    const firstOf = new Map<string, ConsultationRow>();
    const violations: string[] = [];
    for (const c of facts.consultations) {
      if (c.kind !== "first_consultation") continue;
      if (firstOf.has(`${c.clientId}|${c.fundingPeriod}`)) violations.push(`two first consultations: ${c.clientId}`);
      firstOf.set(`${c.clientId}|${c.fundingPeriod}`, c);
    }
    for (const c of facts.consultations) {
      if (monthOfDay(c.createdAt.slice(0, 10)) !== monthOfDay(c.date) || c.createdAt.slice(0, 10) < c.date)
        violations.push(`recorded: ${c.id}`);
      if (c.kind === "follow_up") {
        const first = firstOf.get(`${c.clientId}|${c.fundingPeriod}`);
        if (!first || c.date < first.date) violations.push(`follow-up without an earlier first consultation: ${c.id}`);
      }
    }
    expect(violations.slice(0, 5)).toEqual([]);
    expect(facts.referrals.length).toBeGreaterThan(10_000);
    expect(facts.procedures.filter((p) => p.outcome !== "pending").length).toBeGreaterThan(10_000);
  });
});

describe("generator plan, demo scale", () => {
  const demo = (seed: number) => planFacts(offlineContext({ factor: 0.01, endMonth: monthIndex("2026-11"), today: "2026-11-20", seed }));
  const digest = (facts: Facts) => createHash("sha256").update(JSON.stringify(facts)).digest("hex");

  it("is deterministic: the same seed gives the same rows, ids included; another seed other rows", () => {
    const a = demo(1);
    expect(digest(demo(1))).toBe(digest(a));
    expect(digest(demo(2))).not.toBe(digest(a));
  });

  it("goes on after the publication up to today, a few thousand consultations in all", () => {
    const facts = demo(1);
    expect(facts.consultations.length).toBeGreaterThan(3_000);
    expect(facts.consultations.length).toBeLessThan(20_000);
    expect(facts.consultations.some((c) => c.date.startsWith("2026-11"))).toBe(true);
    expect(facts.consultations.every((c) => c.date <= "2026-11-20" && c.createdAt.slice(0, 10) <= "2026-11-20")).toBe(true);
    expect(new Set(facts.consultations.filter((c) => c.date >= "2023-01-01").map((c) => c.fundingPeriod))).toEqual(new Set(["2023-2028"]));
  });
});
