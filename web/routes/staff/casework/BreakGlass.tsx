/**
 * Notfallzugriff: the prompt for a client of another sub-project in the own state network, and
 * the list of such accesses for the owning sub-project (its leads may end one early).
 */
import { useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { useAccessGrants, useBreakGlass, useRevokeAccessGrant } from "../../../api/casework.js";
import type { Client } from "../../../api/types.js";
import { ErrorAlert, QueryState } from "../../../components/feedback.js";
import { TextAreaInput } from "../../../components/fields.js";
import { formatDateTime } from "../../../components/format.js";
import { PendingButton } from "../../../components/PendingButton.js";
import { QuickForm } from "../../../components/QuickForm.js";
import { fieldErrorOf } from "../clients/ClientForm.js";

const MIN_REASON = 10;

/** Shown instead of the client when reading it answered 403 (another sub-project, same state network). */
export function BreakGlassPrompt({ clientId, onGranted }: { clientId: string; onGranted: () => void }) {
  const { t } = useTranslation();
  const breakGlass = useBreakGlass(clientId);
  const [reason, setReason] = useState("");
  // Checked on sending only: a message that comes and goes while typing shifts the button away.
  const [tried, setTried] = useState(false);
  const tooShort = reason.trim().length < MIN_REASON;
  const fieldError = fieldErrorOf(breakGlass.error);

  return (
    <div className="narrow">
      <p>
        <Link to="/staff/clients">{t("breakGlass.back")}</Link>
      </p>
      <h1>{t("breakGlass.title")}</h1>
      <p>{t("breakGlass.intro")}</p>
      <ul className="plain-list break-glass-terms">
        <li>{t("breakGlass.terms.limited")}</li>
        <li>{t("breakGlass.terms.audited")}</li>
        <li>{t("breakGlass.terms.leadNotified")}</li>
      </ul>
      <ErrorAlert error={breakGlass.error && !fieldError("reason") ? breakGlass.error : null} />
      <QuickForm
        className="form"
        onSubmit={(e) => {
          e.preventDefault();
          setTried(true);
          if (tooShort) return;
          breakGlass.mutate(reason.trim(), { onSuccess: () => onGranted() });
        }}
      >
        <TextAreaInput
          label={t("breakGlass.reason")}
          description={t("breakGlass.reasonHint", { min: MIN_REASON })}
          value={reason}
          onChange={setReason}
          maxLength={500}
          errorMessage={tried && tooShort ? t("breakGlass.reasonTooShort", { min: MIN_REASON }) : fieldError("reason")}
          autoFocus
        />
        <div className="form-actions">
          <PendingButton type="submit" className="button button-danger" isPending={breakGlass.isPending}>
            {t("breakGlass.submit")}
          </PendingButton>
          <Link className="button button-quiet" to="/staff/clients">
            {t("common.cancel")}
          </Link>
        </div>
      </QuickForm>
    </div>
  );
}

/** Who opened this file by break-the-glass, why and until when (owning sub-project only). */
export function AccessGrants({ client }: { client: Client }) {
  const { t, i18n } = useTranslation();
  const grants = useAccessGrants(client.id, true);
  const revoke = useRevokeAccessGrant(client.id);
  const heading = useRef<HTMLHeadingElement>(null);
  const [revoked, setRevoked] = useState<string | null>(null);
  // Ending an access is for the leads of the owning sub-project (the same who may erase).
  const mayRevoke = client.abilities.erase;
  const lang = i18n.language;
  const items = grants.data?.items ?? [];
  if (grants.isSuccess && items.length === 0) return null;

  return (
    <section className="panel section" aria-labelledby="client-access-grants">
      <h2 id="client-access-grants" ref={heading} tabIndex={-1}>
        {t("breakGlass.grants.title")}
      </h2>
      <p className="small muted">{t("breakGlass.grants.intro")}</p>
      <div role="status">
        {revoked && (
          <div className="alert alert-success">
            <p>{t("breakGlass.grants.revoked", { name: revoked })}</p>
          </div>
        )}
      </div>
      <ErrorAlert error={revoke.error} />
      <QueryState query={grants}>
        {() => (
          <table className="simple-table stack-table">
            <caption className="visually-hidden">{t("breakGlass.grants.title")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("breakGlass.grants.user")}</th>
                <th scope="col">{t("breakGlass.grants.reason")}</th>
                <th scope="col">{t("breakGlass.grants.grantedAt")}</th>
                <th scope="col">{t("breakGlass.grants.status")}</th>
                <th scope="col">
                  <span className="visually-hidden">{t("common.actions")}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {items.map((g) => (
                <tr key={g.id}>
                  <th scope="row" data-label={t("breakGlass.grants.user")}>
                    {g.user.name}
                  </th>
                  <td data-label={t("breakGlass.grants.reason")} className="break-anywhere">
                    {g.reason}
                  </td>
                  <td data-label={t("breakGlass.grants.grantedAt")}>{formatDateTime(g.grantedAt, lang)}</td>
                  <td data-label={t("breakGlass.grants.status")}>
                    {g.active
                      ? t("breakGlass.grants.activeUntil", { time: formatDateTime(g.expiresAt, lang) })
                      : g.revokedAt
                        ? t("breakGlass.grants.revokedAt", { time: formatDateTime(g.revokedAt, lang) })
                        : t("breakGlass.grants.expiredAt", { time: formatDateTime(g.expiresAt, lang) })}
                  </td>
                  <td className="cell-actions">
                    {mayRevoke && g.active && (
                      <PendingButton
                        className="button button-secondary button-small"
                        aria-label={t("breakGlass.grants.revokeLabel", { name: g.user.name })}
                        isPending={revoke.isPending && revoke.variables === g.id}
                        onPress={() =>
                          revoke.mutate(g.id, {
                            onSuccess: () => {
                              setRevoked(g.user.name);
                              heading.current?.focus();
                            },
                          })
                        }
                      >
                        {t("breakGlass.grants.revoke")}
                      </PendingButton>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </QueryState>
    </section>
  );
}

/** For the reader by break-the-glass: what this access is and is not. */
export function BreakGlassNotice() {
  const { t } = useTranslation();
  return (
    <div className="alert alert-warning">
      <p>{t("breakGlass.readOnly")}</p>
    </div>
  );
}
