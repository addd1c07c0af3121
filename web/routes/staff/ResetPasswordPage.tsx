import { useState } from "react";
import { Form } from "react-aria-components";
import { useTranslation } from "react-i18next";
import { Link, useSearchParams } from "react-router";
import { ApiError } from "../../api/client.js";
import { usePasswordResetConfirm } from "../../api/hooks.js";
import { PASSWORD_MIN_LENGTH } from "../../api/types.js";
import { ErrorAlert, Notice } from "../../components/feedback.js";
import { TextInput } from "../../components/fields.js";
import { PendingButton } from "../../components/PendingButton.js";
import { usePageTitle } from "../../components/page.js";

export function ResetPasswordPage() {
  const { t } = useTranslation();
  usePageTitle(t("auth.reset.title"));
  const [params] = useSearchParams();
  const token = params.get("token") ?? "";
  const confirm = usePasswordResetConfirm();
  const [password, setPassword] = useState("");
  const [repeat, setRepeat] = useState("");

  const error = confirm.error;
  const tokenInvalid = !token || (error instanceof ApiError && error.code === "token_invalid");
  const passwordMessage = error instanceof ApiError ? error.fieldMessage("password") : undefined;

  return (
    <>
      <h1>{t("auth.reset.title")}</h1>
      {confirm.isSuccess ? (
        <Notice tone="success">
          <p>{t("auth.reset.done")}</p>
          <p>
            <Link to="/staff/login">{t("auth.backToLogin")}</Link>
          </p>
        </Notice>
      ) : tokenInvalid ? (
        <div role="alert" className="alert alert-error">
          <p>{t("errors.token_invalid")}</p>
          <p>
            <Link to="/staff/forgot-password">{t("auth.reset.requestNew")}</Link>
          </p>
        </div>
      ) : (
        <>
          <p className="muted">{t("auth.reset.intro")}</p>
          {!passwordMessage && <ErrorAlert error={error} />}
          <Form
            className="form"
            onSubmit={(e) => {
              e.preventDefault();
              confirm.mutate({ token, password });
            }}
          >
            <TextInput
              label={t("auth.fields.newPassword")}
              description={t("auth.fields.newPasswordHint", { min: PASSWORD_MIN_LENGTH })}
              type="password"
              autoComplete="new-password"
              value={password}
              onChange={setPassword}
              isRequired
              errorMessage={passwordMessage}
              validate={(v) => (v ? null : t("validation.required"))}
            />
            <TextInput
              label={t("auth.fields.repeatPassword")}
              type="password"
              autoComplete="new-password"
              value={repeat}
              onChange={setRepeat}
              isRequired
              validate={(v) => (v === password ? null : t("validation.passwordMismatch"))}
            />
            <div className="form-actions">
              <PendingButton type="submit" className="button button-primary" isPending={confirm.isPending}>
                {t("auth.reset.submit")}
              </PendingButton>
            </div>
          </Form>
        </>
      )}
    </>
  );
}
