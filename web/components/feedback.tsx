/** Error and status messages; API problems are mapped to translated messages by code. */
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { ApiError } from "../api/client.js";

/** A translated message for an API error: errors.<code> when known, else the server's title. */
function useProblemMessage() {
  const { t, i18n } = useTranslation();
  return (error: unknown): string => {
    if (error instanceof ApiError) {
      const key = `errors.${error.code}`;
      const minutes = error.retryAfterSeconds ? Math.max(1, Math.ceil(error.retryAfterSeconds / 60)) : 0;
      if (i18n.exists(key)) {
        if (error.code === "account_locked" || error.code === "rate_limited") {
          return minutes ? t(`${key}_wait`, { minutes }) : t(key);
        }
        return t(key);
      }
      if (error.problem.title) return error.problem.title;
    }
    return t("errors.unknown");
  };
}

export function ErrorAlert({ error, children }: { error: unknown; children?: ReactNode }) {
  const message = useProblemMessage();
  if (!error) return null;
  return (
    <div role="alert" className="alert alert-error">
      <p>{message(error)}</p>
      {children}
    </div>
  );
}

/** A record page whose record could not be loaded (404, 403, …): heading, reason, way back. */
export function LoadFailed({ title, error, backTo, backLabel }: { title: string; error: unknown; backTo: string; backLabel: string }) {
  return (
    <>
      <h1>{title}</h1>
      <ErrorAlert error={error} />
      <p>
        <Link to={backTo}>{backLabel}</Link>
      </p>
    </>
  );
}

export function Notice({
  tone = "info",
  children,
  live = true,
}: {
  tone?: "info" | "success" | "warning";
  children: ReactNode;
  live?: boolean;
}) {
  return (
    <div role={live ? "status" : undefined} className={`alert alert-${tone}`}>
      {children}
    </div>
  );
}

export function Loading() {
  const { t } = useTranslation();
  return (
    <p className="loading" role="status">
      {t("common.loading")}
    </p>
  );
}

/** A query's loading / error state, or its content. */
export function QueryState({ query, children }: { query: { isPending: boolean; error: unknown }; children: () => ReactNode }) {
  if (query.isPending) return <Loading />;
  if (query.error) return <ErrorAlert error={query.error} />;
  return <>{children()}</>;
}
