/** A choice from a long list, typed to filter (React Aria ComboBox), wired like the other fields. */
import { Button, ComboBox, type ComboBoxProps, FieldError, Input, Label, ListBox, ListBoxItem, Popover, Text } from "react-aria-components";
import { useTranslation } from "react-i18next";
import type { Common, Option } from "./fields.js";
import { ChevronDownIcon } from "./icons.js";

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
        {/* The options are names (units, places, professions), often German in an Arabic or Farsi page:
            the typed or chosen name sets its own direction, so its beginning stays in sight. */}
        <Input dir="auto" />
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
