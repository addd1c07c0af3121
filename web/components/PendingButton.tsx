import { Button, type ButtonProps } from "react-aria-components";

/**
 * A button for an action in progress. Unlike React Aria's `isPending`, it makes no live
 * announcement that points at the button: our buttons often vanish when the action succeeds
 * (dialog closes, page changes), which left an announcement with a dangling label behind.
 * While pending it stays focusable, ignores presses and does not submit its form again;
 * the result is announced by the page (status or alert region).
 */
export function PendingButton({
  isPending,
  onPress,
  type,
  className,
  ...props
}: ButtonProps & { isPending?: boolean; className?: string }) {
  return (
    <Button
      {...props}
      className={isPending ? `${className ?? ""} is-pending` : className}
      type={isPending ? "button" : type}
      onPress={isPending ? undefined : onPress}
      aria-disabled={isPending || undefined}
    />
  );
}
