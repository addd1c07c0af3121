/**
 * The fields of a consultation, shared by recording and editing. Which subject fields show
 * depends on the sub-project's field of action: reference profession and topics for recognition
 * and qualification counseling, reasons and employer sector for Faire Integration.
 */
import { type CalendarDate, parseDate } from "@internationalized/date";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import {
  type ConsultationChannel,
  consultationChannels,
  consultationTopics,
  EARLIEST_CONSULTATION_DATE,
  employerSectors,
  fiReasons,
  recognitionFields,
} from "../../../../common/domain/consultations.js";
import type { FieldOfAction } from "../../../../common/domain/units.js";
import { ApiError } from "../../../api/client.js";
import { useSession, useUnit, useUnits } from "../../../api/hooks.js";
import type { Consultation, NewConsultation } from "../../../api/records.js";
import { DateInputField } from "../../../components/date-fields.js";
import { CheckboxGroupInput, CheckboxInput, RadioGroupInput, TextAreaInput, TextInput } from "../../../components/fields.js";
import { todayInBerlin } from "../../../components/format.js";
import { languageOptions } from "../../../components/names.js";
import { MultiPicker } from "../../../components/pickers.js";
import { SelectInput } from "../../../components/select-field.js";
import { caseworkUnits } from "../../../session/access.js";
import { fieldErrorOf } from "../clients/ClientForm.js";
import { type ProfessionRef, ReferenceProfessionPicker } from "./ReferenceProfessionPicker.js";

export type ConsultationFormState = {
  date: CalendarDate | null;
  unitId: string | null;
  siteId: string | null;
  channel: ConsultationChannel;
  languages: string[];
  interpreter: boolean;
  duration: string;
  profession: ProfessionRef | null;
  topics: string[];
  nextSteps: string;
  fiReasons: string[];
  fiReasonOther: string;
  employerSector: string | null;
};

/** The body fields the form edits (kind is handled by the page: chosen by the server or edited). */
type ConsultationBody = Omit<NewConsultation, "clientId" | "kind">;

const NO_SITE = "none";
const NO_SECTOR = "none";

export function stateFromConsultation(c: Consultation): ConsultationFormState {
  return {
    date: parseDate(c.date),
    unitId: c.unitId,
    siteId: c.siteId,
    channel: c.channel,
    languages: [...c.languages],
    interpreter: c.interpreter,
    duration: c.durationMinutes === null ? "" : String(c.durationMinutes),
    profession: c.referenceProfession,
    topics: [...c.topics],
    nextSteps: c.nextSteps ?? "",
    fiReasons: [...c.fiReasons],
    fiReasonOther: c.fiReasonOther ?? "",
    employerSector: c.employerSector,
  };
}

/** What is sent: subject fields only for the unit's field of action, so a change of unit leaves none behind. */
export function bodyFrom(s: ConsultationFormState, fieldOfAction: FieldOfAction | null): ConsultationBody {
  const recognition = fieldOfAction !== null && recognitionFields.includes(fieldOfAction);
  const fi = fieldOfAction === "faire_integration";
  const duration = s.duration.trim();
  return {
    date: s.date?.toString() ?? "",
    ...(s.unitId ? { unitId: s.unitId } : {}),
    siteId: s.siteId,
    channel: s.channel,
    languages: s.languages,
    interpreter: s.interpreter,
    durationMinutes: duration ? Number(duration) : null,
    referenceProfessionId: recognition ? (s.profession?.id ?? null) : null,
    topics: recognition ? (s.topics as ConsultationBody["topics"]) : [],
    nextSteps: s.nextSteps.trim() || null,
    fiReasons: fi ? (s.fiReasons as ConsultationBody["fiReasons"]) : [],
    fiReasonOther: fi && s.fiReasons.includes("other") ? s.fiReasonOther.trim() || null : null,
    employerSector: fi ? ((s.employerSector as ConsultationBody["employerSector"]) ?? null) : null,
  };
}

/** The field of action of the chosen sub-project (from the directory), null while unknown. */
export function useFieldOfAction(unitId: string | null): FieldOfAction | null {
  const unit = useUnit(unitId ?? "");
  return unitId ? (unit.data?.fieldOfAction ?? null) : null;
}

/** Fields the form shows: an error on any other field is listed above the form instead. */
export const consultationFormFields = new Set([
  "kind",
  "date",
  "unitId",
  "siteId",
  "channel",
  "languages",
  "interpreter",
  "durationMinutes",
  "referenceProfessionId",
  "topics",
  "nextSteps",
  "fiReasons",
  "fiReasonOther",
  "employerSector",
]);

