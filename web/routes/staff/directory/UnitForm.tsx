/** The form for a unit's master data and, for sites, the site data (address, hours, access). */
import { type CalendarDate, parseDate, parseTime, type Time } from "@internationalized/date";
import { useState } from "react";
import { Button, CheckboxGroup, Label } from "react-aria-components";
import { useTranslation } from "react-i18next";
import { fieldsOfAction, siteChannels } from "../../../../common/domain/units.js";
import { ApiError } from "../../../api/client.js";
import { fetchPostcode, useProviders } from "../../../api/hooks.js";
import type { Site, UnitDetail, UnitType } from "../../../api/types.js";
import { ComboInput } from "../../../components/combo-field.js";
import { DateInputField, TimeInputField } from "../../../components/date-fields.js";
import { CheckboxInput, TextAreaInput, TextInput } from "../../../components/fields.js";
import { shortTime } from "../../../components/format.js";
import { SelectInput } from "../../../components/select-field.js";

type HoursRow = { key: number; weekday: number; opens: Time | null; closes: Time | null };
const accessibilityKeys = ["stepFree", "accessibleToilet", "elevator", "hearingLoop", "parking"] as const;

export type UnitFormState = {
  name: string;
  shortName: string;
  description: string;
  providerId: string | null;
  providerName: string;
  fieldOfAction: string | null;
  openedOn: CalendarDate | null;
  site: {
    street: string;
    postcode: string;
    city: string;
    latitude: number | null;
    longitude: number | null;
    phone: string;
    email: string;
    website: string;
    languages: string;
    channels: string[];
    openingHours: HoursRow[];
    accessibility: Record<(typeof accessibilityKeys)[number], boolean>;
    accessibilityNotes: string;
    directions: string;
  };
};

let rowKey = 0;

function safeParseTime(value: string | null | undefined): Time | null {
  try {
    return value ? parseTime(shortTime(value)) : null;
  } catch {
    return null;
  }
}

function safeParseDate(value: string | null | undefined): CalendarDate | null {
  try {
    return value ? parseDate(value.slice(0, 10)) : null;
  } catch {
    return null;
  }
}

export function formStateFrom(unit: UnitDetail | null): UnitFormState {
  const site: Partial<Site> = unit?.site ?? {};
  return {
    name: unit?.name ?? "",
    shortName: unit?.shortName ?? "",
    description: unit?.description ?? "",
    providerId: unit?.providerId ?? null,
    providerName: unit?.providerName ?? "",
    fieldOfAction: unit?.fieldOfAction ?? null,
    openedOn: safeParseDate(unit?.openedOn),
    site: {
      street: site.street ?? "",
      postcode: site.postcode ?? "",
      city: site.city ?? "",
      latitude: site.latitude ?? null,
      longitude: site.longitude ?? null,
      phone: site.phone ?? "",
      email: site.email ?? "",
      website: site.website ?? "",
      languages: (site.languages ?? []).join(", "),
      channels: [...(site.channels ?? [])],
      openingHours: (site.openingHours ?? []).map((h) => ({
        key: ++rowKey,
        weekday: h.weekday,
        opens: safeParseTime(h.opens),
        closes: safeParseTime(h.closes),
      })),
      accessibility: {
        stepFree: site.accessibility?.stepFree ?? false,
        accessibleToilet: site.accessibility?.accessibleToilet ?? false,
        elevator: site.accessibility?.elevator ?? false,
        hearingLoop: site.accessibility?.hearingLoop ?? false,
        parking: site.accessibility?.parking ?? false,
      },
      accessibilityNotes: site.accessibility?.notes ?? "",
      directions: site.directions ?? "",
    },
  };
}

const orNull = (v: string) => (v.trim() === "" ? null : v.trim());

