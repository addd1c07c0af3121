import type { AccessibilityFeedbackList, AccessibilityFeedbackRequest } from "../../../common/contracts/feedback.js";
import type { Actor } from "../../platform/actor.js";
import type { AppContext } from "../../platform/context.js";
import { enqueueMail } from "../../platform/mail.js";
import { ensure } from "../../platform/policy.js";
import { guardPublicForm } from "../../platform/public-form-guard.js";
import { feedbackConfirmationMail, feedbackNotificationMail } from "./mails.js";
import { canReadAccessibilityFeedback } from "./policy.js";
import { presentFeedback } from "./presenter.js";
import * as repo from "./repository.js";

export const FEEDBACK_FORM = "accessibility_feedback";

/**
 * Stores a report of a barrier and queues, in the same transaction, the mail to the operator and
 * (with an e-mail address) the confirmation. A bot's submission (honeypot) is dropped unseen.
 */
export async function submitAccessibilityFeedback(ctx: AppContext, input: AccessibilityFeedbackRequest, ip: string): Promise<void> {
  await ctx.database.db.transaction(async (tx) => {
    const verdict = await guardPublicForm(ctx, tx, {
      form: FEEDBACK_FORM,
      token: input.formToken,
      honeypot: input.website,
      ip,
      email: input.email,
    });
    if (!verdict.accepted) return;
    const report = await repo.insertFeedback(tx, {
      page: input.page ?? null,
      description: input.description,
      name: input.name ?? null,
      email: input.email ?? null,
      language: input.language,
      createdAt: ctx.clock.now(),
    });
    await enqueueMail(tx, feedbackNotificationMail(ctx.config.accessibilityFeedbackTo, report, ctx.config.publicUrl));
    if (report.email) await enqueueMail(tx, feedbackConfirmationMail(report.email, input.language));
  });
}

export async function listAccessibilityFeedback(
  ctx: AppContext,
  actor: Actor,
  page: { before?: number; limit: number },
): Promise<AccessibilityFeedbackList> {
  ensure(canReadAccessibilityFeedback(actor));
  const rows = await repo.listFeedback(ctx.database.db, page);
  return { items: rows.map(presentFeedback), nextBefore: rows.length === page.limit ? (rows.at(-1)?.id ?? null) : null };
}