export function ConsultationFields({
  state,
  onChange,
  error,
  fieldOfAction,
  kindField,
  dateExtra,
}: {
  state: ConsultationFormState;
  onChange: (next: ConsultationFormState) => void;
  error: unknown;
  fieldOfAction: FieldOfAction | null;
  /** The kind: shown as text when recording, a choice when editing. */
  kindField: ReactNode;
  /** Under the date: e.g. a link to the consultation a date error is about. */
  dateExtra?: ReactNode;
}) {
  const { t, i18n } = useTranslation();
  const fieldError = fieldErrorOf(error);
  const set = <K extends keyof ConsultationFormState>(key: K, value: ConsultationFormState[K]) => onChange({ ...state, [key]: value });
  const recognition = fieldOfAction !== null && recognitionFields.includes(fieldOfAction);
  const fi = fieldOfAction === "faire_integration";
  return (
    <>
      <fieldset className="fieldset">
        <legend>{t("consultations.sections.contact")}</legend>
        <div className="field-grid">
          <div className="field-stack">
            <DateInputField
              label={t("consultations.fields.date")}
              value={state.date}
              onChange={(v) => set("date", v)}
              minValue={parseDate(EARLIEST_CONSULTATION_DATE)}
              maxValue={parseDate(todayInBerlin())}
              isRequired
              autoFocus
              errorMessage={fieldError("date")}
            />
            {dateExtra}
          </div>
          {kindField}
        </div>
        <UnitFields state={state} onChange={onChange} error={error} />
        <RadioGroupInput
          label={t("consultations.fields.channel")}
          options={consultationChannels.map((c) => ({ id: c, label: t(`consultations.codes.channels.${c}`) }))}
          value={state.channel}
          onChange={(v) => set("channel", v as ConsultationChannel)}
          errorMessage={fieldError("channel")}
        />
        <MultiPicker
          label={t("consultations.fields.languages")}
          chosenLabel={t("consultations.form.chosenLanguages")}
          description={t("consultations.form.languagesHint")}
          options={languageOptions(i18n.language)}
          value={state.languages}
          onChange={(v) => set("languages", v)}
          max={10}
          errorMessage={fieldError("languages")}
        />
        <div className="field-grid">
          <TextInput
            label={t("consultations.fields.durationMinutes")}
            description={t("consultations.form.durationHint")}
            value={state.duration}
            onChange={(v) => set("duration", v)}
            inputProps={{ inputMode: "numeric", autoComplete: "off" }}
            validate={(v) => {
              const n = Number(v.trim());
              return v.trim() === "" || (/^\d{1,4}$/.test(v.trim()) && n >= 1 && n <= 1440)
                ? null
                : t("consultations.form.durationInvalid");
            }}
            errorMessage={fieldError("durationMinutes")}
          />
          <div className="field checkbox-cell">
            <CheckboxInput isSelected={state.interpreter} onChange={(v) => set("interpreter", v)}>
              {t("consultations.fields.interpreter")}
            </CheckboxInput>
          </div>
        </div>
      </fieldset>

      {recognition && (
        <fieldset className="fieldset">
          <legend>{t("consultations.sections.recognition")}</legend>
          <ReferenceProfessionPicker
            value={state.profession}
            onChange={(v) => set("profession", v)}
            errorMessage={fieldError("referenceProfessionId")}
          />
          <CheckboxGroupInput
            label={t("consultations.fields.topics")}
            options={consultationTopics.map((c) => ({ id: c, label: t(`consultations.codes.topics.${c}`) }))}
            value={state.topics}
            onChange={(v) => set("topics", v)}
            errorMessage={fieldError("topics")}
          />
        </fieldset>
      )}

      {fi && (
        <fieldset className="fieldset">
          <legend>{t("consultations.sections.fi")}</legend>
          <CheckboxGroupInput
            label={t("consultations.fields.fiReasons")}
            description={t("consultations.form.fiReasonsHint")}
            options={fiReasons.map((c) => ({ id: c, label: t(`consultations.codes.fiReasons.${c}`) }))}
            value={state.fiReasons}
            onChange={(v) => set("fiReasons", v)}
            isRequired
            validate={(v) => (v.length ? null : t("consultations.form.fiReasonsRequired"))}
            errorMessage={fieldError("fiReasons")}
          />
          {state.fiReasons.includes("other") && (
            <TextInput
              label={t("consultations.fields.fiReasonOther")}
              value={state.fiReasonOther}
              onChange={(v) => set("fiReasonOther", v)}
              isRequired
              maxLength={500}
              validate={(v) => (v.trim() ? null : t("consultations.form.fiReasonOtherRequired"))}
              errorMessage={fieldError("fiReasonOther")}
            />
          )}
          <SelectInput
            label={t("consultations.fields.employerSector")}
            options={[
              { id: NO_SECTOR, label: t("consultations.form.notStated") },
              ...employerSectors.map((c) => ({ id: c, label: t(`consultations.codes.employerSectors.${c}`) })),
            ]}
            selectedKey={state.employerSector ?? NO_SECTOR}
            onSelectionChange={(k) => set("employerSector", k && k !== NO_SECTOR ? String(k) : null)}
            errorMessage={fieldError("employerSector")}
          />
        </fieldset>
      )}

      <TextAreaInput
        label={t("consultations.fields.nextSteps")}
        description={t("consultations.form.nextStepsHint")}
        value={state.nextSteps}
        onChange={(v) => set("nextSteps", v)}
        maxLength={2000}
        errorMessage={fieldError("nextSteps")}
      />
    </>
  );
}