/** The request body fields (without version / type / parentId). */
export function bodyFrom(state: UnitFormState, type: UnitType, timeZone = "Europe/Berlin"): Record<string, unknown> {
  const body: Record<string, unknown> = {
    name: state.name.trim(),
    shortName: orNull(state.shortName),
    description: orNull(state.description),
  };
  if (state.openedOn) body.openedOn = state.openedOn.toString();
  if (state.providerId) body.providerId = state.providerId;
  else if (state.providerName.trim()) body.providerName = state.providerName.trim();
  if (type === "sub_project" && state.fieldOfAction) body.fieldOfAction = state.fieldOfAction;
  if (type === "site") {
    const s = state.site;
    body.site = {
      street: orNull(s.street),
      postcode: orNull(s.postcode),
      // City is required for a site: an empty field is left out so the server names it.
      ...(s.city.trim() ? { city: s.city.trim() } : {}),
      latitude: s.latitude,
      longitude: s.longitude,
      phone: orNull(s.phone),
      email: orNull(s.email),
      website: orNull(s.website),
      languages: s.languages
        .split(/[,;\s]+/)
        .map((l) => l.trim().toLowerCase())
        .filter(Boolean),
      channels: s.channels,
      openingHours: s.openingHours
        .filter((h) => h.opens && h.closes)
        .map((h) => ({ weekday: h.weekday, opens: shortTime(h.opens!.toString()), closes: shortTime(h.closes!.toString()) })),
      accessibility: { ...s.accessibility, notes: orNull(s.accessibilityNotes) },
      directions: orNull(s.directions),
      timeZone,
    };
  }
  return body;
}

export function UnitFormFields({
  type,
  state,
  onChange,
  error,
}: {
  type: UnitType;
  state: UnitFormState;
  onChange: (next: UnitFormState) => void;
  error: unknown;
}) {
  const { t } = useTranslation();
  const fieldError = (field: string) => (error instanceof ApiError ? error.fieldMessage(field) : undefined);
  const set = <K extends keyof UnitFormState>(key: K, value: UnitFormState[K]) => onChange({ ...state, [key]: value });
  const patchSite = (patch: Partial<UnitFormState["site"]>) => onChange({ ...state, site: { ...state.site, ...patch } });
  const providers = useProviders(state.providerName.trim());
  const providerOptions = (providers.data?.items ?? []).slice(0, 30).map((p) => ({ id: p.id, label: p.name }));

  return (
    <>
      <fieldset className="fieldset">
        <legend>{t("directory.sections.master")}</legend>
        <TextInput
          label={t("directory.fields.name")}
          value={state.name}
          onChange={(v) => set("name", v)}
          isRequired
          validate={(v) => (v.trim() ? null : t("validation.required"))}
          errorMessage={fieldError("name")}
        />
        <TextInput
          label={t("directory.fields.shortName")}
          value={state.shortName}
          onChange={(v) => set("shortName", v)}
          errorMessage={fieldError("shortName")}
        />
        <ComboInput
          label={t("directory.fields.provider")}
          description={t("directory.form.providerHint")}
          options={providerOptions}
          allowsCustomValue
          inputValue={state.providerName}
          onInputChange={(v) => onChange({ ...state, providerName: v, providerId: providerOptions.find((p) => p.label === v)?.id ?? null })}
          selectedKey={state.providerId}
          onSelectionChange={(key) => {
            const option = providerOptions.find((p) => p.id === key);
            onChange({ ...state, providerId: option?.id ?? null, providerName: option?.label ?? state.providerName });
          }}
          errorMessage={fieldError("providerName") ?? fieldError("providerId")}
        />
        {type === "sub_project" && (
          <SelectInput
            label={t("directory.fields.fieldOfAction")}
            options={fieldsOfAction.map((f) => ({ id: f, label: t(`fieldsOfAction.${f}`) }))}
            selectedKey={state.fieldOfAction}
            onSelectionChange={(k) => set("fieldOfAction", k ? String(k) : null)}
            errorMessage={fieldError("fieldOfAction")}
          />
        )}
        <DateInputField
          label={t("directory.fields.openedOn")}
          value={state.openedOn}
          onChange={(v) => set("openedOn", v)}
          errorMessage={fieldError("openedOn")}
        />
        <TextAreaInput
          label={t("directory.fields.description")}
          value={state.description}
          onChange={(v) => set("description", v)}
          errorMessage={fieldError("description")}
        />
      </fieldset>

      {type === "site" && <SiteFields state={state} patchSite={patchSite} fieldError={fieldError} />}
    </>
  );
}

