import { type CalendarDate, parseDate } from "@internationalized/date";
import { useState } from "react";
import { Button } from "react-aria-components";
import { useTranslation } from "react-i18next";
import { Link, useLocation, useParams } from "react-router";
import {
  type CompensationMeasure,
  compensationMeasures,
  type LegalBasis,
  legalBases,
  type ProcedureOutcome,
  procedureOutcomes,
} from "../../../../common/domain/procedures.js";
import { ApiError } from "../../../api/client.js";
import { type Procedure, useProcedure, useUpdateProcedure } from "../../../api/records.js";
import { DateInputField } from "../../../components/date-fields.js";
import { ErrorAlert, LoadFailed, Loading, Notice } from "../../../components/feedback.js";
import { RadioGroupInput, TextInput } from "../../../components/fields.js";
import { formatDate, todayInBerlin } from "../../../components/format.js";
import { PendingButton } from "../../../components/PendingButton.js";
import { usePageTitle } from "../../../components/page.js";
import { QuickForm } from "../../../components/QuickForm.js";
import { SelectInput } from "../../../components/select-field.js";
import { changedFields, fieldErrorOf } from "../clients/ClientForm.js";
import { DocumentChecklist } from "./DocumentChecklist.js";

/** /staff/procedures/:id — the procedure, its decision and "Mein Ordner", each saved at the procedure's version. */
export function ProcedureDetailPage() {
  const { id = "" } = useParams();
  const { t } = useTranslation();
  const procedure = useProcedure(id);
  usePageTitle(
    procedure.data ? t("procedures.detail.title", { profession: procedure.data.referenceProfession.name }) : t("procedures.procedure"),
  );
  const [loads, setLoads] = useState(0);
  if (procedure.isPending) return <Loading />;
  if (procedure.error) {
    return (
      <LoadFailed title={t("procedures.procedure")} error={procedure.error} backTo="/staff/clients" backLabel={t("clients.backToSearch")} />
    );
  }
  return (
    <ProcedureView
      key={loads}
      loaded={procedure.data}
      reload={async () => {
        await procedure.refetch();
        setLoads((n) => n + 1);
      }}
    />
  );
}

function ProcedureView({ loaded, reload }: { loaded: Procedure; reload: () => Promise<unknown> }) {
  const { t, i18n } = useTranslation();
  const location = useLocation();
  const arrived = (location.state ?? {}) as { created?: boolean };
  // Both forms change the same record: each sends the version of the last save seen here, so a
  // change by someone else in between is refused (409) instead of overwritten.
  const [current, setCurrent] = useState(loaded);
  const [conflict, setConflict] = useState(false);
  const onError = (error: unknown) => setConflict(error instanceof ApiError && error.code === "conflict");
  const p = current;

  return (
    <div className="procedure-page">
      <p>
        <Link to={`/staff/clients/${p.clientId}`}>{t("procedures.backToClient")}</Link>
      </p>
      {arrived.created && (
        <Notice tone="success">
          <p>{t("procedures.create.done")}</p>
        </Notice>
      )}
      <div className="page-heading with-actions">
        <div>
          <h1>{t("procedures.detail.title", { profession: p.referenceProfession.name })}</h1>
          <p className="muted">
            {t(p.referenceProfession.regulated ? "consultations.profession.regulated" : "consultations.profession.notRegulated")} ·{" "}
            {p.unit.name}
          </p>
        </div>
        <Link className="button button-secondary" to={`/staff/procedures/${p.id}/checklist`}>
          {t("procedures.detail.print")}
        </Link>
      </div>
      {conflict && (
        <div role="alert" className="alert alert-warning">
          <p>{t("procedures.detail.conflict")}</p>
          <Button className="button button-secondary" onPress={() => void reload()}>
            {t("procedures.detail.reload")}
          </Button>
        </div>
      )}
      <div className="procedure-layout">
        {p.abilities.update ? (
          <DecisionForm procedure={p} onSaved={setCurrent} onError={onError} />
        ) : (
          <section className="panel" aria-labelledby="procedure-facts">
            <h2 id="procedure-facts">{t("procedures.sections.procedure")}</h2>
            <dl className="facts">
              <Fact label={t("procedures.fields.competentAuthority")} value={p.competentAuthority} />
              <Fact label={t("procedures.fields.legalBasis")} value={t(`procedures.codes.legalBases.${p.legalBasis}`)} />
              <Fact label={t("procedures.fields.applicationDate")} value={formatDate(p.applicationDate, i18n.language)} />
              <Fact label={t("procedures.fields.outcome")} value={t(`procedures.codes.outcomes.${p.outcome}`)} />
              {p.compensationMeasure && (
                <Fact
                  label={t("procedures.fields.compensationMeasure")}
                  value={t(`procedures.codes.compensationMeasures.${p.compensationMeasure}`)}
                />
              )}
              <Fact label={t("procedures.fields.decisionDate")} value={formatDate(p.decisionDate, i18n.language)} />
            </dl>
          </section>
        )}
        <DocumentChecklist procedure={p} onSaved={setCurrent} onError={onError} />
      </div>
    </div>
  );
}

function Fact({ label, value }: { label: string; value: string | null | undefined }) {
  return (
    <div className="fact">
      <dt>{label}</dt>
      <dd>{value || "–"}</dd>
    </div>
  );
}

