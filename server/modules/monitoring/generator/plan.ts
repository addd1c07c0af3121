import { casework } from "./casework.js";
import type { Facts, GeneratorContext } from "./facts.js";
import { faireIntegrationCounseling } from "./faire-integration.js";
import { recognitionCounseling } from "./recognition.js";

/**
 * The whole data set in memory, from the seed alone: the same context and seed give the same
 * rows, ids included. Nothing here touches the database (write.ts does).
 */
export function planFacts(ctx: GeneratorContext): Facts {
  const facts: Facts = { clients: [], consultations: [], referrals: [], procedures: [], groupEvents: [] };
  const firsts = recognitionCounseling(ctx, facts);
  casework(ctx, firsts, facts);
  faireIntegrationCounseling(ctx, facts);
  return facts;
}

export const scales = {
  /** The national data set: the publication's figures, January 2015 to September 2022. */
  national: { factor: 1 },
  /** A hundredth of it, from 2015 to today: what `npm start` seeds. */
  demo: { factor: 0.01 },
} as const;
export type Scale = keyof typeof scales;
