import type { AccessibilityFeedback } from "../../../common/contracts/feedback.js";
import type { AccessibilityFeedbackRow } from "./repository.js";

export function presentFeedback(row: AccessibilityFeedbackRow): AccessibilityFeedback {
  return {
    id: row.id,
    page: row.page,
    description: row.description,
    name: row.name,
    email: row.email,
    language: row.language,
    createdAt: row.createdAt.toISOString(),
  };
}
