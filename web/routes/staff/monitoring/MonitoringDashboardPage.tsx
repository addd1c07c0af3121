/**
 * /staff/monitoring — Statistik: the dashboard of one scope (the nation, a state network, a
 * sub-project) for a period and a Stichtag. The scope lives in the address (?unit=&from=&to=&stichtag=),
 * so a dashboard can be bookmarked and shared; the server decides who sees which scope.
 */
import { parseDate } from "@internationalized/date";
import { type FormEvent, useMemo, useState } from "react";
import { Button, Form } from "react-aria-components";
import { useTranslation } from "react-i18next";
import { useSearchParams } from "react-router";
import { type DashboardOptions, useDashboard, useDashboardOptions } from "../../../api/monitoring.js";
import { ComboInput } from "../../../components/combo-field.js";
import { DateInputField } from "../../../components/date-fields.js";
import { ErrorAlert, QueryState } from "../../../components/feedback.js";
import { TextInput } from "../../../components/fields.js";
import { usePageTitle } from "../../../components/page.js";
import { fieldErrorOf } from "../clients/ClientForm.js";
import { monthLabel } from "./charts.js";
import { DashboardPanels } from "./panels.js";

export function MonitoringDashboardPage() {
  const { t } = useTranslation();
  usePageTitle(t("monitoringDashboard.title"));
  const options = useDashboardOptions();
  return (
    <>
      <h1>{t("monitoringDashboard.title")}</h1>
      <p className="muted">{t("monitoringDashboard.intro")}</p>
      <QueryState query={options}>{() => <Dashboard options={options.data!} />}</QueryState>
    </>
  );
}

type Scope = { unit: string; from: string; to: string; stichtag: string };

function Dashboard({ options }: { options: DashboardOptions }) {
  const { t, i18n } = useTranslation();
  const [search, setSearch] = useSearchParams();
  const scope: Scope = {
    unit: search.get("unit") ?? options.defaultUnit ?? options.units[0]?.id ?? "",
    from: search.get("from") ?? options.from,
    to: search.get("to") ?? options.to,
    stichtag: search.get("stichtag") ?? "",
  };
  // Labels of the data (nationalities, professions, states) come in German or English.
  const lang = i18n.language === "en" ? "en" : "de";
  const dashboard = useDashboard(
    { unit: scope.unit || undefined, from: scope.from, to: scope.to, stichtag: scope.stichtag || undefined, lang },
    Boolean(scope.unit),
  );
  const fieldError = fieldErrorOf(dashboard.error);
  const shownError = dashboard.error && !["unit", "from", "to", "stichtag"].some((f) => fieldError(f)) ? dashboard.error : null;
  const data = dashboard.error ? undefined : dashboard.data;

  return (
    <>
      <ScopeForm
        key={`${scope.unit}|${scope.from}|${scope.to}|${scope.stichtag}`}
        options={options}
        scope={scope}
        fieldError={fieldError}
        onApply={(next) => {
          const params: Record<string, string> = { unit: next.unit, from: next.from, to: next.to };
          if (next.stichtag) params.stichtag = next.stichtag;
          setSearch(params);
        }}
      />
      <ErrorAlert error={shownError} />
      <div role="status" className="dashboard-status">
        {data && (
          <p>
            {t(data.stichtag ? "monitoringDashboard.showingStichtag" : "monitoringDashboard.showing", {
              unit: data.unit.name,
              from: monthLabel(data.from, i18n.language),
              to: monthLabel(data.to, i18n.language),
              stichtag: data.stichtag ?? "",
            })}{" "}
            <span className="muted">{t("monitoringDashboard.minCount", { min: data.minCount })}</span>
          </p>
        )}
      </div>
      {dashboard.isPending && scope.unit ? (
        <p className="muted">{t("common.loading")}</p>
      ) : (
        data && (
          <div aria-busy={dashboard.isFetching} className={dashboard.isFetching ? "dashboard-updating" : undefined}>
            <DashboardPanels dashboard={data} />
          </div>
        )
      )}
    </>
  );
}

