import type { KeyboardEvent as ReactKeyboardEvent } from "react";

/**
 * Keyboard shortcuts of a quick form: Ctrl+Enter (⌘+Enter) submits from anywhere in it, also
 * from a text area; plain Enter submits from a date field's segments too (as it does from any
 * text input), so a form with a date first is done with Enter alone. For a key event inside a
 * form (QuickForm listens for you); other keys and events outside a form are left alone.
 */
export function submitShortcuts(event: KeyboardEvent | ReactKeyboardEvent): void {
  const native = "nativeEvent" in event ? event.nativeEvent : event;
  if (event.key !== "Enter" || native.isComposing || event.defaultPrevented) return;
  const target = event.target as HTMLElement;
  const inDateSegment = target.getAttribute("role") === "spinbutton" && target.closest(".date-input") !== null;
  if (!(event.ctrlKey || event.metaKey) && !inDateSegment) return;
  const form = target.closest("form");
  if (!form) return;
  event.preventDefault();
  form.requestSubmit();
}
