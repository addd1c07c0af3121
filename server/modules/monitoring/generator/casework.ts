import { addDays } from "./calendar.js";
import type { ClientRow, ConsultationRow, Facts, GeneratorContext, GeneratorNetwork } from "./facts.js";
import { randomStream } from "./random.js";

/**
 * What follows a recognition first consultation, in plausible proportions: a referral to a
 * qualification sub-project or an outside service (about 1 in 16), a recognition procedure before
 * the competent authority (about 1 in 8), decided months later or still pending at the data's end.
 */

const services = [
  "vocational_language_course",
  "job_centre",
  "central_recognition_service",
  "business_startup_service",
  "faire_integration_counseling",
  "other",
];
const serviceWeights = [30, 25, 15, 5, 10, 15];
const statuses = ["completed", "accepted", "in_progress", "declined", "withdrawn", "sent"];
const statusWeights = [45, 15, 10, 8, 4, 18];
const outcomes = ["full_equivalence", "partial_equivalence", "no_equivalence", "withdrawn"];
const outcomeWeights = [58, 28, 9, 5];
const compensations = ["adaptation_course", "knowledge_test", "aptitude_test", "adaptation_qualification"];
const legalBases = ["bqfg", "state_law", "profession_law"];

export function casework(
  ctx: GeneratorContext,
  firsts: { client: ClientRow; consultation: ConsultationRow; state: string }[],
  facts: Facts,
): void {
  const random = randomStream(ctx.seed, "casework");
  const byState = new Map<string, GeneratorNetwork>(ctx.networks.map((n) => [n.state, n]));
  for (const { client, consultation, state } of firsts) {
    const network = byState.get(state)!;
    if (random.chance(0.06)) {
      const partner = network.partners.length > 0 && random.chance(0.35);
      const sentDay = addDays(consultation.date, random.int(0, 2));
      const sentAt = sentDay > ctx.today ? consultation.createdAt : `${sentDay}T${consultation.createdAt.slice(11)}`;
      facts.referrals.push({
        id: random.uuid(),
        clientId: client.id,
        consultationId: consultation.id,
        fromUnitId: consultation.unitId,
        fromUserId: consultation.counselorId,
        toUnitId: partner ? random.pick(network.partners) : null,
        externalService: partner ? null : services[random.weighted(serviceWeights)]!,
        status: statuses[random.weighted(statusWeights)]!,
        sentAt,
      });
    }
    if (consultation.professionId && random.chance(0.12)) {
      const applicationDate = addDays(consultation.date, random.int(20, 150));
      if (applicationDate > ctx.today) continue;
      const decided = addDays(applicationDate, random.int(45, 300));
      const pending = decided > ctx.today;
      const outcome = pending ? "pending" : outcomes[random.weighted(outcomeWeights)]!;
      facts.procedures.push({
        id: random.uuid(),
        clientId: client.id,
        unitId: consultation.unitId,
        professionId: consultation.professionId,
        authority: `Zuständige Stelle ${state} (Demo)`,
        legalBasis: legalBases[random.weighted([60, 30, 10])]!,
        applicationDate,
        decisionDate: pending ? null : decided,
        outcome,
        compensation: outcome === "partial_equivalence" ? random.pick(compensations) : null,
        createdAt: consultation.createdAt,
      });
    }
  }
}
