import { useEffect, useMemo, useState } from "react";
import { Button, Form } from "react-aria-components";
import { useTranslation } from "react-i18next";
import { Link, useNavigate, useParams } from "react-router";
import { ApiError } from "../../../api/client.js";
import { type ReportParams, reportSearch, useMeasureCatalogue, useReport } from "../../../api/monitoring.js";
import {
  type SavedQuery,
  type SavedQuerySharing,
  useCreateSavedQuery,
  useSavedQuery,
  useUpdateSavedQuery,
} from "../../../api/monitoring-queries.js";
import { DateInputField } from "../../../components/date-fields.js";
import { ErrorAlert, LoadFailed, Loading, Notice } from "../../../components/feedback.js";
import { RadioGroupInput, TextAreaInput, TextInput } from "../../../components/fields.js";
import { todayInBerlin } from "../../../components/format.js";
import { usePageTitle } from "../../../components/page.js";
import { ReportTable } from "../../../components/report/ReportTable.js";
import { SelectInput } from "../../../components/select-field.js";
import { UnitPicker } from "../../../components/UnitPicker.js";
import { type Draft, draftOf, emptyDraft, fundingPeriodCodes, periodKinds, queryOf, yearsOffered } from "./query-draft.js";
import { ReportChart } from "./ReportChart.js";

// Same list as common/domain/consultations.ts; kept here so the page does not pull in the domain module.
const channels = ["in_person", "phone", "video", "written", "outreach", "mobile"] as const;
const sharings: readonly SavedQuerySharing[] = ["private", "unit", "national"];

/** /staff/monitoring/queries/new and /:id — the builder of a Sonderanfrage. */
export function QueryBuilderPage() {
  const { id } = useParams();
  const { t } = useTranslation();
  const saved = useSavedQuery(id);
  if (!id) return <QueryBuilder key="new" saved={null} />;
  if (saved.isPending) return <Loading />;
  if (saved.error)
    return (
      <LoadFailed
        title={t("monitoringQueries.title")}
        error={saved.error}
        backTo="/staff/monitoring/queries"
        backLabel={t("monitoringQueries.back")}
      />
    );
  return <QueryBuilder key={saved.data.id} saved={saved.data} />;
}

