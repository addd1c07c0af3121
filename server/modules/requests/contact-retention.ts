import type { Executor } from "../../db/index.js";
import { deleteMails } from "../../platform/mail.js";
import { requestMailKeys } from "./mails.js";
import { eraseContactDataBefore } from "./repository.js";

/**
 * The deletion rule for an online request's contact data (decision 0006), run by the retention job:
 * blanked REQUEST_CONTACT_RETENTION_DAYS after the request was closed or accepted (an accepted
 * request's contact data lives on in the client record, which is the one that counts), with the
 * mails to the person (a sent mail's job row keeps the address and, for the answer, its text).
 */
export const requestContactKeeper = {
  recordType: "online_request" as const,
  async eraseContactDataBefore(tx: Executor, cutoff: string, limit: number, now: Date): Promise<string[]> {
    const erased = await eraseContactDataBefore(tx, cutoff, limit, now);
    const keys = erased.flatMap(({ id, forwardedAt }) => [
      requestMailKeys.confirmation(id),
      requestMailKeys.answer(id),
      ...forwardedAt.map((at) => requestMailKeys.forwarded(id, at)),
    ]);
    await deleteMails(tx, keys);
    return erased.map((r) => r.id);
  },
};