type DecisionState = {
  competentAuthority: string;
  legalBasis: LegalBasis;
  applicationDate: CalendarDate | null;
  outcome: ProcedureOutcome;
  compensationMeasure: CompensationMeasure | null;
  decisionDate: CalendarDate | null;
};

const stateOf = (p: Procedure): DecisionState => ({
  competentAuthority: p.competentAuthority,
  legalBasis: p.legalBasis,
  applicationDate: p.applicationDate ? parseDate(p.applicationDate) : null,
  outcome: p.outcome,
  compensationMeasure: p.compensationMeasure,
  decisionDate: p.decisionDate ? parseDate(p.decisionDate) : null,
});

const bodyOf = (s: DecisionState) => ({
  competentAuthority: s.competentAuthority.trim(),
  legalBasis: s.legalBasis,
  applicationDate: s.applicationDate?.toString() ?? null,
  outcome: s.outcome,
  compensationMeasure: s.outcome === "partial_equivalence" ? s.compensationMeasure : null,
  decisionDate: s.outcome === "pending" ? null : (s.decisionDate?.toString() ?? null),
});

/**
 * Authority, legal basis, dates and the decision. The form mirrors the server's rules (a measure
 * only with partial equivalence, a decision date unless pending); the server's field errors decide.
 */
function DecisionForm({
  procedure,
  onSaved,
  onError,
}: {
  procedure: Procedure;
  onSaved: (p: Procedure) => void;
  onError: (error: unknown) => void;
}) {
  const { t } = useTranslation();
  const update = useUpdateProcedure(procedure.id);
  const [saved, setSaved] = useState(() => stateOf(procedure));
  const [state, setState] = useState(saved);
  const [done, setDone] = useState(false);
  const fieldError = fieldErrorOf(update.error);
  const set = <K extends keyof DecisionState>(key: K, value: DecisionState[K]) => {
    setDone(false);
    setState((s) => ({ ...s, [key]: value }));
  };
  const today = parseDate(todayInBerlin());
  const conflict = update.error instanceof ApiError && update.error.code === "conflict";

  return (
    <section className="panel" aria-labelledby="procedure-decision">
      <h2 id="procedure-decision">{t("procedures.sections.procedure")}</h2>
      <div role="status">
        {done && (
          <div className="alert alert-success">
            <p>{t("procedures.detail.saved")}</p>
          </div>
        )}
      </div>
      {!conflict && <ErrorAlert error={update.error} />}
      <QuickForm
        className="form"
        onSubmit={(e) => {
          e.preventDefault();
          const changes = changedFields(bodyOf(saved), bodyOf(state));
          if (Object.keys(changes).length === 0) {
            setDone(true);
            return;
          }
          update.mutate(
            { version: procedure.version, ...changes },
            {
              onSuccess: (data) => {
                const next = stateOf(data);
                setSaved(next);
                setState(next);
                setDone(true);
                onError(null);
                onSaved(data);
              },
              onError,
            },
          );
        }}
      >
        <TextInput
          label={t("procedures.fields.competentAuthority")}
          value={state.competentAuthority}
          onChange={(v) => set("competentAuthority", v)}
          isRequired
          maxLength={200}
          validate={(v) => (v.trim() ? null : t("procedures.form.authorityRequired"))}
          errorMessage={fieldError("competentAuthority")}
        />
        <RadioGroupInput
          label={t("procedures.fields.legalBasis")}
          options={legalBases.map((b) => ({ id: b, label: t(`procedures.codes.legalBases.${b}`) }))}
          value={state.legalBasis}
          onChange={(v) => set("legalBasis", v as LegalBasis)}
          errorMessage={fieldError("legalBasis")}
        />
        <DateInputField
          label={t("procedures.fields.applicationDate")}
          value={state.applicationDate}
          onChange={(v) => set("applicationDate", v)}
          maxValue={today}
          errorMessage={fieldError("applicationDate")}
        />
        <SelectInput
          label={t("procedures.fields.outcome")}
          options={procedureOutcomes.map((o) => ({ id: o, label: t(`procedures.codes.outcomes.${o}`) }))}
          selectedKey={state.outcome}
          onSelectionChange={(k) => k && set("outcome", k as ProcedureOutcome)}
          errorMessage={fieldError("outcome")}
        />
        {state.outcome === "partial_equivalence" && (
          <SelectInput
            label={t("procedures.fields.compensationMeasure")}
            description={t("procedures.form.compensationHint")}
            options={compensationMeasures.map((m) => ({ id: m, label: t(`procedures.codes.compensationMeasures.${m}`) }))}
            selectedKey={state.compensationMeasure}
            onSelectionChange={(k) => set("compensationMeasure", k ? (k as CompensationMeasure) : null)}
            isRequired
            validate={(k) => (k ? null : t("procedures.form.compensationRequired"))}
            errorMessage={fieldError("compensationMeasure")}
          />
        )}
        {state.outcome !== "pending" && (
          <DateInputField
            label={t(state.outcome === "withdrawn" ? "procedures.fields.withdrawalDate" : "procedures.fields.decisionDate")}
            value={state.decisionDate}
            onChange={(v) => set("decisionDate", v)}
            maxValue={today}
            isRequired
            errorMessage={fieldError("decisionDate")}
          />
        )}
        <div className="form-actions">
          <PendingButton type="submit" className="button button-primary" isPending={update.isPending}>
            {t("procedures.detail.save")}
          </PendingButton>
        </div>
      </QuickForm>
    </section>
  );
}
