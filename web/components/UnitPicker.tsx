/**
 * Comboboxes that search for a unit on the server (first 50 hits): `UnitPicker` searches the
 * directory within the caller's scope, `PartnerPicker` the open sub-projects of every state
 * network (a referral or a sharing consent may name a partner outside one's own network).
 */
import { useState } from "react";
import { useReferralPartners } from "../api/casework.js";
import { useUnits } from "../api/hooks.js";
import type { Unit, UnitType } from "../api/types.js";
import { ComboInput } from "./combo-field.js";

type ChosenUnit = { id: string; name: string };
/** One hit: `label` is what the list shows, `name` what the caller gets back. */
type Hit = ChosenUnit & { label: string };

type PickerProps = {
  label: string;
  description?: string;
  value: string | null;
  initialName?: string;
  onChange: (unit: ChosenUnit | null) => void;
  isRequired?: boolean;
  errorMessage?: string;
  autoFocus?: boolean;
};

export function UnitPicker({
  filter,
  type,
  ...props
}: PickerProps & {
  filter?: (unit: Unit) => boolean;
  /** Only units of this type (searched on the server, so the first hits are all of it). */
  type?: UnitType;
}) {
  const text = useSearchText(props.initialName);
  const units = useUnits({ q: text.search, type });
  const hits = (units.data?.items ?? [])
    .filter((u) => !u.closedOn && (!filter || filter(u)))
    .map((u) => ({ id: u.id, name: u.name, label: u.name }));
  return <SearchCombo {...props} text={text} hits={hits} />;
}

export function PartnerPicker({ exclude, ...props }: PickerProps & { exclude?: string }) {
  const text = useSearchText(props.initialName);
  const partners = useReferralPartners(text.search ?? "");
  const hits = (partners.data?.items ?? [])
    .filter((p) => p.id !== exclude)
    .map((p) => ({ id: p.id, name: p.name, label: p.stateCode ? `${p.name} (${p.stateCode.replace(/^DE-/, "")})` : p.name }));
  // The list opens on typing (or the button), not on focus: it would cover the dialog it sits in.
  return <SearchCombo {...props} text={text} hits={hits} menuTrigger="input" />;
}

/** The typed text and the chosen hit's label: search only while they differ. */
function useSearchText(initialName: string | undefined) {
  const [input, setInput] = useState(initialName ?? "");
  const [selectedLabel, setSelectedLabel] = useState(initialName ?? "");
  const search = input.trim() && input !== selectedLabel ? input.trim() : undefined;
  return { input, setInput, selectedLabel, setSelectedLabel, search };
}

function SearchCombo({
  label,
  description,
  value,
  onChange,
  isRequired,
  errorMessage,
  autoFocus,
  text,
  hits: found,
  menuTrigger = "focus",
}: PickerProps & { text: ReturnType<typeof useSearchText>; hits: Hit[]; menuTrigger?: "focus" | "input" }) {
  const hits = found.slice(0, 50);
  if (value && !hits.some((h) => h.id === value) && text.selectedLabel)
    hits.unshift({ id: value, name: text.selectedLabel, label: text.selectedLabel });

  return (
    <ComboInput
      label={label}
      description={description}
      options={hits.map((h) => ({ id: h.id, label: h.label }))}
      inputValue={text.input}
      onInputChange={(v) => {
        text.setInput(v);
        if (v === "") onChange(null);
      }}
      selectedKey={value}
      onSelectionChange={(key) => {
        const hit = hits.find((h) => h.id === key);
        if (hit) {
          text.setSelectedLabel(hit.label);
          text.setInput(hit.label);
          onChange({ id: hit.id, name: hit.name });
        }
      }}
      isRequired={isRequired}
      errorMessage={errorMessage}
      autoFocus={autoFocus}
      menuTrigger={menuTrigger}
    />
  );
}
