/** Small pieces shared by the casework pages: the casework guard, status badges and the overdue flag. */
import type { ReactNode } from "react";
import { Button } from "react-aria-components";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { ReferralStatus } from "../../../api/casework.js";
import { ApiError } from "../../../api/client.js";
import { useSession } from "../../../api/hooks.js";
import { ErrorAlert } from "../../../components/feedback.js";
import { usePageTitle } from "../../../components/page.js";
import { doesCasework } from "../../../session/access.js";

/** Pages for casework roles only; others get an explanation instead of failing requests. */
export function CaseworkOnly({ title, children }: { title: string; children: ReactNode }) {
  const { t } = useTranslation();
  const user = useSession().data!.user;
  usePageTitle(title);
  if (doesCasework(user)) return <>{children}</>;
  return (
    <>
      <h1>{title}</h1>
      <div className="alert alert-warning">
        <p>{t("errors.forbidden")}</p>
        <p>{t("referrals.noCasework")}</p>
      </div>
      <p>
        <Link to="/staff">{t("staff.nav.home")}</Link>
      </p>
    </>
  );
}

const statusTone: Record<ReferralStatus, string> = {
  sent: "",
  accepted: "",
  in_progress: "",
  completed: "outcome-success",
  declined: "outcome-failure",
  withdrawn: "outcome-denied",
};

export function ReferralStatusBadge({ status }: { status: ReferralStatus }) {
  const { t } = useTranslation();
  return <span className={`badge ${statusTone[status]}`}>{t(`referrals.statuses.${status}`)}</span>;
}

/** Overdue in words and with a symbol, never by colour alone. */
export function OverdueFlag() {
  const { t } = useTranslation();
  return (
    <span className="badge badge-overdue">
      <span aria-hidden="true">⚠ </span>
      {t("referrals.overdue")}
    </span>
  );
}

/** The user is a sub-project lead somewhere (caseload reassignment, revoking accesses). */
export const isLead = (grants: readonly { role: string }[]) => grants.some((g) => g.role === "sub_project_lead");

/**
 * An error of a change that lost a race (409: someone else changed the record, or the status
 * moved on): explained, with a reload of the current state. Other errors show as usual.
 */
export function ChangeError({ error, onReload, conflictText }: { error: unknown; onReload: () => void; conflictText: string }) {
  const { t } = useTranslation();
  if (error instanceof ApiError && error.status === 409 && ["conflict", "invalid_transition"].includes(error.code)) {
    return (
      <div role="alert" className="alert alert-warning">
        <p>{conflictText}</p>
        <Button className="button button-secondary" onPress={onReload}>
          {t("referrals.reload")}
        </Button>
      </div>
    );
  }
  return <ErrorAlert error={error} />;
}
