/** The fields of a client record, shared by the create and the edit page. */
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import {
  type EmploymentStatus,
  employmentStatuses,
  type Gender,
  type GermanLevel,
  genders,
  germanLevels,
  type QualificationKind,
  qualificationKinds,
  type ResidenceStatus,
  residenceStatuses,
} from "../../../../common/domain/clients.js";
import { ApiError } from "../../../api/client.js";
import type { Client, NewClient } from "../../../api/types.js";
import { RadioGroupInput, TextInput } from "../../../components/fields.js";
import { countryOptions, languageOptions } from "../../../components/names.js";
import { MultiPicker, SinglePicker } from "../../../components/pickers.js";
import { SelectInput } from "../../../components/select-field.js";

export type ClientFormState = {
  firstName: string;
  lastName: string;
  email: string;
  phone: string;
  preferredLanguages: string[];
  birthYear: string;
  gender: Gender;
  nationalities: string[];
  postcode: string;
  refugeeBackground: "yes" | "no" | "not_stated";
  residenceStatus: ResidenceStatus;
  germanLevel: GermanLevel;
  qualificationCountry: string | null;
  qualificationKind: QualificationKind;
  qualificationYear: string;
  employmentStatus: EmploymentStatus;
};

export function formStateFrom(client: Client | null): ClientFormState {
  return {
    firstName: client?.firstName ?? "",
    lastName: client?.lastName ?? "",
    email: client?.email ?? "",
    phone: client?.phone ?? "",
    preferredLanguages: [...(client?.preferredLanguages ?? [])],
    birthYear: client ? String(client.birthYear) : "",
    gender: client?.gender ?? "not_stated",
    nationalities: [...(client?.nationalities ?? [])],
    postcode: client?.postcode ?? "",
    refugeeBackground: client?.refugeeBackground === true ? "yes" : client?.refugeeBackground === false ? "no" : "not_stated",
    residenceStatus: client?.residenceStatus ?? "not_stated",
    germanLevel: client?.germanLevel ?? "not_stated",
    qualificationCountry: client?.qualificationCountry ?? null,
    qualificationKind: client?.qualificationKind ?? "not_stated",
    qualificationYear: client?.qualificationYear ? String(client.qualificationYear) : "",
    employmentStatus: client?.employmentStatus ?? "not_stated",
  };
}

const orNull = (v: string) => (v.trim() === "" ? null : v.trim());
const yearOrNull = (v: string) => (/^\d{4}$/.test(v.trim()) ? Number(v.trim()) : null);

/** The record's fields as the API takes them (without version, unit and consent). */
export type ClientBody = Omit<NewClient, "unitId" | "consent">;

export function bodyFrom(s: ClientFormState): ClientBody {
  return {
    firstName: s.firstName.trim(),
    lastName: s.lastName.trim(),
    email: orNull(s.email),
    phone: orNull(s.phone),
    preferredLanguages: s.preferredLanguages,
    birthYear: Number(s.birthYear.trim()),
    gender: s.gender,
    nationalities: s.nationalities,
    postcode: orNull(s.postcode),
    refugeeBackground: s.refugeeBackground === "not_stated" ? null : s.refugeeBackground === "yes",
    residenceStatus: s.residenceStatus,
    germanLevel: s.germanLevel,
    qualificationCountry: s.qualificationCountry,
    qualificationKind: s.qualificationKind,
    qualificationYear: yearOrNull(s.qualificationYear),
    employmentStatus: s.employmentStatus,
  };
}

/** Only what the user changed: PATCH leaves everything else as it is. */
export function changedFields<T extends Record<string, unknown>>(before: T, after: T): Partial<T> {
  const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
  return Object.fromEntries(Object.entries(after).filter(([key, value]) => !same(before[key], value))) as Partial<T>;
}

/** The server's message for a field, also for items of a list ("nationalities.1"). */
export function fieldErrorOf(error: unknown) {
  return (field: string): string | undefined => {
    if (!(error instanceof ApiError)) return undefined;
    return error.problem.errors?.find((e) => e.field === field || e.field.startsWith(`${field}.`))?.message;
  };
}

