import { useEffect, useRef } from "react";
import { Form, type FormProps } from "react-aria-components";
import { submitShortcuts } from "./shortcuts.js";

const FIRST_FIELD = 'input:not([type="hidden"]):not([disabled]), textarea:not([disabled]), [role="spinbutton"]';

/**
 * A React Aria form with the quick-entry shortcuts (see submitShortcuts): Ctrl+Enter saves from
 * any field, Enter from a date. React Aria's Form passes no key handlers through, so it listens
 * here. With `focusFirst` the first field gets the focus once the page is shown, also after a
 * navigation (which first moves the focus to the page's heading).
 */
export function QuickForm({ focusFirst, ...props }: Omit<FormProps, "ref"> & { focusFirst?: boolean }) {
  const ref = useRef<HTMLFormElement>(null);
  useEffect(() => {
    const form = ref.current;
    if (!form) return;
    form.addEventListener("keydown", submitShortcuts);
    return () => form.removeEventListener("keydown", submitShortcuts);
  }, []);
  useEffect(() => {
    if (!focusFirst) return;
    // After the layout's focus-on-navigate effect, which runs after this one.
    const frame = requestAnimationFrame(() => ref.current?.querySelector<HTMLElement>(FIRST_FIELD)?.focus());
    return () => cancelAnimationFrame(frame);
  }, [focusFirst]);
  return <Form {...props} ref={ref} />;
}
