import { useQueryClient } from "@tanstack/react-query";
import { useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useLocation, useParams } from "react-router";
import { ApiError } from "../../../api/client.js";
import { useClient } from "../../../api/hooks.js";
import type { Client, Consent } from "../../../api/types.js";
import { LoadFailed, Loading, Notice } from "../../../components/feedback.js";
import { formatDate, formatDateTime } from "../../../components/format.js";
import { countryName, languageName, namesOf } from "../../../components/names.js";
import { usePageTitle } from "../../../components/page.js";
import { BreakGlassPrompt, ClientCaseActions } from "./ClientCaseActions.js";
import { ClientTimeline } from "./ClientTimeline.js";
import { GiveConsentDialog, WithdrawConsentDialog } from "./ConsentDialogs.js";

/** What a page that recorded something for the client hands over on its way back here. */
type Recorded = { type: "consultation"; id: string; kind: string; date: string };

/**
 * /staff/clients/:id — the case page: who (header), what to do next (actions), what happened
 * (one timeline), then the recorded facts and consents. Every load is an audited read on the
 * server; outside the caller's sub-project a 403 offers justified access (break-the-glass).
 */
export function ClientDetailPage() {
  const { id = "" } = useParams();
  const { t } = useTranslation();
  const client = useClient(id);
  const data = client.data;
  usePageTitle(data ? (data.erasedAt ? t("timeline.erased.title") : `${data.firstName} ${data.lastName}`) : t("clients.title"));

  if (client.isPending) return <Loading />;
  if (client.error instanceof ApiError && client.error.status === 403) {
    return <BreakGlassPrompt clientId={id} onGranted={() => void client.refetch()} />;
  }
  if (client.error) {
    return <LoadFailed title={t("clients.client")} error={client.error} backTo="/staff/clients" backLabel={t("clients.backToSearch")} />;
  }
  return <ClientView client={client.data} />;
}

