import { useEffect, useRef, useState } from "react";
import { Button, ComboBox, FieldError, Input, Label, ListBox, ListBoxItem, Popover, Text } from "react-aria-components";
import { useTranslation } from "react-i18next";
import { useReferenceProfessions } from "../../../api/records.js";
import { ChevronDownIcon } from "../../../components/icons.js";

export type ProfessionRef = { id: string; name: string; regulated: boolean };

function useDebounced<T>(value: T, ms: number): T {
  const [debounced, setDebounced] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setDebounced(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return debounced;
}

/**
 * Referenzberuf: a combobox over the server's catalogue (names and former names, e.g.
 * "Krankenpfleger" finds Pflegefachfrau/-mann), each option marked regulated or not.
 */
export function ReferenceProfessionPicker({
  value,
  onChange,
  isRequired,
  errorMessage,
  autoFocus,
}: {
  value: ProfessionRef | null;
  onChange: (value: ProfessionRef | null) => void;
  isRequired?: boolean;
  errorMessage?: string;
  autoFocus?: boolean;
}) {
  const { t } = useTranslation();
  const [input, setInput] = useState(value?.name ?? "");
  const inputRef = useRef<HTMLInputElement>(null);
  // While the chosen name is shown, offer the whole catalogue rather than just that one.
  const query = useDebounced(value && input === value.name ? "" : input.trim(), 200);
  const found = useReferenceProfessions(query);
  const items = (found.data?.items ?? []).map((p) => ({ id: p.id, name: p.name, regulated: p.regulated, formerNames: p.formerNames }));
  if (value && !items.some((p) => p.id === value.id)) items.unshift({ ...value, formerNames: [] });
  const regulation = (p: { regulated: boolean }) =>
    t(p.regulated ? "consultations.profession.regulated" : "consultations.profession.notRegulated");

  return (
    <ComboBox
      items={items}
      inputValue={input}
      onInputChange={(v) => {
        setInput(v);
        if (v === "") onChange(null);
      }}
      selectedKey={value?.id ?? null}
      onSelectionChange={(key) => {
        const chosen = items.find((p) => p.id === key);
        if (!chosen) {
          if (value) onChange(null);
          // React Aria deselects (null) as soon as one types: the typed text stays. On leaving the
          // field without a choice, the text goes, so nothing looks chosen that is not.
          if (document.activeElement !== inputRef.current) setInput("");
          return;
        }
        setInput(chosen.name);
        onChange({ id: chosen.id, name: chosen.name, regulated: chosen.regulated });
      }}
      isRequired={isRequired}
      validate={(v) => (isRequired && !v ? t("consultations.profession.required") : null)}
      isInvalid={errorMessage ? true : undefined}
      autoFocus={autoFocus}
      className="field"
    >
      <Label>{t("consultations.fields.referenceProfession")}</Label>
      <div className="combo">
        <Input ref={inputRef} autoComplete="off" />
        <Button className="combo-button" aria-label={t("common.showOptions")}>
          <ChevronDownIcon />
        </Button>
      </div>
      <Text slot="description">{value ? regulation(value) : t("consultations.profession.hint")}</Text>
      <FieldError>{errorMessage}</FieldError>
      <Popover className="popover">
        <ListBox className="listbox" renderEmptyState={() => <div className="listbox-empty">{t("common.noOptions")}</div>}>
          {(p: (typeof items)[number]) => (
            <ListBoxItem id={p.id} textValue={p.name} className="listbox-item profession-option">
              <span>{p.name}</span>
              {p.formerNames.length > 0 && <span className="profession-former">{p.formerNames.join(", ")}</span>}
              <span className={p.regulated ? "badge badge-regulated" : "badge"}>{regulation(p)}</span>
            </ListBoxItem>
          )}
        </ListBox>
      </Popover>
    </ComboBox>
  );
}
