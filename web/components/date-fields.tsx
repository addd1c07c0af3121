/** Date (with a calendar popover) and time fields, wired like the other fields. */
import {
  Button,
  Calendar,
  CalendarCell,
  CalendarGrid,
  DateInput,
  DatePicker,
  type DatePickerProps,
  DateSegment,
  type DateValue,
  Dialog,
  FieldError,
  Group,
  Heading,
  Label,
  Popover,
  Text,
  TimeField,
  type TimeFieldProps,
  type TimeValue,
} from "react-aria-components";
import { useTranslation } from "react-i18next";
import type { Common } from "./fields.js";
import { CalendarIcon } from "./icons.js";

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