/**
 * Sub-project and site. With casework in one sub-project only the site (if it has any) is a
 * choice; the sub-project is named so the counselor knows where the contact is counted.
 */
function UnitFields({
  state,
  onChange,
  error,
}: {
  state: ConsultationFormState;
  onChange: (next: ConsultationFormState) => void;
  error: unknown;
}) {
  const { t } = useTranslation();
  const fieldError = fieldErrorOf(error);
  const user = useSession().data!.user;
  const own = caseworkUnits(user).filter((u) => u.unitType === "sub_project");
  const unit = useUnit(state.unitId ?? "");
  const sites = useUnits({ parentId: state.unitId ?? undefined, type: "site" }, Boolean(state.unitId));
  const openSites = (sites.data?.items ?? []).filter((s) => !s.closedOn && s.parentId === state.unitId);
  const options = own.map((u) => ({ id: u.unitId, label: u.unitName }));
  if (state.unitId && !options.some((o) => o.id === state.unitId)) {
    options.unshift({ id: state.unitId, label: unit.data?.name ?? state.unitId });
  }

  return (
    <div className="field-grid">
      {options.length > 1 || fieldError("unitId") ? (
        <SelectInput
          label={t("consultations.fields.unit")}
          options={options}
          selectedKey={state.unitId}
          onSelectionChange={(k) => onChange({ ...state, unitId: k ? String(k) : null, siteId: null })}
          isRequired
          validate={(k) => (k ? null : t("validation.chooseOption"))}
          errorMessage={fieldError("unitId")}
        />
      ) : (
        <div className="field">
          <span className="field-label">{t("consultations.fields.unit")}</span>
          <span>{options[0]?.label ?? "–"}</span>
        </div>
      )}
      {(openSites.length > 0 || state.siteId) && (
        <SelectInput
          label={t("consultations.fields.site")}
          options={[
            { id: NO_SITE, label: t("consultations.form.noSite") },
            ...openSites.map((s) => ({ id: s.id, label: s.name })),
            ...(state.siteId && !openSites.some((s) => s.id === state.siteId)
              ? [{ id: state.siteId, label: t("consultations.form.otherSite") }]
              : []),
          ]}
          selectedKey={state.siteId ?? NO_SITE}
          onSelectionChange={(k) => onChange({ ...state, siteId: k && k !== NO_SITE ? String(k) : null })}
          errorMessage={fieldError("siteId")}
        />
      )}
    </div>
  );
}

/** Problem details of the first-consultation rule: the code and the consultation in the way. */
export function periodProblem(error: unknown): { code: string; field: string; existingId?: string; existingDate?: string } | null {
  if (!(error instanceof ApiError) || error.status !== 409) return null;
  const first = error.problem.errors?.find((e) =>
    ["first_consultation_exists", "first_consultation_missing", "before_first_consultation"].includes(e.code),
  );
  if (!first) return null;
  const extra = error.problem as unknown as { existingConsultationId?: string; existingConsultationDate?: string };
  return { code: first.code, field: first.field, existingId: extra.existingConsultationId, existingDate: extra.existingConsultationDate };
}
