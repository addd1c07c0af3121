/** A choice from a list in a popover (React Aria Select), wired like the other fields. */
import {
  Button,
  FieldError,
  Label,
  ListBox,
  ListBoxItem,
  Popover,
  Select,
  type SelectProps,
  SelectValue,
  Text,
} from "react-aria-components";
import { useTranslation } from "react-i18next";
import type { Common, Option } from "./fields.js";
import { ChevronDownIcon } from "./icons.js";

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
