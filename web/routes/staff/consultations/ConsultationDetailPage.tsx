import { useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useLocation, useParams } from "react-router";
import { type Consultation, type SupportRequest, useAskSupport, useConsultation } from "../../../api/records.js";
import { ErrorAlert, LoadFailed, Loading, Notice } from "../../../components/feedback.js";
import { TextAreaInput } from "../../../components/fields.js";
import { formatDate, formatDateTime } from "../../../components/format.js";
import { languageName, namesOf } from "../../../components/names.js";
import { PendingButton } from "../../../components/PendingButton.js";
import { usePageTitle } from "../../../components/page.js";
import { QuickForm } from "../../../components/QuickForm.js";
import { fieldErrorOf } from "../clients/ClientForm.js";

/** /staff/consultations/:id — everything recorded, and second-level support for Faire Integration. */
export function ConsultationDetailPage() {
  const { id = "" } = useParams();
  const { t, i18n } = useTranslation();
  const consultation = useConsultation(id);
  const c = consultation.data;
  usePageTitle(
    c
      ? t("consultations.detail.title", { kind: t(`consultations.codes.kinds.${c.kind}`), date: formatDate(c.date, i18n.language) })
      : t("consultations.consultation"),
  );
  if (consultation.isPending) return <Loading />;
  if (consultation.error) {
    return (
      <LoadFailed
        title={t("consultations.consultation")}
        error={consultation.error}
        backTo="/staff/clients"
        backLabel={t("clients.backToSearch")}
      />
    );
  }
  return <ConsultationView consultation={consultation.data} />;
}

function ConsultationView({ consultation: c }: { consultation: Consultation }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const location = useLocation();
  const arrived = (location.state ?? {}) as { saved?: boolean };
  const isFi = c.fiReasons.length > 0 || c.abilities.requestSupport || c.supportRequests.length > 0;
  const reasons = c.fiReasons.map((r) =>
    r === "other" && c.fiReasonOther
      ? `${t(`consultations.codes.fiReasons.${r}`)}: ${c.fiReasonOther}`
      : t(`consultations.codes.fiReasons.${r}`),
  );

  return (
    <>
      <p>
        <Link to={`/staff/clients/${c.clientId}`}>{t("consultations.backToClient")}</Link>
      </p>
      {arrived.saved && (
        <Notice tone="success">
          <p>{t("consultations.edit.done")}</p>
        </Notice>
      )}
      <div className="page-heading with-actions">
        <div>
          <h1>{t("consultations.detail.title", { kind: t(`consultations.codes.kinds.${c.kind}`), date: formatDate(c.date, lang) })}</h1>
          <p className="muted">{t("consultations.detail.period", { period: c.fundingPeriod })}</p>
        </div>
        {c.abilities.update && (
          <Link className="button button-primary" to={`/staff/consultations/${c.id}/edit`}>
            {t("consultations.detail.edit")}
          </Link>
        )}
      </div>

      <div className="detail-grid">
        <section className="panel" aria-labelledby="consultation-contact">
          <h2 id="consultation-contact">{t("consultations.sections.contact")}</h2>
          <dl className="facts">
            <Fact label={t("consultations.fields.date")} value={formatDate(c.date, lang)} />
            <Fact label={t("consultations.fields.kind")} value={t(`consultations.codes.kinds.${c.kind}`)} />
            <Fact label={t("consultations.fields.counselor")} value={c.counselorName} />
            <Fact label={t("consultations.fields.unit")} value={c.unitName} />
            <Fact label={t("consultations.fields.site")} value={c.siteName} />
            <Fact label={t("consultations.fields.channel")} value={t(`consultations.codes.channels.${c.channel}`)} />
            <Fact label={t("consultations.fields.languages")} value={namesOf(c.languages, languageName, lang)} />
            <Fact label={t("consultations.fields.interpreter")} value={t(c.interpreter ? "clients.answers.yes" : "clients.answers.no")} />
            <Fact
              label={t("consultations.fields.durationMinutes")}
              value={c.durationMinutes === null ? null : t("consultations.detail.minutes", { count: c.durationMinutes })}
            />
          </dl>
        </section>
        <section className="panel" aria-labelledby="consultation-content">
          <h2 id="consultation-content">{t("consultations.sections.content")}</h2>
          <dl className="facts">
            {c.referenceProfession && (
              <Fact
                label={t("consultations.fields.referenceProfession")}
                value={`${c.referenceProfession.name} (${t(c.referenceProfession.regulated ? "consultations.profession.regulated" : "consultations.profession.notRegulated")})`}
              />
            )}
            {c.topics.length > 0 && (
              <Fact label={t("consultations.fields.topics")} value={c.topics.map((x) => t(`consultations.codes.topics.${x}`)).join(", ")} />
            )}
            {isFi && <Fact label={t("consultations.fields.fiReasons")} value={reasons.join(", ")} />}
            {isFi && (
              <Fact
                label={t("consultations.fields.employerSector")}
                value={c.employerSector ? t(`consultations.codes.employerSectors.${c.employerSector}`) : null}
              />
            )}
            <Fact label={t("consultations.fields.nextSteps")} value={c.nextSteps} multiline />
            <Fact label={t("consultations.fields.createdAt")} value={formatDateTime(c.createdAt, lang)} />
          </dl>
        </section>
      </div>

      {isFi && <SupportRequests consultation={c} />}
    </>
  );
}

