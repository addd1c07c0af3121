/**
 * Thin wrappers around React Aria Components form fields: label, description and error
 * message wired up the same way everywhere.
 */
import type { ReactNode } from "react";
import {
  Button,
  Calendar,
  CalendarCell,
  CalendarGrid,
  Checkbox,
  CheckboxButton,
  CheckboxField,
  type CheckboxFieldProps,
  CheckboxGroup,
  type CheckboxGroupProps,
  type CheckboxProps,
  ComboBox,
  type ComboBoxProps,
  DateInput,
  DatePicker,
  type DatePickerProps,
  DateSegment,
  type DateValue,
  Dialog,
  FieldError,
  Group,
  Heading,
  Input,
  Label,
  ListBox,
  ListBoxItem,
  Popover,
  Radio,
  RadioGroup,
  type RadioGroupProps,
  Select,
  type SelectProps,
  SelectValue,
  Text,
  TextArea,
  TextField,
  type TextFieldProps,
  TimeField,
  type TimeFieldProps,
  type TimeValue,
} from "react-aria-components";
import { useTranslation } from "react-i18next";
import { CalendarIcon, ChevronDownIcon } from "./icons.js";

type Common = { label: ReactNode; description?: ReactNode; errorMessage?: string | null };

export function TextInput({
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
}

export function TextAreaInput({ label, description, errorMessage, ...props }: Common & TextFieldProps) {
  return (
    <TextField {...props} isInvalid={errorMessage ? true : props.isInvalid} className="field">
      <Label>{label}</Label>
      <TextArea rows={4} />
      {description && <Text slot="description">{description}</Text>}
      <FieldError>{errorMessage ?? undefined}</FieldError>
    </TextField>
  );
}

export type Option = { id: string; label: string };

export function SelectInput({
  label,
  description,
  errorMessage,
  options,
  placeholder,
  ...props
}: Common & Omit<SelectProps<Option>, "children"> & { options: Option[] }) {
  const { t } = useTranslation();
  return (
    <Select {...props} placeholder={placeholder ?? t("common.choose")} isInvalid={errorMessage ? true : props.isInvalid} className="field">
      <Label>{label}</Label>
      <Button className="field-button">
        <SelectValue />
        <ChevronDownIcon />
      </Button>
      {description && <Text slot="description">{description}</Text>}
      <FieldError>{errorMessage ?? undefined}</FieldError>
      <Popover className="popover">
        <ListBox items={options} className="listbox">
          {(item) => <ListBoxItem className="listbox-item">{item.label}</ListBoxItem>}
        </ListBox>
      </Popover>
    </Select>
  );
}

export function ComboInput({
  label,
  description,
  errorMessage,
  options,
  ...props
}: Common & Omit<ComboBoxProps<Option>, "children" | "items"> & { options: Option[] }) {
  const { t } = useTranslation();
  return (
    <ComboBox {...props} items={options} isInvalid={errorMessage ? true : props.isInvalid} className="field">
      <Label>{label}</Label>
      <div className="combo">
        <Input />
        <Button className="combo-button" aria-label={t("common.showOptions")}>
          <ChevronDownIcon />
        </Button>
      </div>
      {description && <Text slot="description">{description}</Text>}
      <FieldError>{errorMessage ?? undefined}</FieldError>
      <Popover className="popover">
        <ListBox className="listbox" renderEmptyState={() => <div className="listbox-empty">{t("common.noOptions")}</div>}>
          {(item: Option) => <ListBoxItem className="listbox-item">{item.label}</ListBoxItem>}
        </ListBox>
      </Popover>
    </ComboBox>
  );
}

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
export function CheckboxFieldInput({
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
}

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

export function DateInputField<T extends DateValue>({ label, description, errorMessage, ...props }: Common & DatePickerProps<T>) {
  const { t } = useTranslation();
  return (
    <DatePicker {...props} isInvalid={errorMessage ? true : props.isInvalid} className="field">
      <Label>{label}</Label>
      <Group className="date-group">
        <DateInput className="date-input">{(segment) => <DateSegment segment={segment} className="date-segment" />}</DateInput>
        <Button className="combo-button" aria-label={t("common.openCalendar")}>
          <CalendarIcon />
        </Button>
      </Group>
      {description && <Text slot="description">{description}</Text>}
      <FieldError>{errorMessage ?? undefined}</FieldError>
      <Popover className="popover">
        <Dialog className="calendar-dialog">
          <Calendar className="calendar">
            <header className="calendar-header">
              <Button slot="previous" className="button button-quiet">
                <span aria-hidden="true" className="flip-rtl">
                  ◀
                </span>
              </Button>
              <Heading className="calendar-heading" />
              <Button slot="next" className="button button-quiet">
                <span aria-hidden="true" className="flip-rtl">
                  ▶
                </span>
              </Button>
            </header>
            <CalendarGrid>{(date) => <CalendarCell date={date} className="calendar-cell" />}</CalendarGrid>
          </Calendar>
        </Dialog>
      </Popover>
    </DatePicker>
  );
}

export function TimeInputField<T extends TimeValue>({ label, description, errorMessage, ...props }: Common & TimeFieldProps<T>) {
  return (
    <TimeField {...props} isInvalid={errorMessage ? true : props.isInvalid} className="field field-time">
      <Label>{label}</Label>
      <DateInput className="date-input date-input-standalone">
        {(segment) => <DateSegment segment={segment} className="date-segment" />}
      </DateInput>
      {description && <Text slot="description">{description}</Text>}
      <FieldError>{errorMessage ?? undefined}</FieldError>
    </TimeField>
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
  const target = field?.matches("input, textarea, button")
    ? field
    : // A radio group's radios carry tabindex=-1 (roving focus) but take focus from a script.
      field?.querySelector('input:not([type="hidden"]), textarea, button');
  (target as HTMLElement | null | undefined)?.focus();
}
