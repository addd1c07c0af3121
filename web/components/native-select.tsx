/**
 * A choice from a list as the platform's own `<select>`, wired like the other fields (label,
 * description, error message, `data-invalid`). The public pages use it instead of React Aria's
 * Select: a phone opens its own picker (large, in the phone's language, known to its screen
 * reader), and the page builds no popover and no collection (React Aria's collection render
 * showed in every long task of the booking form's mount on a slowed-down CPU; bench/README.md).
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
}: Common & {
  options: Option[];
  value: string;
  onChange: (value: string) => void;
  isRequired?: boolean;
}) {
  const { t } = useTranslation();
  const id = useId();
  const describedBy = [description ? `${id}-description` : null, errorMessage ? `${id}-error` : null].filter(Boolean).join(" ");
  const hasEmptyOption = options.some((o) => o.id === "");
  return (
    <div className="field" data-invalid={errorMessage ? true : undefined}>
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
          {/* With nothing chosen and no "any" entry, say so instead of showing the first option as chosen. */}
          {!hasEmptyOption && value === "" && (
            <option value="" disabled>
              {t("common.choose")}
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
