import type { CalendarDate } from "@internationalized/date";
import { useState } from "react";
import { Button, Cell, Column, Form, Row, Table, TableBody, TableHeader } from "react-aria-components";
import { useTranslation } from "react-i18next";
import { type AuditFilter, useAuditEvents } from "../../../api/hooks.js";
import { DateInputField } from "../../../components/date-fields.js";
import { ErrorAlert, Loading } from "../../../components/feedback.js";
import { TextInput } from "../../../components/fields.js";
import { formatDateTime } from "../../../components/format.js";
import { usePageTitle } from "../../../components/page.js";
import { SelectInput } from "../../../components/select-field.js";

// Same list as common/contracts/audit.ts; kept here so the web bundle does not pull in zod.
const auditOutcomes = ["success", "denied", "failure"] as const;

type Draft = {
  from: CalendarDate | null;
  to: CalendarDate | null;
  actor: string;
  action: string;
  recordType: string;
  recordId: string;
  outcome: string;
};
const emptyDraft: Draft = { from: null, to: null, actor: "", action: "", recordType: "", recordId: "", outcome: "all" };

/** Start of a calendar day in Europe/Berlin, as an ISO timestamp with offset. */
function berlinDayStart(date: CalendarDate, plusDays = 0): string {
  const d = date.add({ days: plusDays });
  const utcGuess = new Date(Date.UTC(d.year, d.month - 1, d.day));
  const offsetMinutes = berlinOffsetMinutes(utcGuess);
  return new Date(utcGuess.getTime() - offsetMinutes * 60_000).toISOString();
}

function berlinOffsetMinutes(at: Date): number {
  const parts = new Intl.DateTimeFormat("en-US", { timeZone: "Europe/Berlin", timeZoneName: "longOffset" }).formatToParts(at);
  const name = parts.find((p) => p.type === "timeZoneName")?.value ?? "GMT+01:00";
  const m = /GMT([+-])(\d{2}):(\d{2})/.exec(name);
  return m ? (m[1] === "-" ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3])) : 60;
}

function filterFrom(draft: Draft): AuditFilter {
  const text = (v: string) => v.trim() || undefined;
  return {
    from: draft.from ? berlinDayStart(draft.from) : undefined,
    to: draft.to ? berlinDayStart(draft.to, 1) : undefined,
    actor: text(draft.actor),
    action: text(draft.action),
    recordType: text(draft.recordType),
    recordId: text(draft.recordId),
    outcome: draft.outcome === "all" ? undefined : draft.outcome,
  };
}

export function AuditPage() {
  const { t, i18n } = useTranslation();
  usePageTitle(t("audit.title"));
  const [draft, setDraft] = useState<Draft>(emptyDraft);
  const [filter, setFilter] = useState<AuditFilter>({});
  // Cursors of the pages before the current one, for "newer" paging.
  const [cursors, setCursors] = useState<(number | undefined)[]>([]);
  const [before, setBefore] = useState<number | undefined>(undefined);
  const events = useAuditEvents(filter, before);
  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => setDraft((d) => ({ ...d, [key]: value }));

  const outcomeOptions = [
    { id: "all", label: t("audit.allOutcomes") },
    ...auditOutcomes.map((o) => ({ id: o, label: t(`audit.outcomes.${o}`) })),
  ];

  return (
    <>
      <h1>{t("audit.title")}</h1>
      <p className="muted">{t("audit.intro")}</p>
      <Form
        role="search"
        aria-label={t("audit.filters")}
        className="filters filters-wide"
        onSubmit={(e) => {
          e.preventDefault();
          setFilter(filterFrom(draft));
          setCursors([]);
          setBefore(undefined);
        }}
      >
        <DateInputField label={t("audit.from")} value={draft.from} onChange={(v) => set("from", v)} />
        <DateInputField label={t("audit.to")} value={draft.to} onChange={(v) => set("to", v)} />
        <TextInput label={t("audit.actor")} value={draft.actor} onChange={(v) => set("actor", v)} />
        <TextInput label={t("audit.action")} description={t("audit.actionHint")} value={draft.action} onChange={(v) => set("action", v)} />
        <TextInput label={t("audit.recordType")} value={draft.recordType} onChange={(v) => set("recordType", v)} />
        <TextInput label={t("audit.recordId")} value={draft.recordId} onChange={(v) => set("recordId", v)} />
        <SelectInput
          label={t("audit.outcome")}
          options={outcomeOptions}
          selectedKey={draft.outcome}
          onSelectionChange={(k) => set("outcome", String(k ?? "all"))}
        />
        <div className="form-actions filter-actions">
          <Button type="submit" className="button button-primary">
            {t("audit.search")}
          </Button>
          <Button
            className="button button-quiet"
            onPress={() => {
              setDraft(emptyDraft);
              setFilter({});
              setCursors([]);
              setBefore(undefined);
            }}
          >
            {t("common.reset")}
          </Button>
        </div>
      </Form>

      {events.isPending ? (
        <Loading />
      ) : events.error ? (
        <ErrorAlert error={events.error} />
      ) : (
        <>
          <p role="status" className="result-count">
            {t("audit.count", { count: events.data.items.length, page: cursors.length + 1 })}
          </p>
          <Table aria-label={t("audit.tableLabel")} className="table table-compact">
            <TableHeader>
              <Column isRowHeader>{t("audit.columns.time")}</Column>
              <Column>{t("audit.columns.action")}</Column>
              <Column>{t("audit.columns.actor")}</Column>
              <Column className="col-optional">{t("audit.columns.record")}</Column>
              <Column>{t("audit.columns.outcome")}</Column>
              <Column className="col-optional">{t("audit.columns.ip")}</Column>
            </TableHeader>
            <TableBody items={events.data.items} renderEmptyState={() => <p className="empty">{t("audit.empty")}</p>}>
              {(e) => (
                <Row id={e.id} className="table-row">
                  <Cell>
                    <time dateTime={e.occurredAt}>{formatDateTime(e.occurredAt, i18n.language, "short")}</time>
                  </Cell>
                  <Cell className="break-anywhere">
                    <code>{e.action}</code>
                  </Cell>
                  <Cell className="break-anywhere">{e.actorLabel ?? e.actorUserId ?? "–"}</Cell>
                  <Cell className="col-optional">
                    {e.recordType ? `${e.recordType}${e.recordId ? ` · ${e.recordId.slice(0, 8)}` : ""}` : "–"}
                  </Cell>
                  <Cell>
                    <span className={`badge outcome-${e.outcome}`}>{t(`audit.outcomes.${e.outcome}`)}</span>
                  </Cell>
                  <Cell className="col-optional">{e.ip ?? "–"}</Cell>
                </Row>
              )}
            </TableBody>
          </Table>
          <nav className="pager" aria-label={t("audit.paging")}>
            <Button
              className="button button-secondary"
              isDisabled={cursors.length === 0}
              onPress={() => {
                const previous = cursors.slice(0, -1);
                setBefore(cursors[cursors.length - 1]);
                setCursors(previous);
              }}
            >
              {t("audit.newer")}
            </Button>
            <Button
              className="button button-secondary"
              isDisabled={!events.data.nextBefore}
              onPress={() => {
                setCursors([...cursors, before]);
                setBefore(events.data.nextBefore ?? undefined);
              }}
            >
              {t("audit.older")}
            </Button>
          </nav>
        </>
      )}
    </>
  );
}