function ScopeForm({
  options,
  scope,
  fieldError,
  onApply,
}: {
  options: DashboardOptions;
  scope: Scope;
  fieldError: (field: string) => string | undefined;
  onApply: (scope: Scope) => void;
}) {
  const { t } = useTranslation();
  const networks = useMemo(() => new Map(options.units.filter((u) => u.level === "network").map((u) => [u.id, u.name])), [options]);
  const unitOptions = useMemo(
    () =>
      options.units.map((u) => ({
        id: u.id,
        label:
          u.level === "national"
            ? t("monitoringDashboard.scope.national", { name: u.name })
            : u.level === "sub_project" && u.networkId && networks.has(u.networkId)
              ? `${u.name} (${networks.get(u.networkId)})`
              : u.name,
      })),
    [options, networks, t],
  );
  const [draft, setDraft] = useState(scope);
  const selectedLabel = unitOptions.find((o) => o.id === draft.unit)?.label ?? "";
  const [text, setText] = useState(selectedLabel);
  const filtered =
    text && text !== selectedLabel ? unitOptions.filter((o) => o.label.toLowerCase().includes(text.toLowerCase())) : unitOptions;
  let stichtag = null;
  try {
    stichtag = draft.stichtag ? parseDate(draft.stichtag) : null;
  } catch {
    stichtag = null;
  }

  const submit = (e: FormEvent) => {
    e.preventDefault();
    onApply({ ...draft, from: draft.from.trim(), to: draft.to.trim() });
  };

  return (
    <Form className="filters dashboard-scope" onSubmit={submit} aria-label={t("monitoringDashboard.scope.label")}>
      <ComboInput
        label={t("monitoringDashboard.scope.unit")}
        options={filtered.slice(0, 100)}
        inputValue={text}
        onInputChange={setText}
        selectedKey={draft.unit || null}
        onSelectionChange={(key) => {
          if (!key) return;
          setDraft({ ...draft, unit: String(key) });
          setText(unitOptions.find((o) => o.id === key)?.label ?? "");
        }}
        errorMessage={fieldError("unit")}
        isRequired
      />
      <TextInput
        label={t("monitoringDashboard.scope.from")}
        description={t("monitoringDashboard.scope.periodHint")}
        value={draft.from}
        onChange={(from) => setDraft({ ...draft, from })}
        errorMessage={fieldError("from")}
        isRequired
      />
      <TextInput
        label={t("monitoringDashboard.scope.to")}
        description={t("monitoringDashboard.scope.periodHint")}
        value={draft.to}
        onChange={(to) => setDraft({ ...draft, to })}
        errorMessage={fieldError("to")}
        isRequired
      />
      <DateInputField
        label={t("monitoringDashboard.scope.stichtag")}
        description={t("monitoringDashboard.scope.stichtagHint")}
        value={stichtag}
        onChange={(v) => setDraft({ ...draft, stichtag: v ? v.toString() : "" })}
        errorMessage={fieldError("stichtag")}
      />
      <div className="filter-actions">
        <Button type="submit" className="button button-primary">
          {t("monitoringDashboard.scope.apply")}
        </Button>
      </div>
      {options.periods.length > 0 && (
        // Quick picks: a funding period is what the network reports by; one press shows it.
        <fieldset className="period-picks">
          <legend>{t("monitoringDashboard.scope.periods")}</legend>
          {options.periods.map((p) => (
            <Button
              key={p.code}
              type="button"
              className="button button-secondary"
              aria-label={t("monitoringDashboard.scope.periodLabel", { code: p.code })}
              aria-pressed={scope.from === p.from && scope.to === p.to}
              onPress={() => onApply({ ...draft, from: p.from, to: p.to })}
            >
              {p.code}
            </Button>
          ))}
        </fieldset>
      )}
    </Form>
  );
}
