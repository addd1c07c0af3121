/** A combobox that searches the directory for a unit (server-side search, first 50 hits). */
import { useState } from "react";
import { useUnits } from "../api/hooks.js";
import type { Unit, UnitType } from "../api/types.js";
import { ComboInput } from "./fields.js";

export function UnitPicker({
  label,
  description,
  value,
  initialName,
  onChange,
  filter,
  isRequired,
  errorMessage,
  type,
  autoFocus,
}: {
  label: string;
  description?: string;
  value: string | null;
  initialName?: string;
  onChange: (unit: { id: string; name: string } | null) => void;
  filter?: (unit: Unit) => boolean;
  isRequired?: boolean;
  errorMessage?: string;
  /** Only units of this type (searched on the server, so the first hits are all of it). */
  type?: UnitType;
  autoFocus?: boolean;
}) {
  const [input, setInput] = useState(initialName ?? "");
  const [selectedName, setSelectedName] = useState(initialName ?? "");
  // Search only when the text differs from the chosen unit's name.
  const search = input.trim() && input !== selectedName ? input.trim() : undefined;
  const units = useUnits({ q: search, type });
  const options = (units.data?.items ?? [])
    .filter((u) => !u.closedOn && (!filter || filter(u)))
    .slice(0, 50)
    .map((u) => ({ id: u.id, label: u.name }));
  if (value && !options.some((o) => o.id === value) && selectedName) options.unshift({ id: value, label: selectedName });

  return (
    <ComboInput
      label={label}
      description={description}
      options={options}
      inputValue={input}
      onInputChange={(v) => {
        setInput(v);
        if (v === "") onChange(null);
      }}
      selectedKey={value}
      onSelectionChange={(key) => {
        const option = options.find((o) => o.id === key);
        if (option) {
          setSelectedName(option.label);
          setInput(option.label);
          onChange({ id: option.id, name: option.label });
        }
      }}
      isRequired={isRequired}
      errorMessage={errorMessage}
      autoFocus={autoFocus}
      menuTrigger="focus"
    />
  );
}
