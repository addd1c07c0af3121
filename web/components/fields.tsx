/**
 * Thin wrappers around React Aria Components form fields: label, description and error
 * message wired up the same way everywhere. Select, combo box and date fields live in modules of
 * their own (select-field, combo-field, date-fields): a page loads only the widgets it shows.
 */
import { memo, type ReactNode } from "react";
import {
  Checkbox,
  CheckboxButton,
  CheckboxField,
  type CheckboxFieldProps,
  CheckboxGroup,
  type CheckboxGroupProps,
  type CheckboxProps,
  FieldError,
  Input,
  Label,
  Radio,
  RadioGroup,
  type RadioGroupProps,
  Text,
  TextArea,
  TextField,
  type TextFieldProps,
} from "react-aria-components";

/** Label, description and error message of every field wrapper (here and in select, combo and date fields). */
export type Common = { label: ReactNode; description?: ReactNode; errorMessage?: string | null };

/*
 * The text fields and the single checkbox are memoised: a form keeps its values in its own state
 * and renders again on every change (and when its form token arrives); only the field whose value
 * or message changed renders again — React Aria's fields are not cheap on a slow phone.
 * Pass stable props (state setters, constants) for it to work.
 */

export const TextInput = memo(function TextInput({
  label,
  description,
  errorMessage,
  inputProps,
  ...props
}: Common & TextFieldProps & { inputProps?: React.ComponentProps<"input"> }) {
  return (
    <TextField {...props} isInvalid={errorMessage ? true : props.isInvalid} className="field">
      <Label>{label}</Label>
      <Input {...inputProps} />
      {description && <Text slot="description">{description}</Text>}
      <FieldError>{errorMessage ?? undefined}</FieldError>
    </TextField>
  );
});

export const TextAreaInput = memo(function TextAreaInput({ label, description, errorMessage, ...props }: Common & TextFieldProps) {
  return (
    <TextField {...props} isInvalid={errorMessage ? true : props.isInvalid} className="field">
      <Label>{label}</Label>
      <TextArea rows={4} />
      {description && <Text slot="description">{description}</Text>}
      <FieldError>{errorMessage ?? undefined}</FieldError>
    </TextField>
  );
});

export type Option = { id: string; label: string };

/** The drawn box and tick of every checkbox. */
function CheckboxBox() {
  return (
    <span className="checkbox-box" aria-hidden="true">
      <svg viewBox="0 0 18 18" aria-hidden="true">
        <polyline points="2 9 7 14 16 4" />
      </svg>
    </span>
  );
}

export function CheckboxInput({ children, ...props }: CheckboxProps & { children: ReactNode }) {
  return (
    <Checkbox {...props} className="checkbox">
      <CheckboxBox />
      {children}
    </Checkbox>
  );
}

/** A single checkbox with its own description and error message (e.g. a required consent). */
export const CheckboxFieldInput = memo(function CheckboxFieldInput({
  children,
  description,
  errorMessage,
  ...props
}: Omit<CheckboxFieldProps, "children"> & { children: ReactNode; description?: ReactNode; errorMessage?: string | null }) {
  return (
    <CheckboxField {...props} isInvalid={errorMessage ? true : props.isInvalid} className="field checkbox-field">
      <CheckboxButton className="checkbox">
        <CheckboxBox />
        {children}
      </CheckboxButton>
      {description && <Text slot="description">{description}</Text>}
      <FieldError>{errorMessage ?? undefined}</FieldError>
    </CheckboxField>
  );
});

/** A few mutually exclusive answers, all visible (e.g. yes / no / not stated). */
export function RadioGroupInput({
  label,
  description,
  errorMessage,
  options,
  ...props
}: Common & Omit<RadioGroupProps, "children"> & { options: Option[] }) {
  return (
    <RadioGroup {...props} isInvalid={errorMessage ? true : props.isInvalid} className="field radio-group">
      <Label>{label}</Label>
      <div className="radio-options">
        {options.map((o) => (
          <Radio key={o.id} value={o.id} className="radio">
            <span className="radio-dot" aria-hidden="true" />
            {o.label}
          </Radio>
        ))}
      </div>
      {description && <Text slot="description">{description}</Text>}
      <FieldError>{errorMessage ?? undefined}</FieldError>
    </RadioGroup>
  );
}

/** Several independent choices under one label (e.g. topics), with a description and an error. */
export function CheckboxGroupInput({
  label,
  description,
  errorMessage,
  options,
  ...props
}: Common & Omit<CheckboxGroupProps, "children"> & { options: Option[] }) {
  return (
    <CheckboxGroup {...props} isInvalid={errorMessage ? true : props.isInvalid} className="field checkbox-group">
      <Label>{label}</Label>
      <div className="checkbox-options">
        {options.map((o) => (
          <CheckboxInput key={o.id} value={o.id}>
            {o.label}
          </CheckboxInput>
        ))}
      </div>
      {description && <Text slot="description">{description}</Text>}
      <FieldError>{errorMessage ?? undefined}</FieldError>
    </CheckboxGroup>
  );
}

/**
 * After a refusal: focus the first field marked invalid (a text field's input, a radio group's
 * first radio, a select's button), so keyboard and screen-reader users land on what to correct.
 */
export function focusFirstInvalid(form: HTMLElement | null): void {
  const field = form?.querySelector("[data-invalid]");
  const target = field?.matches("input, textarea, select, button")
    ? field
    : // A radio group's radios carry tabindex=-1 (roving focus) but take focus from a script.
      field?.querySelector('input:not([type="hidden"]), textarea, select, button');
  (target as HTMLElement | null | undefined)?.focus();
}
