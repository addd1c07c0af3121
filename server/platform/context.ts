import type { FastifyBaseLogger } from "fastify";
import type { Config } from "../config.js";
import type { Database } from "../db/index.js";

/** The clock is the one thing tests may replace (token expiry, lockout windows). */
export type Clock = { now(): Date };
export const systemClock: Clock = { now: () => new Date() };

/** What every module's service factory receives. */
export type AppContext = {
  config: Config;
  database: Database;
  log: FastifyBaseLogger;
  clock: Clock;
  /** Secret bytes for HMAC and encryption, derived from SESSION_SECRET (or a generated one in demo mode). */
  secret: Buffer;
};
