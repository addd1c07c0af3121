/**
 * /staff/referrals/:id — one referral as the caller's side sees it: target, status with its
 * history, what was shared (the recipient reads exactly that, audited) and the moves allowed now.
 */
import { useRef, useState } from "react";
import { Button } from "react-aria-components";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import type { ShareableClientField } from "../../../../common/domain/referrals.js";
import { type Referral, type ReferralStatus, type SharedClientData, useChangeReferralStatus, useReferral } from "../../../api/casework.js";
import { DialogActions, ModalDialog } from "../../../components/dialog.js";
import { LoadFailed, Loading } from "../../../components/feedback.js";
import { TextAreaInput } from "../../../components/fields.js";
import { formatDate, formatDateTime } from "../../../components/format.js";
import { countryName, languageName, namesOf } from "../../../components/names.js";
import { PendingButton } from "../../../components/PendingButton.js";
import { QuickForm } from "../../../components/QuickForm.js";
import { CaseworkOnly, ChangeError, OverdueFlag, ReferralStatusBadge } from "../casework/parts.js";
import { fieldErrorOf } from "../clients/ClientForm.js";

export function ReferralDetailPage() {
  const { t } = useTranslation();
  return (
    <CaseworkOnly title={t("referrals.detail.pageTitle")}>
      <ReferralLoader />
    </CaseworkOnly>
  );
}

function ReferralLoader() {
  const { id = "" } = useParams();
  const { t } = useTranslation();
  const referral = useReferral(id);
  if (referral.isPending) return <Loading />;
  if (referral.error) {
    return (
      <LoadFailed
        title={t("referrals.detail.pageTitle")}
        error={referral.error}
        backTo="/staff/referrals"
        backLabel={t("referrals.back")}
      />
    );
  }
  return <ReferralView referral={referral.data} reload={() => void referral.refetch()} />;
}