function ClientView({ client }: { client: Client }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const location = useLocation();
  const queryClient = useQueryClient();
  const arrived = (location.state ?? {}) as { created?: boolean; saved?: boolean; recorded?: Recorded };
  const { abilities } = client;
  const erased = Boolean(client.erasedAt);
  const yesNo = (v: boolean | null) =>
    v === null ? t("clients.answers.notStated") : v ? t("clients.answers.yes") : t("clients.answers.no");
  const place = [client.postcode, client.district].filter(Boolean).join(" – ");
  // Referrals, tasks, erasure and merges change the record and its timeline.
  const refresh = () =>
    void Promise.all([
      queryClient.invalidateQueries({ queryKey: ["clients", "detail", client.id] }),
      queryClient.invalidateQueries({ queryKey: ["timeline", client.id] }),
    ]);

  return (
    <>
      <p>
        <Link to="/staff/clients">{t("clients.backToSearch")}</Link>
      </p>
      {arrived.created && (
        <Notice tone="success">
          <p>{t("clients.create.done")}</p>
        </Notice>
      )}
      {arrived.saved && (
        <Notice tone="success">
          <p>{t("clients.edit.done")}</p>
        </Notice>
      )}
      {arrived.recorded && (
        <Notice tone="success">
          <p>
            {t("timeline.recorded", {
              kind: t(`consultations.codes.kinds.${arrived.recorded.kind}`),
              date: formatDate(arrived.recorded.date, lang),
            })}{" "}
            <Link to={`/staff/consultations/${arrived.recorded.id}`}>{t("timeline.showRecorded")}</Link>
          </p>
        </Notice>
      )}
      <header className="page-heading case-heading">
        {erased ? (
          <>
            <h1>{t("timeline.erased.title")}</h1>
            <p className="muted">
              {t("clients.numberLine", { number: client.number })} · {client.unit.name}
            </p>
          </>
        ) : (
          <>
            <h1>
              {client.firstName} {client.lastName}
            </h1>
            <p className="muted">
              {t("clients.numberLine", { number: client.number })} · {client.unit.name}
            </p>
          </>
        )}
      </header>
      {abilities.update && !erased && (
        <div className="toolbar case-primary-actions">
          <Link className="button button-primary" to={`/staff/clients/${client.id}/consultations/new`}>
            {t("timeline.actions.recordConsultation")}
          </Link>
          <Link className="button button-secondary" to={`/staff/clients/${client.id}/procedures/new`}>
            {t("timeline.actions.openProcedure")}
          </Link>
          <Link className="button button-quiet" to={`/staff/clients/${client.id}/edit`}>
            {t("clients.actions.edit")}
          </Link>
        </div>
      )}
      <ClientCaseActions client={client} onChanged={refresh} />

      <ClientTimeline clientId={client.id} highlight={arrived.recorded?.id} />

      <div className="detail-grid section">
        <section className="panel" aria-labelledby="client-person">
          <h2 id="client-person">{t("clients.sections.person")}</h2>
          <dl className="facts">
            <Fact label={t("clients.fields.firstName")} value={client.firstName} />
            <Fact label={t("clients.fields.lastName")} value={client.lastName} />
            <Fact label={t("clients.fields.number")} value={client.number} />
            <Fact label={t("clients.fields.email")} value={client.email} />
            <Fact label={t("clients.fields.phone")} value={client.phone} />
            <Fact label={t("clients.fields.preferredLanguages")} value={namesOf(client.preferredLanguages, languageName, lang)} />
            <Fact label={t("clients.fields.unit")} value={client.unit.name} />
            <Fact label={t("clients.fields.createdAt")} value={formatDateTime(client.createdAt, lang)} />
          </dl>
        </section>
        <section className="panel" aria-labelledby="client-statistics">
          <h2 id="client-statistics">{t("clients.sections.statistics")}</h2>
          <dl className="facts">
            <Fact label={t("clients.fields.birthYear")} value={String(client.birthYear)} />
            <Fact label={t("clients.fields.gender")} value={t(`clients.codes.genders.${client.gender}`)} />
            <Fact label={t("clients.fields.nationalities")} value={namesOf(client.nationalities, countryName, lang)} />
            <Fact label={t("clients.fields.postcode")} value={place} />
            <Fact label={t("clients.fields.refugeeBackground")} value={yesNo(client.refugeeBackground)} />
            <Fact label={t("clients.fields.residenceStatus")} value={t(`clients.codes.residenceStatuses.${client.residenceStatus}`)} />
            <Fact label={t("clients.fields.germanLevel")} value={t(`clients.codes.germanLevels.${client.germanLevel}`)} />
            <Fact
              label={t("clients.fields.qualificationCountry")}
              value={client.qualificationCountry ? countryName(client.qualificationCountry, lang) : null}
            />
            <Fact label={t("clients.fields.qualificationKind")} value={t(`clients.codes.qualificationKinds.${client.qualificationKind}`)} />
            <Fact
              label={t("clients.fields.qualificationYear")}
              value={client.qualificationYear ? String(client.qualificationYear) : null}
            />
            <Fact label={t("clients.fields.employmentStatus")} value={t(`clients.codes.employmentStatuses.${client.employmentStatus}`)} />
          </dl>
        </section>
      </div>

      <Consents client={client} />
    </>
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

function Consents({ client }: { client: Client }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const heading = useRef<HTMLHeadingElement>(null);
  const [done, setDone] = useState<string | null>(null);
  // Active consents first, the newest on top.
  const consents = [...client.consents].sort(
    (a, b) => Number(Boolean(a.withdrawnAt)) - Number(Boolean(b.withdrawnAt)) || b.recordedAt.localeCompare(a.recordedAt),
  );
  const kindLabel = (c: Consent) =>
    c.partnerUnit ? t("clients.consents.sharingWith", { partner: c.partnerUnit.name }) : t(`clients.codes.consentKinds.${c.kind}`);

  return (
    <section className="section" aria-labelledby="client-consents">
      <div className="page-heading with-actions">
        <h2 id="client-consents" ref={heading} tabIndex={-1}>
          {t("clients.sections.consents")}
        </h2>
        {client.abilities.giveConsent && (
          <GiveConsentDialog
            client={client}
            onDone={(kind) => setDone(t("clients.consents.given", { kind: t(`clients.codes.consentKinds.${kind}`) }))}
          />
        )}
      </div>
      <div role="status">
        {done && (
          <div className="alert alert-success">
            <p>{done}</p>
          </div>
        )}
      </div>
      {consents.length === 0 ? (
        <p className="muted">{t("clients.consents.none")}</p>
      ) : (
        <table className="simple-table stack-table">
          <caption className="visually-hidden">{t("clients.sections.consents")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("clients.consents.fields.kind")}</th>
              <th scope="col">{t("clients.consents.fields.partnerUnit")}</th>
              <th scope="col">{t("clients.consents.fields.givenOn")}</th>
              <th scope="col">{t("clients.consents.fields.textVersion")}</th>
              <th scope="col">{t("clients.consents.fields.status")}</th>
              <th scope="col">
                <span className="visually-hidden">{t("common.actions")}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {consents.map((c) => (
              <tr key={c.id} className={c.withdrawnAt ? "is-withdrawn" : undefined}>
                <th scope="row" data-label={t("clients.consents.fields.kind")}>
                  {t(`clients.codes.consentKinds.${c.kind}`)}
                </th>
                <td data-label={t("clients.consents.fields.partnerUnit")}>
                  {c.partnerUnit ? <Link to={`/staff/directory/${c.partnerUnit.id}`}>{c.partnerUnit.name}</Link> : "–"}
                </td>
                <td data-label={t("clients.consents.fields.givenOn")}>{formatDate(c.givenOn, lang)}</td>
                <td data-label={t("clients.consents.fields.textVersion")}>{c.textVersion}</td>
                <td data-label={t("clients.consents.fields.status")}>
                  {c.withdrawnAt ? (
                    t("clients.consents.withdrawnAt", { date: formatDateTime(c.withdrawnAt, lang) })
                  ) : (
                    <span className="badge outcome-success">{t("clients.consents.active")}</span>
                  )}
                </td>
                <td className="cell-actions">
                  {!c.withdrawnAt && client.abilities.update && (
                    <WithdrawConsentDialog
                      client={client}
                      consent={c}
                      label={kindLabel(c)}
                      onDone={() => {
                        setDone(t("clients.consents.withdrawn", { consent: kindLabel(c) }));
                        // The button that opened the dialog is gone: focus goes to the section.
                        heading.current?.focus();
                      }}
                    />
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
