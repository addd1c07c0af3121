import { useState } from "react";
import { Button } from "react-aria-components";
import { useTranslation } from "react-i18next";
import { Link, useNavigate } from "react-router";
import { useMeasureCatalogue } from "../../../api/monitoring.js";
import { type SavedQuery, useCreateSavedQuery, useDeleteSavedQuery, useSavedQueries } from "../../../api/monitoring-queries.js";
import { DialogActions, ModalDialog } from "../../../components/dialog.js";
import { ErrorAlert, Notice, QueryState } from "../../../components/feedback.js";
import { formatDateTime } from "../../../components/format.js";
import { usePageTitle } from "../../../components/page.js";

/** /staff/monitoring/queries — the Sonderanfragen the caller sees: own and shared ones. */
export function SavedQueriesPage() {
  const { t, i18n } = useTranslation();
  usePageTitle(t("monitoringQueries.title"));
  const queries = useSavedQueries();
  const catalogue = useMeasureCatalogue();
  const lang = i18n.language === "en" ? "en" : "de";
  const measureLabel = (id: string) => catalogue.data?.measures.find((m) => m.id === id)?.label[lang] ?? id;
  const [deleted, setDeleted] = useState<string | null>(null);

  return (
    <>
      <h1>{t("monitoringQueries.title")}</h1>
      <p className="muted">{t("monitoringQueries.intro")}</p>
      <p>
        <Link to="/staff/monitoring/queries/new" className="button button-primary">
          {t("monitoringQueries.new")}
        </Link>
      </p>
      {deleted && <Notice tone="success">{t("monitoringQueries.list.deleted", { name: deleted })}</Notice>}
      <QueryState query={queries}>
        {() =>
          queries.data!.items.length === 0 ? (
            <p className="empty">{t("monitoringQueries.list.empty")}</p>
          ) : (
            // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be focusable (WCAG 2.1.1)
            <section className="table-scroll" aria-label={t("monitoringQueries.list.caption")} tabIndex={0}>
              <table className="simple-table">
                <caption className="visually-hidden">{t("monitoringQueries.list.caption")}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t("monitoringQueries.list.name")}</th>
                    <th scope="col">{t("monitoringQueries.list.measure")}</th>
                    <th scope="col">{t("monitoringQueries.list.owner")}</th>
                    <th scope="col">{t("monitoringQueries.list.sharing")}</th>
                    <th scope="col" className="col-optional">
                      {t("monitoringQueries.list.updated")}
                    </th>
                    <th scope="col">{t("monitoringQueries.list.actions")}</th>
                  </tr>
                </thead>
                <tbody>
                  {queries.data!.items.map((q) => (
                    <tr key={q.id}>
                      <th scope="row">
                        <Link to={`/staff/monitoring/queries/${q.id}`}>{q.name}</Link>
                      </th>
                      <td>{measureLabel(q.query.measure)}</td>
                      <td>{q.own ? t("monitoringQueries.list.you") : <bdi>{q.owner.name}</bdi>}</td>
                      <td>
                        {t(`monitoringQueries.sharing.${q.sharing}`)}
                        {q.shareUnit && (
                          <>
                            {" – "}
                            <bdi>{q.shareUnit.name}</bdi>
                          </>
                        )}
                      </td>
                      <td className="col-optional">
                        <time dateTime={q.updatedAt}>{formatDateTime(q.updatedAt, i18n.language, "short")}</time>
                      </td>
                      <td>
                        <RowActions query={q} onDeleted={() => setDeleted(q.name)} />
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </section>
          )
        }
      </QueryState>
    </>
  );
}

function RowActions({ query, onDeleted }: { query: SavedQuery; onDeleted: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const duplicate = useCreateSavedQuery();
  const remove = useDeleteSavedQuery();
  return (
    <div className="row-actions">
      <Button
        className="button button-quiet"
        aria-label={t("monitoringQueries.list.duplicateNamed", { name: query.name })}
        isDisabled={duplicate.isPending}
        onPress={() =>
          duplicate.mutate(
            {
              name: t("monitoringQueries.list.copyOf", { name: query.name }).slice(0, 120),
              description: query.description,
              query: query.query,
            },
            { onSuccess: (copy) => navigate(`/staff/monitoring/queries/${copy.id}`) },
          )
        }
      >
        {t("monitoringQueries.list.duplicate")}
      </Button>
      {query.abilities.delete && (
        <ModalDialog
          title={t("monitoringQueries.list.deleteTitle", { name: query.name })}
          trigger={
            <Button className="button button-quiet" aria-label={t("monitoringQueries.list.deleteNamed", { name: query.name })}>
              {t("monitoringQueries.list.delete")}
            </Button>
          }
        >
          {(close) => (
            <>
              <p>{t("monitoringQueries.list.deleteConfirm")}</p>
              <ErrorAlert error={remove.error} />
              <DialogActions
                tone="danger"
                submitLabel={t("monitoringQueries.list.delete")}
                isPending={remove.isPending}
                onCancel={close}
                onSubmit={() =>
                  remove.mutate(query.id, {
                    onSuccess: () => {
                      close();
                      onDeleted();
                    },
                  })
                }
              />
            </>
          )}
        </ModalDialog>
      )}
      <ErrorAlert error={duplicate.error} />
    </div>
  );
}
