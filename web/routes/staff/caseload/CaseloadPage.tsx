/**
 * /staff/caseload — Fallbestand: clients and open tasks per counselor (counts only, no names).
 * Leads see their sub-projects and move a whole caseload to a colleague (Umverteilung);
 * counselors see their own numbers.
 */
import { useRef, useState } from "react";
import { Button, Form } from "react-aria-components";
import { useTranslation } from "react-i18next";
import { type CaseloadEntry, useCaseload, useReassignCaseload } from "../../../api/casework.js";
import { useSession } from "../../../api/hooks.js";
import { DialogActions, ModalDialog } from "../../../components/dialog.js";
import { ErrorAlert, QueryState } from "../../../components/feedback.js";
import { SelectInput } from "../../../components/select-field.js";
import { CaseworkOnly, isLead } from "../casework/parts.js";
import { fieldErrorOf } from "../clients/ClientForm.js";

export function CaseloadPage() {
  const { t } = useTranslation();
  return (
    <CaseworkOnly title={t("caseload.title")}>
      <Caseload />
    </CaseworkOnly>
  );
}

type Person = { id: string; name: string };

function Caseload() {
  const { t } = useTranslation();
  const user = useSession().data!.user;
  const lead = isLead(user.grants);
  const caseload = useCaseload();
  const [result, setResult] = useState<string | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);

  const byUnit = new Map<string, { name: string; entries: CaseloadEntry[] }>();
  for (const entry of caseload.data?.items ?? []) {
    const group = byUnit.get(entry.unit.id) ?? { name: entry.unit.name, entries: [] };
    group.entries.push(entry);
    byUnit.set(entry.unit.id, group);
  }

  return (
    <>
      <h1 ref={heading} tabIndex={-1}>
        {t("caseload.title")}
      </h1>
      <p className="muted">{t(lead ? "caseload.introLead" : "caseload.introCounselor")}</p>
      <div role="status">
        {result && (
          <div className="alert alert-success">
            <p>{result}</p>
          </div>
        )}
      </div>
      <QueryState query={caseload}>
        {() =>
          byUnit.size === 0 ? (
            <p className="empty">{t("caseload.empty")}</p>
          ) : (
            [...byUnit.entries()].map(([unitId, group]) => {
              const colleagues: Person[] = group.entries.flatMap((e) => (e.counselor ? [e.counselor] : []));
              // The lead may take clients over too (leads do casework in their sub-project).
              const targets = [...new Map([...colleagues, { id: user.id, name: user.displayName }].map((p) => [p.id, p])).values()];
              return (
                <section key={unitId} className="section" aria-labelledby={`caseload-${unitId}`}>
                  <h2 id={`caseload-${unitId}`}>{group.name}</h2>
                  <table className="simple-table stack-table caseload-table">
                    <caption className="visually-hidden">{t("caseload.tableCaption", { unit: group.name })}</caption>
                    <thead>
                      <tr>
                        <th scope="col">{t("caseload.columns.counselor")}</th>
                        <th scope="col">{t("caseload.columns.clients")}</th>
                        <th scope="col">{t("caseload.columns.openTasks")}</th>
                        <th scope="col">{t("caseload.columns.overdueTasks")}</th>
                        {lead && (
                          <th scope="col">
                            <span className="visually-hidden">{t("common.actions")}</span>
                          </th>
                        )}
                      </tr>
                    </thead>
                    <tbody>
                      {group.entries.map((e) => (
                        <tr key={e.counselor?.id ?? "none"}>
                          <th scope="row" data-label={t("caseload.columns.counselor")}>
                            {e.counselor?.name ?? <span className="muted">{t("caseload.unassigned")}</span>}
                          </th>
                          <td data-label={t("caseload.columns.clients")}>{e.clients}</td>
                          <td data-label={t("caseload.columns.openTasks")}>{e.openTasks}</td>
                          <td data-label={t("caseload.columns.overdueTasks")}>
                            {e.overdueTasks > 0 ? (
                              <span className="badge badge-overdue">
                                <span aria-hidden="true">⚠ </span>
                                {e.overdueTasks}
                              </span>
                            ) : (
                              0
                            )}
                          </td>
                          {lead && (
                            <td className="cell-actions">
                              {e.counselor && (e.clients > 0 || e.openTasks > 0) && (
                                <ReassignDialog
                                  unit={{ id: unitId, name: group.name }}
                                  from={e.counselor}
                                  entry={e}
                                  targets={targets.filter((p) => p.id !== e.counselor!.id)}
                                  onDone={(message) => {
                                    setResult(message);
                                    heading.current?.focus();
                                  }}
                                />
                              )}
                            </td>
                          )}
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </section>
              );
            })
          )
        }
      </QueryState>
    </>
  );
}

function ReassignDialog({
  unit,
  from,
  entry,
  targets,
  onDone,
}: {
  unit: Person;
  from: Person;
  entry: CaseloadEntry;
  targets: Person[];
  onDone: (message: string) => void;
}) {
  const { t } = useTranslation();
  const reassign = useReassignCaseload();
  const [to, setTo] = useState<string | null>(null);
  const fieldError = fieldErrorOf(reassign.error);
  const target = targets.find((p) => p.id === to);

  return (
    <ModalDialog
      title={t("caseload.reassign.title", { name: from.name })}
      trigger={
        <Button className="button button-secondary button-small" aria-label={t("caseload.reassign.openLabel", { name: from.name })}>
          {t("caseload.reassign.open")}
        </Button>
      }
      onOpenChange={(open) => {
        if (!open) {
          reassign.reset();
          setTo(null);
        }
      }}
    >
      {(close) => (
        <Form
          className="form"
          onSubmit={(e) => {
            e.preventDefault();
            if (!to || !target) return;
            reassign.mutate(
              { fromCounselorId: from.id, toCounselorId: to, unitId: unit.id },
              {
                onSuccess: (moved) => {
                  close();
                  onDone(t("caseload.reassign.done", { clients: moved.clients, tasks: moved.tasks, from: from.name, to: target.name }));
                },
              },
            );
          }}
        >
          <p>{t("caseload.reassign.intro", { name: from.name, unit: unit.name, clients: entry.clients, tasks: entry.openTasks })}</p>
          <ErrorAlert error={reassign.error} />
          <SelectInput
            label={t("caseload.reassign.to")}
            options={targets.map((p) => ({ id: p.id, label: p.name }))}
            selectedKey={to}
            onSelectionChange={(k) => setTo(k ? String(k) : null)}
            isRequired
            validate={(k) => (k ? null : t("validation.chooseOption"))}
            errorMessage={fieldError("toCounselorId")}
            autoFocus
          />
          {target && (
            <div className="alert alert-warning">
              <p>{t("caseload.reassign.confirm", { clients: entry.clients, tasks: entry.openTasks, from: from.name, to: target.name })}</p>
            </div>
          )}
          <DialogActions
            submitLabel={target ? t("caseload.reassign.submitTo", { name: target.name }) : t("caseload.reassign.submit")}
            isPending={reassign.isPending}
            onCancel={close}
          />
        </Form>
      )}
    </ModalDialog>
  );
}