function Fact({ label, value, multiline }: { label: string; value: string | null | undefined; multiline?: boolean }) {
  return (
    <div className="fact">
      <dt>{label}</dt>
      <dd className={multiline ? "pre-line" : undefined}>{value || "–"}</dd>
    </div>
  );
}

/** Second-level support: questions to the national support team and their answers. */
function SupportRequests({ consultation }: { consultation: Consultation }) {
  const { t } = useTranslation();
  const ask = useAskSupport(consultation.id);
  const [question, setQuestion] = useState("");
  const [sent, setSent] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);
  const requests = [...consultation.supportRequests].sort((a, b) => b.askedAt.localeCompare(a.askedAt));
  const fieldError = fieldErrorOf(ask.error);

  return (
    <section className="section" aria-labelledby="support-requests">
      <h2 id="support-requests" ref={heading} tabIndex={-1}>
        {t("consultations.support.title")}
      </h2>
      <p className="muted">{t("consultations.support.intro")}</p>
      <div role="status">
        {sent && (
          <div className="alert alert-success">
            <p>{t("consultations.support.sent")}</p>
          </div>
        )}
      </div>
      {requests.length === 0 ? (
        <p className="muted">{t("consultations.support.none")}</p>
      ) : (
        <ul className="support-list">
          {requests.map((r) => (
            <SupportRequestItem key={r.id} request={r} />
          ))}
        </ul>
      )}
      {consultation.abilities.requestSupport && (
        <QuickForm
          className="form panel support-form"
          onSubmit={(e) => {
            e.preventDefault();
            setSent(false);
            ask.mutate(question.trim(), {
              onSuccess: () => {
                setQuestion("");
                setSent(true);
              },
            });
          }}
        >
          <ErrorAlert error={ask.error} />
          <TextAreaInput
            label={t("consultations.support.question")}
            description={t("consultations.support.questionHint")}
            value={question}
            onChange={setQuestion}
            isRequired
            maxLength={4000}
            validate={(v) => (v.trim() ? null : t("consultations.support.questionRequired"))}
            errorMessage={fieldError("question")}
          />
          <div className="form-actions">
            <PendingButton type="submit" className="button button-primary" isPending={ask.isPending}>
              {t("consultations.support.submit")}
            </PendingButton>
          </div>
        </QuickForm>
      )}
    </section>
  );
}

export function SupportRequestItem({ request: r, children }: { request: SupportRequest; children?: React.ReactNode }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  return (
    <li className="panel support-item">
      <p className="support-meta">
        <span className={r.status === "answered" ? "badge outcome-success" : "badge"}>{t(`consultations.support.status.${r.status}`)}</span>{" "}
        <span className="muted">{t("consultations.support.askedAt", { date: formatDateTime(r.askedAt, lang) })}</span>
      </p>
      <h3 className="support-heading">{t("consultations.support.questionHeading")}</h3>
      <p className="pre-line">{r.question}</p>
      {r.answer ? (
        <div className="support-answer">
          <h3 className="support-heading">
            {t("consultations.support.answerHeading")}{" "}
            <span className="muted small">{t("consultations.support.answeredAt", { date: formatDateTime(r.answeredAt, lang) })}</span>
          </h3>
          <p className="pre-line">{r.answer}</p>
        </div>
      ) : (
        !children && <p className="muted">{t("consultations.support.waiting")}</p>
      )}
      {children}
    </li>
  );
}