/** Fields the form shows: an error on any other field is listed above the form instead. */
export const formFields = new Set([
  "firstName",
  "lastName",
  "email",
  "phone",
  "preferredLanguages",
  "birthYear",
  "gender",
  "nationalities",
  "postcode",
  "refugeeBackground",
  "residenceStatus",
  "germanLevel",
  "qualificationCountry",
  "qualificationKind",
  "qualificationYear",
  "employmentStatus",
]);

export function ClientFormFields({
  state,
  onChange,
  error,
  onNameOrYearBlur,
  afterBirthYear,
}: {
  state: ClientFormState;
  onChange: (next: ClientFormState) => void;
  error: unknown;
  /** Called when a name or the birth year loses focus (the duplicate check). */
  onNameOrYearBlur?: () => void;
  /** Shown right below the birth year (the duplicate hint). */
  afterBirthYear?: ReactNode;
}) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const fieldError = fieldErrorOf(error);
  const set = <K extends keyof ClientFormState>(key: K, value: ClientFormState[K]) => onChange({ ...state, [key]: value });
  const codeOptions = (list: string, codes: readonly string[]) => codes.map((c) => ({ id: c, label: t(`clients.codes.${list}.${c}`) }));
  const thisYear = new Date().getFullYear();
  const validYear = (v: string, required: boolean) => {
    if (!v.trim()) return required ? t("validation.required") : null;
    const year = Number(v);
    return /^\d{4}$/.test(v.trim()) && year >= 1900 && year <= thisYear ? null : t("clients.form.yearRange", { max: thisYear });
  };
  const countries = countryOptions(lang);

  return (
    <>
      <fieldset className="fieldset">
        <legend>{t("clients.sections.person")}</legend>
        <div className="field-grid">
          <TextInput
            label={t("clients.fields.firstName")}
            value={state.firstName}
            onChange={(v) => set("firstName", v)}
            onBlur={onNameOrYearBlur}
            isRequired
            validate={(v) => (v.trim() ? null : t("validation.required"))}
            errorMessage={fieldError("firstName")}
            inputProps={{ autoComplete: "off" }}
          />
          <TextInput
            label={t("clients.fields.lastName")}
            value={state.lastName}
            onChange={(v) => set("lastName", v)}
            onBlur={onNameOrYearBlur}
            isRequired
            validate={(v) => (v.trim() ? null : t("validation.required"))}
            errorMessage={fieldError("lastName")}
            inputProps={{ autoComplete: "off" }}
          />
          <TextInput
            label={t("clients.fields.email")}
            type="email"
            value={state.email}
            onChange={(v) => set("email", v)}
            errorMessage={fieldError("email")}
            inputProps={{ autoComplete: "off" }}
          />
          <TextInput
            label={t("clients.fields.phone")}
            type="tel"
            value={state.phone}
            onChange={(v) => set("phone", v)}
            errorMessage={fieldError("phone")}
            inputProps={{ autoComplete: "off" }}
          />
        </div>
        <MultiPicker
          label={t("clients.fields.preferredLanguages")}
          chosenLabel={t("clients.form.chosenLanguages")}
          description={t("clients.form.languagesHint")}
          options={languageOptions(lang)}
          value={state.preferredLanguages}
          onChange={(v) => set("preferredLanguages", v)}
          max={10}
          errorMessage={fieldError("preferredLanguages")}
        />
      </fieldset>

      <fieldset className="fieldset">
        <legend>{t("clients.sections.statistics")}</legend>
        <p className="muted small fieldset-intro">{t("clients.form.statisticsHint")}</p>
        <div className="field-grid">
          <TextInput
            label={t("clients.fields.birthYear")}
            value={state.birthYear}
            onChange={(v) => set("birthYear", v.replace(/\D/g, "").slice(0, 4))}
            onBlur={onNameOrYearBlur}
            inputMode="numeric"
            isRequired
            validate={(v) => validYear(v, true)}
            errorMessage={fieldError("birthYear")}
            inputProps={{ autoComplete: "off" }}
          />
          <SelectInput
            label={t("clients.fields.gender")}
            options={codeOptions("genders", genders)}
            selectedKey={state.gender}
            onSelectionChange={(k) => k && set("gender", k as Gender)}
            errorMessage={fieldError("gender")}
          />
        </div>
        {afterBirthYear}
        <MultiPicker
          label={t("clients.fields.nationalities")}
          chosenLabel={t("clients.form.chosenNationalities")}
          description={t("clients.form.nationalitiesHint")}
          options={countries}
          value={state.nationalities}
          onChange={(v) => set("nationalities", v)}
          max={5}
          errorMessage={fieldError("nationalities")}
        />
        <div className="field-grid">
          <TextInput
            label={t("clients.fields.postcode")}
            description={t("clients.form.postcodeHint")}
            value={state.postcode}
            onChange={(v) => set("postcode", v.replace(/\D/g, "").slice(0, 5))}
            inputMode="numeric"
            validate={(v) => (v === "" || /^\d{5}$/.test(v) ? null : t("clients.form.postcodeFormat"))}
            errorMessage={fieldError("postcode")}
            inputProps={{ autoComplete: "off" }}
          />
          <SelectInput
            label={t("clients.fields.residenceStatus")}
            options={codeOptions("residenceStatuses", residenceStatuses)}
            selectedKey={state.residenceStatus}
            onSelectionChange={(k) => k && set("residenceStatus", k as ResidenceStatus)}
            errorMessage={fieldError("residenceStatus")}
          />
        </div>
        <RadioGroupInput
          label={t("clients.fields.refugeeBackground")}
          options={[
            { id: "yes", label: t("clients.answers.yes") },
            { id: "no", label: t("clients.answers.no") },
            { id: "not_stated", label: t("clients.answers.notStated") },
          ]}
          value={state.refugeeBackground}
          onChange={(v) => set("refugeeBackground", v as ClientFormState["refugeeBackground"])}
          orientation="horizontal"
          errorMessage={fieldError("refugeeBackground")}
        />
        <div className="field-grid">
          <SelectInput
            label={t("clients.fields.germanLevel")}
            options={codeOptions("germanLevels", germanLevels)}
            selectedKey={state.germanLevel}
            onSelectionChange={(k) => k && set("germanLevel", k as GermanLevel)}
            errorMessage={fieldError("germanLevel")}
          />
          <SelectInput
            label={t("clients.fields.employmentStatus")}
            options={codeOptions("employmentStatuses", employmentStatuses)}
            selectedKey={state.employmentStatus}
            onSelectionChange={(k) => k && set("employmentStatus", k as EmploymentStatus)}
            errorMessage={fieldError("employmentStatus")}
          />
        </div>
        <div className="field-grid">
          <SinglePicker
            label={t("clients.fields.qualificationCountry")}
            options={countries}
            value={state.qualificationCountry}
            onChange={(v) => set("qualificationCountry", v)}
            errorMessage={fieldError("qualificationCountry")}
          />
          <SelectInput
            label={t("clients.fields.qualificationKind")}
            options={codeOptions("qualificationKinds", qualificationKinds)}
            selectedKey={state.qualificationKind}
            onSelectionChange={(k) => k && set("qualificationKind", k as QualificationKind)}
            errorMessage={fieldError("qualificationKind")}
          />
          <TextInput
            label={t("clients.fields.qualificationYear")}
            value={state.qualificationYear}
            onChange={(v) => set("qualificationYear", v.replace(/\D/g, "").slice(0, 4))}
            inputMode="numeric"
            validate={(v) => validYear(v, false)}
            errorMessage={fieldError("qualificationYear")}
            inputProps={{ autoComplete: "off" }}
          />
        </div>
      </fieldset>
    </>
  );
}
