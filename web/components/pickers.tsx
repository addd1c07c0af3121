/**
 * Pickers over a fixed list of options (countries, languages): the combobox filters as one
 * types, ignoring accents and case ("turkei" finds "Türkei"). React Aria filters only
 * uncontrolled items, so the filtering happens here.
 */
import { useRef, useState } from "react";
import {
  Button,
  ComboBox,
  FieldError,
  Input,
  Label,
  ListBox,
  ListBoxItem,
  Popover,
  Tag,
  TagGroup,
  TagList,
  Text,
} from "react-aria-components";
import { useTranslation } from "react-i18next";
import { ComboInput } from "./combo-field.js";
import type { Option } from "./fields.js";
import { ChevronDownIcon, CloseIcon } from "./icons.js";

function useOptionFilter(options: Option[], input: string): Option[] {
  const { i18n } = useTranslation();
  const needle = input.trim();
  if (!needle) return options;
  const collator = new Intl.Collator(i18n.language, { sensitivity: "base", usage: "search" });
  const contains = (label: string) => {
    for (let i = 0; i + needle.length <= label.length; i++) {
      if (collator.compare(label.slice(i, i + needle.length), needle) === 0) return true;
    }
    return false;
  };
  return options.filter((o) => contains(o.label) || o.id.toLowerCase() === needle.toLowerCase());
}

type Common = { label: string; description?: string; options: Option[]; errorMessage?: string };

/** One value (or none) from a long fixed list. */
export function SinglePicker({
  value,
  onChange,
  ...props
}: Common & {
  value: string | null;
  onChange: (value: string | null) => void;
}) {
  const nameOf = (id: string | null) => props.options.find((o) => o.id === id)?.label ?? "";
  const [input, setInput] = useState(() => nameOf(value));
  // Showing the chosen value's name: offer the whole list, not just that one.
  const filtered = useOptionFilter(props.options, input === nameOf(value) ? "" : input);
  return (
    <ComboInput
      {...props}
      options={filtered}
      inputValue={input}
      onInputChange={(v) => {
        setInput(v);
        if (v === "") onChange(null);
      }}
      selectedKey={value}
      onSelectionChange={(key) => {
        const id = key === null ? null : String(key);
        setInput(nameOf(id));
        onChange(id);
      }}
    />
  );
}

/**
 * Several values: the list stays open for more choices (Escape or Tab closes it); the chosen
 * ones show below as tags that Delete, Backspace or their button removes.
 */
export function MultiPicker({
  label,
  chosenLabel,
  description,
  options,
  value,
  onChange,
  max,
  errorMessage,
}: Common & {
  /** Names the list of chosen values, e.g. "Gewählte Staatsangehörigkeiten". */
  chosenLabel: string;
  value: string[];
  onChange: (next: string[]) => void;
  max?: number;
}) {
  const { t } = useTranslation();
  const [input, setInput] = useState("");
  const inputRef = useRef<HTMLInputElement>(null);
  const filtered = useOptionFilter(options, input);
  const nameOf = (id: string) => options.find((o) => o.id === id)?.label ?? id;
  const full = max !== undefined && value.length >= max;

  return (
    <div className="multi-picker">
      <ComboBox
        selectionMode="multiple"
        items={filtered}
        value={value}
        onChange={(keys) => {
          const next = keys.map(String);
          // Past the limit only removing is possible.
          if (max !== undefined && next.length > max && next.length > value.length) return;
          onChange(next);
          setInput("");
        }}
        inputValue={input}
        onInputChange={setInput}
        onOpenChange={(open) => !open && setInput("")}
        isInvalid={Boolean(errorMessage)}
        className="field"
      >
        <Label>{label}</Label>
        <div className="combo">
          <Input ref={inputRef} />
          <Button className="combo-button" aria-label={t("common.showOptions")}>
            <ChevronDownIcon />
          </Button>
        </div>
        {(full || description) && <Text slot="description">{full ? t("common.maxChosen", { max }) : description}</Text>}
        <FieldError>{errorMessage}</FieldError>
        <Popover className="popover">
          <ListBox className="listbox" renderEmptyState={() => <div className="listbox-empty">{t("common.noOptions")}</div>}>
            {(item: Option) => <ListBoxItem className="listbox-item">{item.label}</ListBoxItem>}
          </ListBox>
        </Popover>
      </ComboBox>
      {value.length > 0 && (
        <TagGroup
          className="tag-group"
          onRemove={(keys) => {
            const next = value.filter((v) => !keys.has(v));
            onChange(next);
            // The tag list goes away with its last tag: focus returns to the field.
            if (next.length === 0) inputRef.current?.focus();
          }}
        >
          <Label className="visually-hidden">{chosenLabel}</Label>
          <TagList className="tag-list">
            {value.map((id) => (
              <Tag key={id} id={id} textValue={nameOf(id)} className="tag">
                {nameOf(id)}
                <Button slot="remove" className="tag-remove" aria-label={t("common.removeItem", { item: nameOf(id) })}>
                  <CloseIcon />
                </Button>
              </Tag>
            ))}
          </TagList>
        </TagGroup>
      )}
    </div>
  );
}
