import { desc, lt } from "drizzle-orm";
import type { Executor } from "../../db/index.js";
import { accessibilityFeedback } from "../../db/schema/index.js";

export type AccessibilityFeedbackRow = typeof accessibilityFeedback.$inferSelect;

export async function insertFeedback(exec: Executor, values: typeof accessibilityFeedback.$inferInsert): Promise<AccessibilityFeedbackRow> {
  const [row] = await exec.insert(accessibilityFeedback).values(values).returning();
  return row!;
}

/** Newest first; `before` is the id of the last row of the previous page. */
export async function listFeedback(exec: Executor, page: { before?: number; limit: number }): Promise<AccessibilityFeedbackRow[]> {
  return exec
    .select()
    .from(accessibilityFeedback)
    .where(page.before ? lt(accessibilityFeedback.id, page.before) : undefined)
    .orderBy(desc(accessibilityFeedback.id))
    .limit(page.limit);
}
