import { formatClientNumber } from "../../../common/domain/clients.js";
import type { Executor } from "../../db/index.js";
import * as repo from "./repository.js";

/** What a printed checklist for the client shows about them (procedures module). */
export type ClientChecklistView = { firstName: string; lastName: string; number: string; preferredLanguages: string[] };

/**
 * For the procedures module's printable checklist, inside the caller's transaction: the client's
 * name, number and preferred languages. The caller has established access and audits the read.
 */
export async function clientChecklistView(exec: Executor, clientId: string): Promise<ClientChecklistView | null> {
  const found = await repo.findClient(exec, clientId);
  if (!found) return null;
  const { row } = found;
  return {
    firstName: row.firstName,
    lastName: row.lastName,
    number: formatClientNumber(row.number),
    preferredLanguages: row.preferredLanguages,
  };
}
