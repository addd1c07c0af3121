import type { Executor } from "../../db/index.js";
import { deleteJobs } from "../../platform/jobs.js";
import { BOOKING_MAIL_JOB } from "./mail-job.js";
import { bookingMailKey, bookingMailKinds } from "./mails.js";
import { eraseContactDataBefore } from "./repository.js";

/**
 * The deletion rule for a booking's contact data (decision 0004), run by the retention job: name,
 * e-mail, phone and message are blanked BOOKING_CONTACT_RETENTION_DAYS after the appointment ended,
 * and the booking's mails go with them (a sent mail's job row keeps address, name and calendar entry).
 */
export const bookingContactKeeper = {
  recordType: "booking" as const,
  async eraseContactDataBefore(tx: Executor, cutoff: string, limit: number, now: Date): Promise<string[]> {
    const erased = await eraseContactDataBefore(tx, cutoff, limit, now);
    const keys = erased.flatMap(({ id, sequence }) =>
      bookingMailKinds.flatMap((kind) => Array.from({ length: sequence + 1 }, (_, state) => bookingMailKey(id, kind, state))),
    );
    await deleteJobs(tx, BOOKING_MAIL_JOB, keys);
    return erased.map((b) => b.id);
  },
};