function SiteFields({
  state,
  patchSite,
  fieldError,
}: {
  state: UnitFormState;
  patchSite: (patch: Partial<UnitFormState["site"]>) => void;
  fieldError: (field: string) => string | undefined;
}) {
  const { t } = useTranslation();
  const site = state.site;
  const setSite = <K extends keyof UnitFormState["site"]>(key: K, value: UnitFormState["site"][K]) =>
    patchSite({ [key]: value } as Partial<UnitFormState["site"]>);
  const [postcodeHint, setPostcodeHint] = useState<string | null>(null);

  const lookUpPostcode = async () => {
    if (!/^\d{5}$/.test(site.postcode)) return;
    try {
      const { items } = await fetchPostcode(site.postcode);
      const place = items[0];
      if (!place) {
        setPostcodeHint(t("directory.form.postcodeUnknown"));
        return;
      }
      setPostcodeHint(t("directory.form.postcodeFound", { place: place.place }));
      patchSite({ city: site.city.trim() ? site.city : place.place, latitude: place.latitude, longitude: place.longitude });
    } catch {
      setPostcodeHint(null);
    }
  };

  const hours = site.openingHours;
  const setHours = (next: HoursRow[]) => setSite("openingHours", next);
  const updateRow = (key: number, patch: Partial<HoursRow>) => setHours(hours.map((h) => (h.key === key ? { ...h, ...patch } : h)));
  const weekdayOptions = [1, 2, 3, 4, 5, 6, 7].map((d) => ({ id: String(d), label: t(`weekdays.${d}`) }));

  return (
    <>
      <fieldset className="fieldset">
        <legend>{t("directory.form.address")}</legend>
        <TextInput
          label={t("directory.fields.street")}
          value={site.street}
          onChange={(v) => setSite("street", v)}
          autoComplete="street-address"
          errorMessage={fieldError("site.street")}
        />
        <div className="field-row">
          <TextInput
            label={t("directory.fields.postcode")}
            value={site.postcode}
            onChange={(v) => setSite("postcode", v.replace(/\D/g, "").slice(0, 5))}
            onBlur={() => void lookUpPostcode()}
            inputMode="numeric"
            autoComplete="postal-code"
            description={postcodeHint ?? undefined}
            errorMessage={fieldError("site.postcode")}
          />
          <TextInput
            label={t("directory.fields.city")}
            value={site.city}
            onChange={(v) => setSite("city", v)}
            autoComplete="address-level2"
            errorMessage={fieldError("site.city")}
          />
        </div>
        <TextAreaInput
          label={t("directory.fields.directions")}
          value={site.directions}
          onChange={(v) => setSite("directions", v)}
          errorMessage={fieldError("site.directions")}
        />
      </fieldset>

      <fieldset className="fieldset">
        <legend>{t("directory.form.contact")}</legend>
        <TextInput
          label={t("directory.fields.phone")}
          type="tel"
          value={site.phone}
          onChange={(v) => setSite("phone", v)}
          errorMessage={fieldError("site.phone")}
        />
        <TextInput
          label={t("directory.fields.email")}
          type="email"
          value={site.email}
          onChange={(v) => setSite("email", v)}
          errorMessage={fieldError("site.email")}
        />
        <TextInput
          label={t("directory.fields.website")}
          type="url"
          value={site.website}
          onChange={(v) => setSite("website", v)}
          errorMessage={fieldError("site.website")}
        />
        <TextInput
          label={t("directory.fields.languages")}
          description={t("directory.form.languagesHint")}
          value={site.languages}
          onChange={(v) => setSite("languages", v)}
          errorMessage={fieldError("site.languages")}
        />
        <CheckboxGroup className="field checkbox-group" value={site.channels} onChange={(v) => setSite("channels", v)}>
          <Label>{t("directory.fields.channels")}</Label>
          {siteChannels.map((c) => (
            <CheckboxInput key={c} value={c}>
              {t(`channels.${c}`)}
            </CheckboxInput>
          ))}
        </CheckboxGroup>
      </fieldset>

      <fieldset className="fieldset">
        <legend>{t("directory.fields.openingHours")}</legend>
        {hours.length === 0 && <p className="muted">{t("directory.noOpeningHours")}</p>}
        <ul className="hours-rows">
          {hours.map((h, index) => (
            <li key={h.key} className="hours-row">
              <SelectInput
                label={t("directory.form.weekdayN", { n: index + 1 })}
                options={weekdayOptions}
                selectedKey={String(h.weekday)}
                onSelectionChange={(k) => updateRow(h.key, { weekday: Number(k) })}
              />
              <TimeInputField
                label={t("directory.form.opens")}
                value={h.opens}
                onChange={(v) => updateRow(h.key, { opens: v })}
                hourCycle={24}
                isRequired
              />
              <TimeInputField
                label={t("directory.form.closes")}
                value={h.closes}
                onChange={(v) => updateRow(h.key, { closes: v })}
                hourCycle={24}
                isRequired
              />
              <Button className="button button-quiet" onPress={() => setHours(hours.filter((x) => x.key !== h.key))}>
                {t("directory.form.removeHours", { n: index + 1 })}
              </Button>
            </li>
          ))}
        </ul>
        {fieldError("site.openingHours") && (
          <p className="field-error" role="alert">
            {fieldError("site.openingHours")}
          </p>
        )}
        <Button
          className="button button-secondary"
          onPress={() => {
            const last = hours[hours.length - 1];
            setHours([
              ...hours,
              {
                key: ++rowKey,
                weekday: last ? Math.min(7, last.weekday + 1) : 1,
                opens: last?.opens ?? parseTime("09:00"),
                closes: last?.closes ?? parseTime("16:00"),
              },
            ]);
          }}
        >
          {t("directory.form.addHours")}
        </Button>
      </fieldset>

      <fieldset className="fieldset">
        <legend>{t("directory.fields.accessibility")}</legend>
        {accessibilityKeys.map((k) => (
          <CheckboxInput
            key={k}
            isSelected={site.accessibility[k]}
            onChange={(v) => setSite("accessibility", { ...site.accessibility, [k]: v })}
          >
            {t(`accessibility.${k}`)}
          </CheckboxInput>
        ))}
        <TextAreaInput
          label={t("directory.form.accessibilityNotes")}
          value={site.accessibilityNotes}
          onChange={(v) => setSite("accessibilityNotes", v)}
        />
      </fieldset>
    </>
  );
}

/**
 * Only what the user changed (the site one level down): PATCH leaves everything else as it
 * is, so an edit does not trip over an old value that today's rules would reject.
 */
export function changedFields(before: Record<string, unknown>, after: Record<string, unknown>): Record<string, unknown> {
  const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
  const result: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(after)) {
    if (key === "site" && typeof value === "object" && value && typeof before.site === "object" && before.site) {
      const prev = before.site as Record<string, unknown>;
      const site = Object.fromEntries(Object.entries(value).filter(([k, v]) => !same(prev[k], v)));
      if (Object.keys(site).length) result.site = site;
    } else if (!same(before[key], value)) {
      result[key] = value;
    }
  }
  return result;
}
