import type { TimelineEntry } from "../../../common/contracts/timeline.js";
import type { RetentionRecordType } from "../../../common/domain/retention.js";
import type { Executor } from "../../db/index.js";

/**
 * A module that keeps records about clients (consultations, procedures, referrals). The clients
 * module owns the person; these modules refer to the person by id. What the clients module does
 * to a person as a whole — timeline, access export, erasure, merge — it asks every keeper to do
 * for its own records, inside the same transaction. Keepers register at start (server/app.ts),
 * so the clients module never imports the modules that build on it.
 */
export type ClientRecordKeeper = {
  /** Module name; also the key of its part in the access export. */
  module: string;
  /** The module's lines of the client's timeline (unaudited: the caller audits the read). */
  timelineEntries(tx: Executor, clientId: string): Promise<TimelineEntry[]>;
  /** Everything the module stores about the client, for the access export (Art. 15 GDPR). */
  exportRecords(tx: Executor, clientId: string): Promise<Record<string, unknown>[]>;
  /**
   * Removes personal data the module keeps about the client (free texts); keeps the
   * pseudonymous facts statistics count. Returns how many records were changed. Idempotent.
   */
  erasePersonalData(tx: Executor, clientId: string): Promise<number>;
  /** Moves the records of a merged-away client to the kept one; returns how many moved. */
  moveRecords(tx: Executor, fromClientId: string, toClientId: string): Promise<number>;
  /** Own retention periods (RETENTION_YEARS): erase the record type's texts older than the cut-off day. */
  retention?: { recordType: RetentionRecordType; erase(tx: Executor, cutoff: string): Promise<number> }[];
};

const keepers = new Map<string, ClientRecordKeeper>();

export function registerClientRecordKeeper(keeper: ClientRecordKeeper): void {
  keepers.set(keeper.module, keeper);
}

/** In registration order (deterministic exports and merge steps). */
export function clientRecordKeepers(): ClientRecordKeeper[] {
  return [...keepers.values()];
}
