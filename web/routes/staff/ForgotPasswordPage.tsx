import { useState } from "react";
import { Form } from "react-aria-components";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { usePasswordResetRequest } from "../../api/hooks.js";
import { ErrorAlert, Notice } from "../../components/feedback.js";
import { TextInput } from "../../components/fields.js";
import { PendingButton } from "../../components/PendingButton.js";
import { usePageTitle } from "../../components/page.js";

export function ForgotPasswordPage() {
  const { t } = useTranslation();
  usePageTitle(t("auth.forgot.title"));
  const request = usePasswordResetRequest();
  const [email, setEmail] = useState("");

  return (
    <>
      <h1>{t("auth.forgot.title")}</h1>
      {request.isSuccess ? (
        <Notice tone="success">
          <p>{t("auth.forgot.sent")}</p>
        </Notice>
      ) : (
        <>
          <p className="muted">{t("auth.forgot.intro")}</p>
          <ErrorAlert error={request.error} />
          <Form
            className="form"
            onSubmit={(e) => {
              e.preventDefault();
              request.mutate(email);
            }}
          >
            <TextInput
              label={t("auth.fields.email")}
              type="email"
              autoComplete="username"
              value={email}
              onChange={setEmail}
              isRequired
              validate={(v) => (v.trim() ? null : t("validation.required"))}
            />
            <div className="form-actions">
              <PendingButton type="submit" className="button button-primary" isPending={request.isPending}>
                {t("auth.forgot.submit")}
              </PendingButton>
            </div>
          </Form>
        </>
      )}
      <p>
        <Link to="/staff/login">{t("auth.backToLogin")}</Link>
      </p>
    </>
  );
}