function ReferralView({ referral, reload }: { referral: Referral; reload: () => void }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const sender = referral.side === "sender";
  const status = referral.status as ReferralStatus;
  const target = referral.externalService
    ? referral.externalNote || t(`referrals.codes.externalServices.${referral.externalService}`)
    : referral.targetName;
  const title = sender
    ? t("referrals.detail.titleTo", { partner: target })
    : t("referrals.detail.titleFrom", { partner: referral.fromUnit.name });

  return (
    <>
      <p>
        <Link to={sender ? "/staff/referrals?box=outbox" : "/staff/referrals"}>{t("referrals.back")}</Link>
      </p>
      <div className="page-heading">
        <h1>{title}</h1>
        <p className="badge-row">
          <ReferralStatusBadge status={status} />
          {referral.overdue && <OverdueFlag />}
        </p>
      </div>

      <StatusActions referral={referral} reload={reload} />

      <div className="detail-grid">
        <section className="panel" aria-labelledby="referral-facts">
          <h2 id="referral-facts">{t("referrals.detail.facts")}</h2>
          <dl className="facts">
            <Fact label={t("referrals.columns.from")} value={referral.fromUnit.name} />
            <Fact
              label={t("referrals.columns.to")}
              value={
                referral.externalService
                  ? `${t(`referrals.codes.externalServices.${referral.externalService}`)}${referral.externalNote ? ` – ${referral.externalNote}` : ""}`
                  : referral.targetName
              }
            />
            <Fact label={t("referrals.columns.sentAt")} value={formatDateTime(referral.sentAt, lang)} />
            {status === "sent" && <Fact label={t("referrals.columns.answerDue")} value={formatDate(referral.answerDueOn, lang)} />}
            {referral.statusReason && <Fact label={t("referrals.detail.reason")} value={referral.statusReason} />}
            {referral.message && (
              <Fact label={sender ? t("referrals.fields.message") : t("referrals.detail.messageFrom")} value={referral.message} />
            )}
          </dl>
          {sender && referral.clientId && (
            <p>
              <Link to={`/staff/clients/${referral.clientId}`}>{t("referrals.detail.openClient")}</Link>
            </p>
          )}
        </section>
        <SharedPanel referral={referral} />
      </div>

      <section className="section" aria-labelledby="referral-history">
        <h2 id="referral-history">{t("referrals.detail.history")}</h2>
        <ol className="history">
          {referral.events.map((e) => (
            <li key={e.id} className="history-entry">
              <p className="history-meta">
                {formatDateTime(e.at, lang)}
                {e.actorUnit && ` · ${e.actorUnit.name}`}
              </p>
              <p className="history-change">{t(`referrals.statuses.${e.status}`)}</p>
              {e.reason && <p className="history-fields">{t("referrals.detail.eventReason", { reason: e.reason })}</p>}
            </li>
          ))}
        </ol>
      </section>
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

/** Sender: which fields went out. Recipient: exactly those fields, read now (or nothing after a withdrawal). */
function SharedPanel({ referral }: { referral: Referral }) {
  const { t } = useTranslation();
  const label = (f: ShareableClientField) => t(`referrals.codes.sharedFields.${f}`);
  return (
    <section className="panel" aria-labelledby="referral-shared">
      <h2 id="referral-shared">{t("referrals.detail.shared")}</h2>
      {referral.externalService ? (
        <p className="muted">{t("referrals.detail.externalNothingShared")}</p>
      ) : referral.side === "sender" ? (
        <>
          <p className="small muted">{t("referrals.detail.sharedSenderHint")}</p>
          <p>{referral.sharedFields.length ? referral.sharedFields.map(label).join(", ") : t("referrals.sharedNothing")}</p>
        </>
      ) : referral.shared?.consentWithdrawn ? (
        <div className="alert alert-warning">
          <p>{t("referrals.detail.consentWithdrawn")}</p>
        </div>
      ) : referral.shared?.client ? (
        <>
          <p className="small muted">{t("referrals.detail.sharedRecipientHint")}</p>
          <SharedFacts fields={referral.sharedFields} data={referral.shared.client} />
        </>
      ) : (
        <p className="muted">{t("referrals.detail.nothingAvailable")}</p>
      )}
    </section>
  );
}

function SharedFacts({ fields, data }: { fields: ShareableClientField[]; data: SharedClientData }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const value = (f: ShareableClientField): string | null => {
    switch (f) {
      case "name":
        return data.name ? `${data.name.firstName} ${data.name.lastName}` : null;
      case "contact":
        return data.contact ? [data.contact.email, data.contact.phone].filter(Boolean).join(" · ") || null : null;
      case "preferred_languages":
        return data.preferredLanguages ? namesOf(data.preferredLanguages, languageName, lang) : null;
      case "birth_year":
        return data.birthYear ? String(data.birthYear) : null;
      case "nationalities":
        return data.nationalities ? namesOf(data.nationalities, countryName, lang) : null;
      case "german_level":
        return data.germanLevel ? t(`clients.codes.germanLevels.${data.germanLevel}`) : null;
      case "residence_status":
        return data.residenceStatus ? t(`clients.codes.residenceStatuses.${data.residenceStatus}`) : null;
      case "qualification": {
        const q = data.qualification;
        if (!q) return null;
        return [
          q.country ? countryName(q.country, lang) : null,
          t(`clients.codes.qualificationKinds.${q.kind}`),
          q.year ? String(q.year) : null,
        ]
          .filter(Boolean)
          .join(" · ");
      }
    }
  };
  return (
    <dl className="facts shared-facts">
      {fields.map((f) => (
        <Fact key={f} label={t(`referrals.codes.sharedFields.${f}`)} value={value(f)} />
      ))}
    </dl>
  );
}

/** The moves the caller's side may make now; decline asks for a reason, withdraw for a confirmation. */
function StatusActions({ referral, reload }: { referral: Referral; reload: () => void }) {
  const { t } = useTranslation();
  const change = useChangeReferralStatus(referral.id);
  const [done, setDone] = useState<string | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const next = referral.abilities.nextStatuses as ReferralStatus[];
  const recordsForExternal = referral.side === "sender" && referral.externalService !== null;
  if (next.length === 0 && !done && !change.error) return null;

  const move = (status: ReferralStatus, reason?: string, onSuccess?: () => void) =>
    change.mutate(
      { status, reason: reason || null, version: referral.version },
      {
        onSuccess: () => {
          setDone(t("referrals.actions.done", { status: t(`referrals.statuses.${status}`) }));
          onSuccess?.();
          // The pressed button may be gone now: focus goes to the section heading.
          requestAnimationFrame(() => heading.current?.focus());
        },
      },
    );
  const reloadAll = () => {
    change.reset();
    setDone(null);
    reload();
  };
  const simple = next.filter((s) => s === "accepted" || s === "in_progress" || s === "completed");

  return (
    <section className="panel section referral-actions" aria-labelledby="referral-next">
      <h2 id="referral-next" ref={heading} tabIndex={-1}>
        {t("referrals.actions.title")}
      </h2>
      <div role="status">
        {done && (
          <div className="alert alert-success">
            <p>{done}</p>
          </div>
        )}
      </div>
      <ChangeError error={change.error} conflictText={t("referrals.actions.conflict")} onReload={reloadAll} />
      {next.length === 0 ? (
        <p className="muted">{t("referrals.actions.nothing")}</p>
      ) : (
        <>
          {recordsForExternal && <p className="small muted">{t("referrals.actions.externalHint")}</p>}
          <div className="form-actions">
            {simple.map((s) => (
              <PendingButton
                key={s}
                className="button button-primary"
                isPending={change.isPending && change.variables?.status === s}
                onPress={() => move(s)}
              >
                {t(`referrals.actions.${s}`)}
              </PendingButton>
            ))}
            {next.includes("declined") && (
              <ReasonDialog
                status="declined"
                required
                isPending={change.isPending}
                error={change.error}
                onReset={() => change.reset()}
                onSubmit={(reason, close) => move("declined", reason, close)}
                onReload={reloadAll}
              />
            )}
            {next.includes("withdrawn") && (
              <ReasonDialog
                status="withdrawn"
                isPending={change.isPending}
                error={change.error}
                onReset={() => change.reset()}
                onSubmit={(reason, close) => move("withdrawn", reason, close)}
                onReload={reloadAll}
              />
            )}
          </div>
        </>
      )}
    </section>
  );
}

function ReasonDialog({
  status,
  required = false,
  isPending,
  error,
  onReset,
  onSubmit,
  onReload,
}: {
  status: "declined" | "withdrawn";
  required?: boolean;
  isPending: boolean;
  error: unknown;
  onReset: () => void;
  onSubmit: (reason: string, close: () => void) => void;
  onReload: () => void;
}) {
  const { t } = useTranslation();
  const [reason, setReason] = useState("");
  // Checked on sending only: a message that comes and goes on blur shifts the button away.
  const [tried, setTried] = useState(false);
  const missing = required && !reason.trim();
  const fieldError = fieldErrorOf(error);
  return (
    <ModalDialog
      title={t(`referrals.actions.${status}Title`)}
      trigger={
        <Button className={`button ${status === "withdrawn" ? "button-danger" : "button-secondary"}`}>
          {t(`referrals.actions.${status}`)}
        </Button>
      }
      onOpenChange={(open) => {
        if (!open) {
          setReason("");
          setTried(false);
          onReset();
        }
      }}
    >
      {(close) => (
        <QuickForm
          className="form"
          onSubmit={(e) => {
            e.preventDefault();
            setTried(true);
            if (missing) return;
            onSubmit(reason.trim(), close);
          }}
        >
          <p>{t(`referrals.actions.${status}Intro`)}</p>
          <ChangeError
            error={error}
            conflictText={t("referrals.actions.conflict")}
            onReload={() => {
              close();
              onReload();
            }}
          />
          <TextAreaInput
            label={required ? t("referrals.actions.reasonRequired") : t("referrals.actions.reasonOptional")}
            value={reason}
            onChange={setReason}
            maxLength={1000}
            errorMessage={tried && missing ? t("referrals.actions.reasonMissing") : fieldError("reason")}
            autoFocus
          />
          <DialogActions
            submitLabel={t(`referrals.actions.${status}Submit`)}
            tone={status === "withdrawn" ? "danger" : "primary"}
            isPending={isPending}
            onCancel={close}
          />
        </QuickForm>
      )}
    </ModalDialog>
  );
}
