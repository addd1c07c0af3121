import { useState } from "react";
import { Button, Form } from "react-aria-components";
import { useTranslation } from "react-i18next";
import { Link, Navigate, useNavigate, useSearchParams } from "react-router";
import { ApiError } from "../../api/client.js";
import { useLogin, useSession } from "../../api/hooks.js";
import { ErrorAlert, Loading } from "../../components/feedback.js";
import { TextInput } from "../../components/fields.js";
import { PendingButton } from "../../components/PendingButton.js";
import { usePageTitle } from "../../components/page.js";

/** Only same-app paths below /staff are accepted as the place to return to. */
function safeNext(next: string | null): string {
  return next?.startsWith("/staff") && !next.startsWith("//") ? next : "/staff";
}

export function LoginPage() {
  const { t } = useTranslation();
  usePageTitle(t("auth.login.title"));
  const session = useSession();
  const login = useLogin();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const next = safeNext(params.get("next"));
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const [totp, setTotp] = useState("");
  const [needsTotp, setNeedsTotp] = useState(false);

  if (session.isPending) return <Loading />;
  if (session.data && !login.isSuccess) return <Navigate to={next} replace />;

  const onSubmit = (event: React.FormEvent) => {
    event.preventDefault();
    login.mutate(
      { email, password, ...(needsTotp ? { totp } : {}) },
      {
        onSuccess: () => void navigate(next, { replace: true }),
        onError: (error) => {
          if (error instanceof ApiError && (error.code === "totp_required" || error.code === "totp_invalid")) {
            setNeedsTotp(true);
            setTotp("");
          }
        },
      },
    );
  };

  // "Code required" is the expected next step, not an error: it is announced as guidance.
  const error = login.error instanceof ApiError && login.error.code === "totp_required" ? null : login.error;

  return (
    <>
      <h1>{t("auth.login.title")}</h1>
      <p className="muted">{t("auth.login.intro")}</p>
      <ErrorAlert error={error} />
      {needsTotp && !error && (
        <div role="status" className="alert alert-info">
          <p>{t("auth.login.totpHint")}</p>
        </div>
      )}
      <Form onSubmit={onSubmit} className="form">
        <TextInput
          label={t("auth.fields.email")}
          type="email"
          name="email"
          autoComplete="username"
          value={email}
          onChange={setEmail}
          isRequired
          validate={(v) => (v.trim() ? null : t("validation.required"))}
          isReadOnly={needsTotp}
        />
        <TextInput
          label={t("auth.fields.password")}
          type="password"
          name="password"
          autoComplete="current-password"
          value={password}
          onChange={setPassword}
          isRequired
          validate={(v) => (v ? null : t("validation.required"))}
          isReadOnly={needsTotp}
        />
        {needsTotp && (
          <TextInput
            label={t("auth.fields.totp")}
            description={t("auth.fields.totpDescription")}
            name="totp"
            autoComplete="one-time-code"
            inputMode="numeric"
            maxLength={6}
            value={totp}
            onChange={(v) => setTotp(v.replace(/\D/g, ""))}
            isRequired
            validate={(v) => (/^\d{6}$/.test(v) ? null : t("validation.totp"))}
            autoFocus
            inputProps={{ pattern: "[0-9]*" }}
          />
        )}
        <div className="form-actions">
          <PendingButton type="submit" className="button button-primary" isPending={login.isPending}>
            {login.isPending ? t("auth.login.submitting") : t("auth.login.submit")}
          </PendingButton>
          {needsTotp && (
            <Button
              className="button button-quiet"
              onPress={() => {
                setNeedsTotp(false);
                setTotp("");
                login.reset();
              }}
            >
              {t("auth.login.otherAccount")}
            </Button>
          )}
        </div>
      </Form>
      <p>
        <Link to="/staff/forgot-password">{t("auth.login.forgot")}</Link>
      </p>
    </>
  );
}
