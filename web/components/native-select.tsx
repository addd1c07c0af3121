/**
 * A choice from a list as the platform's own `<select>`, wired like the other fields (label,
 * description, error message, `data-invalid`). The public pages use it instead of React Aria's
 * Select: a phone opens its own picker (large, in the phone's language, known to its screen
 * reader), and the page builds no popover and no collection — on a slow phone the search and
 * booking forms mount in about half the time (bench/README.md, Lighthouse).
 */
import { memo, useId } from "react";
import { useTranslation } from "react-i18next";
import type { Common, Option } from "./fields.js";
import { ChevronDownIcon } from "./icons.js";

export const NativeSelectInput = memo(function NativeSelectInput({
  label,
  description,
  errorMessage,
  options,
  value,
  onChange,
  isRequired,
  placeholder,
  className,
}: Common & {
  options: Option[];
  value: string;
  onChange: (value: string) => void;
  isRequired?: boolean;
  /** Shown (and chosen) when the value is empty; only when `options` has no entry with an empty id. */
  placeholder?: string;
  className?: string;
}) {
  const { t } = useTranslation();
  const id = useId();
  const describedBy = [description ? `${id}-description` : null, errorMessage ? `${id}-error` : null].filter(Boolean).join(" ");
  const hasEmptyOption = options.some((o) => o.id === "");
  return (
    <div className={className ? `field ${className}` : "field"} data-invalid={errorMessage ? true : undefined}>
      <label htmlFor={id}>{label}</label>
      <div className="native-select">
        <select
          id={id}
          value={value}
          onChange={(event) => onChange(event.target.value)}
          aria-describedby={describedBy || undefined}
          aria-invalid={errorMessage ? true : undefined}
          // aria-required, not required: the form's checks are the server's, shown at the field
          // (the forms validate with validationBehavior="aria", never with the browser's bubbles).
          aria-required={isRequired || undefined}
        >
          {!hasEmptyOption && value === "" && (
            <option value="" disabled>
              {placeholder ?? t("common.choose")}
            </option>
          )}
          {options.map((o) => (
            <option key={o.id} value={o.id}>
              {o.label}
            </option>
          ))}
        </select>
        <ChevronDownIcon />
      </div>
      {description && (
        <div id={`${id}-description`} className="field-description">
          {description}
        </div>
      )}
      {errorMessage && (
        <div id={`${id}-error`} className="field-error">
          {errorMessage}
        </div>
      )}
    </div>
  );
});
