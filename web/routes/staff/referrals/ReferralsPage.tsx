/**
 * /staff/referrals — Posteingang (referrals to the caller's sub-projects) and Postausgang (sent
 * from them). The lists name no person: the shared fields are read, and audited, on the detail.
 * Box and filters live in the address, so a link or the back button returns to the same view.
 */
import { Tab, TabList, TabPanel, Tabs } from "react-aria-components";
import { useTranslation } from "react-i18next";
import { Link, useSearchParams } from "react-router";
import { referralStatuses } from "../../../../common/domain/referrals.js";
import { type ReferralBox, type ReferralFilter, type ReferralStatus, type ReferralSummary, useReferralBox } from "../../../api/casework.js";
import { ErrorAlert, Loading } from "../../../components/feedback.js";
import { CheckboxInput } from "../../../components/fields.js";
import { formatDate, formatDateTime } from "../../../components/format.js";
import { SelectInput } from "../../../components/select-field.js";
import { CaseworkOnly, OverdueFlag, ReferralStatusBadge } from "../casework/parts.js";

const boxes: ReferralBox[] = ["inbox", "outbox"];

export function ReferralsPage() {
  const { t } = useTranslation();
  return (
    <CaseworkOnly title={t("referrals.title")}>
      <Referrals />
    </CaseworkOnly>
  );
}

function Referrals() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const box: ReferralBox = params.get("box") === "outbox" ? "outbox" : "inbox";
  const status = referralStatuses.find((s) => s === params.get("status"));
  const filter: ReferralFilter = { status, overdue: params.get("overdue") === "1" };
  const update = (changes: Record<string, string | null>) =>
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        for (const [key, value] of Object.entries(changes)) {
          if (value) next.set(key, value);
          else next.delete(key);
        }
        return next;
      },
      { replace: true },
    );

  return (
    <>
      <h1>{t("referrals.title")}</h1>
      <p className="muted">{t("referrals.intro")}</p>
      <Tabs selectedKey={box} onSelectionChange={(key) => update({ box: key === "outbox" ? "outbox" : null })} className="tabs">
        <TabList aria-label={t("referrals.boxes.label")} className="tab-list">
          {boxes.map((b) => (
            <Tab key={b} id={b} className="tab">
              {t(`referrals.boxes.${b}`)}
            </Tab>
          ))}
        </TabList>
        {boxes.map((b) => (
          <TabPanel key={b} id={b} className="tab-panel">
            {/* biome-ignore lint/a11y/useSemanticElements: <search> is not yet exposed as a landmark by every screen reader */}
            <div role="search" aria-label={t("referrals.filters.label")} className="filters referral-filters">
              <SelectInput
                label={t("referrals.filters.status")}
                options={[
                  { id: "all", label: t("referrals.filters.allStatuses") },
                  ...referralStatuses.map((s) => ({ id: s, label: t(`referrals.statuses.${s}`) })),
                ]}
                selectedKey={filter.status ?? "all"}
                onSelectionChange={(k) => update({ status: k && k !== "all" ? String(k) : null })}
              />
              <div className="filter-checks">
                <CheckboxInput isSelected={filter.overdue} onChange={(v) => update({ overdue: v ? "1" : null })}>
                  {t("referrals.filters.overdueOnly")}
                </CheckboxInput>
              </div>
            </div>
            <ReferralTable box={b} filter={filter} />
          </TabPanel>
        ))}
      </Tabs>
    </>
  );
}

function ReferralTable({ box, filter }: { box: ReferralBox; filter: ReferralFilter }) {
  const { t, i18n } = useTranslation();
  const list = useReferralBox(box, filter);
  const lang = i18n.language;
  const filtered = Boolean(filter.status || filter.overdue);
  if (list.isPending) return <Loading />;
  if (list.error) return <ErrorAlert error={list.error} />;
  const items = list.data.items;
  const partnerOf = (r: ReferralSummary) =>
    box === "inbox" ? r.fromUnit.name : r.externalService ? t(`referrals.codes.externalServices.${r.externalService}`) : r.targetName;

  return (
    <>
      <p role="status" className="result-count">
        {t("referrals.count", { count: items.length })}
      </p>
      {items.length === 0 ? (
        <p className="empty">{t(filtered ? "referrals.emptyFiltered" : `referrals.empty.${box}`)}</p>
      ) : (
        <table className="simple-table stack-table referral-table">
          <caption className="visually-hidden">{t(`referrals.boxes.${box}`)}</caption>
          <thead>
            <tr>
              <th scope="col">{t(box === "inbox" ? "referrals.columns.from" : "referrals.columns.to")}</th>
              <th scope="col">{t("referrals.columns.status")}</th>
              <th scope="col">{t("referrals.columns.sentAt")}</th>
              <th scope="col">{t("referrals.columns.answerDue")}</th>
              <th scope="col">{t("referrals.columns.shared")}</th>
            </tr>
          </thead>
          <tbody>
            {items.map((r) => (
              <tr key={r.id} className={r.overdue ? "is-overdue" : undefined}>
                <th scope="row" data-label={t(box === "inbox" ? "referrals.columns.from" : "referrals.columns.to")}>
                  <Link to={`/staff/referrals/${r.id}`}>{partnerOf(r)}</Link>
                </th>
                <td data-label={t("referrals.columns.status")}>
                  <span className="badge-row">
                    <ReferralStatusBadge status={r.status as ReferralStatus} />
                    {r.overdue && <OverdueFlag />}
                  </span>
                </td>
                <td data-label={t("referrals.columns.sentAt")}>{formatDateTime(r.sentAt, lang)}</td>
                <td data-label={t("referrals.columns.answerDue")}>{r.status === "sent" ? formatDate(r.answerDueOn, lang) : "–"}</td>
                <td data-label={t("referrals.columns.shared")}>
                  {r.externalService
                    ? t("referrals.external")
                    : r.sharedFields.length === 0
                      ? t("referrals.sharedNothing")
                      : r.sharedFields.map((f) => t(`referrals.codes.sharedFields.${f}`)).join(", ")}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
