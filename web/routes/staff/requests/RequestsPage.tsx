/**
 * /staff/requests — the inbox of online requests of the caller's sites. The list names no person:
 * name and contact are read, and audited, when one request is opened. The status filter lives in
 * the address, so the back button returns to the same view.
 */
import { useTranslation } from "react-i18next";
import { Link, useSearchParams } from "react-router";
import { type RequestStatusFilter, useOnlineRequests } from "../../../api/requests.js";
import { ErrorAlert, Loading } from "../../../components/feedback.js";
import { formatDateTime } from "../../../components/format.js";
import { languageName } from "../../../components/names.js";
import { SelectInput } from "../../../components/select-field.js";
import { CaseworkOnly } from "../casework/parts.js";
import { RequestStatusBadge } from "./parts.js";

const filters: RequestStatusFilter[] = ["open", "new", "forwarded", "accepted", "closed", "all"];

export function RequestsPage() {
  const { t } = useTranslation();
  return (
    <CaseworkOnly title={t("requests.title")}>
      <Inbox />
    </CaseworkOnly>
  );
}

function Inbox() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const [params, setParams] = useSearchParams();
  const status = filters.find((f) => f === params.get("status")) ?? "open";
  const list = useOnlineRequests(status);
  return (
    <>
      <h1>{t("requests.title")}</h1>
      <p className="muted">{t("requests.intro")}</p>
      {/* biome-ignore lint/a11y/useSemanticElements: <search> is not yet exposed as a landmark by every screen reader */}
      <div role="search" aria-label={t("requests.filterLabel")} className="filters">
        <SelectInput
          label={t("requests.columns.status")}
          options={filters.map((f) => ({ id: f, label: t(`requests.filters.${f}`) }))}
          selectedKey={status}
          onSelectionChange={(k) => setParams(k && k !== "open" ? { status: String(k) } : {}, { replace: true })}
        />
      </div>
      {list.isPending ? (
        <Loading />
      ) : list.error ? (
        <ErrorAlert error={list.error} />
      ) : (
        <>
          <p role="status" className="result-count">
            {t("requests.count", { count: list.data.items.length })}
          </p>
          {list.data.items.length === 0 ? (
            <p className="empty">{t(status === "open" ? "requests.emptyOpen" : "requests.empty")}</p>
          ) : (
            <table className="simple-table stack-table">
              <caption className="visually-hidden">{t("requests.title")}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("requests.columns.receivedAt")}</th>
                  <th scope="col">{t("requests.columns.topic")}</th>
                  <th scope="col">{t("requests.columns.language")}</th>
                  <th scope="col">{t("requests.columns.channel")}</th>
                  <th scope="col">{t("requests.columns.site")}</th>
                  <th scope="col">{t("requests.columns.status")}</th>
                </tr>
              </thead>
              <tbody>
                {list.data.items.map((r) => (
                  <tr key={r.id}>
                    <th scope="row" data-label={t("requests.columns.receivedAt")}>
                      <Link to={`/staff/requests/${r.id}`}>{formatDateTime(r.receivedAt, lang)}</Link>
                    </th>
                    <td data-label={t("requests.columns.topic")}>{t(`findCounseling.topics.${r.topic}`)}</td>
                    <td data-label={t("requests.columns.language")}>{languageName(r.language, lang)}</td>
                    <td data-label={t("requests.columns.channel")}>{t(`requestForm.channels.${r.channel}`)}</td>
                    <td data-label={t("requests.columns.site")}>
                      {r.site.name}
                      {r.forwardedFrom && (
                        <span className="muted small"> {t("requests.forwardedFrom", { site: r.forwardedFrom.name })}</span>
                      )}
                    </td>
                    <td data-label={t("requests.columns.status")}>
                      <RequestStatusBadge status={r.status} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </>
      )}
    </>
  );
}