function QueryBuilder({ saved }: { saved: SavedQuery | null }) {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const today = todayInBerlin();
  const lang = i18n.language === "en" ? "en" : "de";
  usePageTitle(saved ? saved.name : t("monitoringQueries.newTitle"));
  const catalogue = useMeasureCatalogue();
  const [draft, setDraft] = useState<Draft>(() => (saved ? draftOf(saved.query, today) : emptyDraft(today)));
  // The query last run; a saved query runs when opened.
  const [applied, setApplied] = useState(saved ? saved.query : null);
  const params: ReportParams | null = applied ? { ...applied, lang } : null;
  const report = useReport(params ?? { measure: "first_consultations" }, Boolean(params));
  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => setDraft((d) => ({ ...d, [key]: value }));

  const measure = catalogue.data?.measures.find((m) => m.id === draft.measure);
  const dimensionLabel = (d: string) => catalogue.data?.dimensions.find((x) => x.id === d)?.label[lang] ?? d;
  // The unit's name comes with the report (the picker searches by name).
  const unitName = report.data && report.data.unit.id === draft.unitId ? report.data.unit.name : undefined;

  // A measure without the chosen breakdown or filter drops it (the server would refuse it).
  // biome-ignore lint/correctness/useExhaustiveDependencies: only when the measure changes
  useEffect(() => {
    if (!measure) return;
    setDraft((d) => ({
      ...d,
      by: measure.dimensions.includes(d.by as never) ? d.by : "",
      by2: measure.dimensions.includes(d.by2 as never) ? d.by2 : "",
      channel: measure.filters.includes("channel") ? d.channel : "",
      language: measure.filters.includes("language") ? d.language : "",
    }));
  }, [measure?.id]);

  if (catalogue.isPending) return <Loading />;
  if (catalogue.error) return <ErrorAlert error={catalogue.error} />;

  const none = { id: "", label: t("monitoringQueries.form.none") };
  const dimensionOptions = (exclude: string) => [
    none,
    ...(measure?.dimensions ?? []).filter((d) => d !== exclude).map((d) => ({ id: d, label: dimensionLabel(d) })),
  ];
  const years = yearsOffered(Number(today.slice(0, 4))).map((y) => ({ id: y, label: y }));

  return (
    <>
      <p>
        <Link to="/staff/monitoring/queries">{t("monitoringQueries.back")}</Link>
      </p>
      <h1>{saved ? saved.name : t("monitoringQueries.newTitle")}</h1>
      {saved && !saved.own && (
        <p className="muted">
          {t("monitoringQueries.sharedBy", { owner: saved.owner.name, sharing: t(`monitoringQueries.sharing.${saved.sharing}`) })}
        </p>
      )}
      {saved?.description && <p>{saved.description}</p>}
      <Form
        aria-labelledby="query-form-title"
        className="query-form"
        onSubmit={(e) => {
          e.preventDefault();
          setApplied(queryOf(draft));
        }}
      >
        <h2 id="query-form-title">{t("monitoringQueries.form.title")}</h2>
        <div className="form-grid">
          <SelectInput
            label={t("monitoringQueries.form.measure")}
            description={measure && <bdi>{measure.definition[lang]}</bdi>}
            options={(catalogue.data?.measures ?? []).map((m) => ({ id: m.id, label: m.label[lang] }))}
            selectedKey={draft.measure}
            onSelectionChange={(k) => k && set("measure", String(k))}
          />
          <UnitPicker
            key={unitName ?? "none"}
            label={t("monitoringQueries.form.unit")}
            description={t("monitoringQueries.form.unitHint")}
            value={draft.unitId}
            initialName={unitName}
            // Facts count for sub-projects: a site has no statistics of its own.
            filter={(u) => u.type !== "site"}
            onChange={(u) => set("unitId", u?.id ?? null)}
          />
          <SelectInput
            label={t("monitoringQueries.form.periodKind")}
            options={periodKinds.map((k) => ({ id: k, label: t(`monitoringQueries.period.${k}`) }))}
            selectedKey={draft.periodKind}
            onSelectionChange={(k) => k && set("periodKind", k as Draft["periodKind"])}
          />
          {draft.periodKind === "month" && (
            <TextInput
              label={t("monitoringQueries.form.month")}
              description={t("monitoringQueries.form.monthHint")}
              value={draft.month}
              onChange={(v) => set("month", v)}
              inputProps={{ type: "month", min: "2015-01" }}
            />
          )}
          {(draft.periodKind === "quarter" || draft.periodKind === "year") && (
            <SelectInput
              label={t("monitoringQueries.form.year")}
              options={years}
              selectedKey={draft.year}
              onSelectionChange={(k) => k && set("year", String(k))}
            />
          )}
          {draft.periodKind === "quarter" && (
            <SelectInput
              label={t("monitoringQueries.form.quarter")}
              options={["1", "2", "3", "4"].map((q) => ({ id: q, label: t("monitoringQueries.form.quarterN", { n: q }) }))}
              selectedKey={draft.quarter}
              onSelectionChange={(k) => k && set("quarter", String(k))}
            />
          )}
          {draft.periodKind === "funding" && (
            <SelectInput
              label={t("monitoringQueries.form.funding")}
              options={fundingPeriodCodes.map((c) => ({ id: c, label: c }))}
              selectedKey={draft.funding}
              onSelectionChange={(k) => k && set("funding", String(k))}
            />
          )}
          {draft.periodKind === "range" && (
            <>
              <TextInput
                label={t("monitoringQueries.form.from")}
                description={t("monitoringQueries.form.monthHint")}
                value={draft.from}
                onChange={(v) => set("from", v)}
                inputProps={{ type: "month", min: "2015-01" }}
              />
              <TextInput
                label={t("monitoringQueries.form.to")}
                description={t("monitoringQueries.form.monthHint")}
                value={draft.to}
                onChange={(v) => set("to", v)}
                inputProps={{ type: "month", min: "2015-01" }}
              />
            </>
          )}
          <DateInputField
            label={t("monitoringQueries.form.stichtag")}
            description={t("monitoringQueries.form.stichtagHint")}
            value={draft.stichtag}
            onChange={(v) => set("stichtag", v)}
          />
          {measure?.filters.includes("channel") && (
            <SelectInput
              label={t("monitoringQueries.form.channel")}
              options={[
                { id: "", label: t("monitoringQueries.form.all") },
                ...channels.map((c) => ({ id: c, label: t(`monitoringQueries.channels.${c}`) })),
              ]}
              selectedKey={draft.channel}
              onSelectionChange={(k) => set("channel", String(k ?? ""))}
            />
          )}
          {measure?.filters.includes("language") && (
            <TextInput
              label={t("monitoringQueries.form.language")}
              description={t("monitoringQueries.form.languageHint")}
              value={draft.language}
              onChange={(v) => set("language", v)}
              inputProps={{ maxLength: 3, autoComplete: "off" }}
            />
          )}
          {measure?.top ? (
            <p className="muted">{t("monitoringQueries.form.topList", { dimension: dimensionLabel(measure.top) })}</p>
          ) : (
            <>
              <SelectInput
                label={t("monitoringQueries.form.by")}
                options={dimensionOptions("")}
                selectedKey={draft.by}
                onSelectionChange={(k) => set("by", String(k ?? ""))}
              />
              <SelectInput
                label={t("monitoringQueries.form.by2")}
                description={t("monitoringQueries.form.by2Hint")}
                options={dimensionOptions(draft.by)}
                selectedKey={draft.by ? draft.by2 : ""}
                isDisabled={!draft.by}
                onSelectionChange={(k) => set("by2", String(k ?? ""))}
              />
            </>
          )}
        </div>
        <div className="form-actions">
          <Button type="submit" className="button button-primary">
            {t("monitoringQueries.form.run")}
          </Button>
        </div>
      </Form>

      {params && <Result params={params} report={report} />}

      <SavePanel saved={saved} query={queryOf(draft)} onSaved={(q) => navigate(`/staff/monitoring/queries/${q.id}`)} />
    </>
  );
}

/** German names and ISO months stay readable in an Arabic sentence (first-strong isolate). */
const isolate = (text: string) => `\u2068${text}\u2069`;

function Result({ params, report }: { params: ReportParams; report: ReturnType<typeof useReport> }) {
  const { t } = useTranslation();
  const download = (format: "csv" | "xlsx") => `/api/monitoring/report?${new URLSearchParams({ ...reportSearch(params), format })}`;
  return (
    <section aria-labelledby="query-result-title" className="query-result">
      <h2 id="query-result-title">{t("monitoringQueries.result.title")}</h2>
      {report.isPending ? (
        <Loading />
      ) : report.error ? (
        <ProblemAlert error={report.error} />
      ) : (
        <>
          <p className="muted" role="status">
            {t("monitoringQueries.result.about", {
              unit: isolate(report.data.unit.name),
              from: isolate(report.data.from),
              to: isolate(report.data.to),
              stichtag: report.data.stichtag ? isolate(report.data.stichtag) : t("monitoringQueries.result.noStichtag"),
            })}
          </p>
          <ReportTable report={report.data} caption={`${report.data.label} – ${report.data.unit.name}`} />
          <ReportChart report={report.data} />
          <p className="query-downloads">
            <a href={download("csv")} download>
              {t("monitoringQueries.result.csv")}
            </a>
            <a href={download("xlsx")} download>
              {t("monitoringQueries.result.xlsx")}
            </a>
          </p>
        </>
      )}
    </section>
  );
}

/** The server's problem and the fields it names (the report's parameters). */
function ProblemAlert({ error }: { error: unknown }) {
  const fields = error instanceof ApiError ? (error.problem.errors ?? []) : [];
  return (
    <ErrorAlert error={error}>
      {fields.length > 0 && (
        <ul>
          {fields.map((f) => (
            <li key={f.field}>{f.message}</li>
          ))}
        </ul>
      )}
    </ErrorAlert>
  );
}

function SavePanel({
  saved,
  query,
  onSaved,
}: {
  saved: SavedQuery | null;
  query: ReturnType<typeof queryOf>;
  onSaved: (q: SavedQuery) => void;
}) {
  const { t } = useTranslation();
  const [name, setName] = useState(saved?.name ?? "");
  const [description, setDescription] = useState(saved?.description ?? "");
  const [sharing, setSharing] = useState<SavedQuerySharing>(saved?.sharing ?? "private");
  const [done, setDone] = useState(false);
  const create = useCreateSavedQuery();
  const update = useUpdateSavedQuery(saved?.id ?? "");
  const canUpdate = Boolean(saved?.abilities.update);
  const own = !saved || saved.own;
  const error = create.error ?? update.error;
  const conflict = error instanceof ApiError && error.status === 409;
  const nameError = error instanceof ApiError ? error.fieldMessage("name") : undefined;
  const body = useMemo(() => ({ name, description, query }), [name, description, query]);

  const saveNew = () => {
    setDone(false);
    update.reset();
    create.mutate({ ...body, sharing: own ? sharing : "private" }, { onSuccess: onSaved });
  };
  const saveChanges = () => {
    if (!saved) return saveNew();
    setDone(false);
    create.reset();
    update.mutate({ version: saved.version, ...body, ...(saved.own ? { sharing } : {}) }, { onSuccess: () => setDone(true) });
  };

  return (
    <Form
      aria-labelledby="query-save-title"
      className="query-save"
      onSubmit={(e) => {
        e.preventDefault();
        canUpdate ? saveChanges() : saveNew();
      }}
    >
      <h2 id="query-save-title">{t("monitoringQueries.save.title")}</h2>
      <TextInput label={t("monitoringQueries.save.name")} isRequired value={name} onChange={setName} errorMessage={nameError} />
      <TextAreaInput label={t("monitoringQueries.save.description")} value={description} onChange={setDescription} />
      {own && (
        <RadioGroupInput
          label={t("monitoringQueries.save.sharing")}
          options={sharings.map((s) => ({ id: s, label: t(`monitoringQueries.sharingLong.${s}`) }))}
          value={sharing}
          onChange={(v) => setSharing(v as SavedQuerySharing)}
        />
      )}
      {conflict ? (
        <div role="alert" className="alert alert-error">
          <p>{t("monitoringQueries.save.conflict")}</p>
        </div>
      ) : (
        error && <ProblemAlert error={error} />
      )}
      {done && <Notice tone="success">{t("monitoringQueries.save.saved")}</Notice>}
      <div className="form-actions">
        <Button type="submit" className="button button-primary" isDisabled={create.isPending || update.isPending}>
          {canUpdate ? t("monitoringQueries.save.save") : t("monitoringQueries.save.saveNew")}
        </Button>
        {saved && canUpdate && (
          <Button className="button button-secondary" onPress={saveNew} isDisabled={create.isPending || update.isPending}>
            {t("monitoringQueries.save.saveAs")}
          </Button>
        )}
      </div>
    </Form>
  );
}
