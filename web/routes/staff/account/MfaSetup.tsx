import { useEffect, useRef, useState } from "react";
import { Button, Form } from "react-aria-components";
import { useTranslation } from "react-i18next";
import { ApiError } from "../../../api/client.js";
import { useTotpEnable, useTotpSetup } from "../../../api/hooks.js";
import { ErrorAlert, Loading, Notice } from "../../../components/feedback.js";
import { TextInput } from "../../../components/fields.js";
import { PendingButton } from "../../../components/PendingButton.js";
import { usePageTitle } from "../../../components/page.js";

/** The forced set-up screen while the session is mfaPending. */
export function MfaSetupPage({ forced, onSignOut }: { forced: boolean; onSignOut: () => void }) {
  const { t } = useTranslation();
  usePageTitle(t("account.mfa.setupTitle"));
  return (
    <div className="narrow">
      <h1>{t("account.mfa.setupTitle")}</h1>
      {forced && (
        <Notice tone="warning" live={false}>
          <p>{t("account.mfa.forcedIntro")}</p>
        </Notice>
      )}
      <MfaSetup />
      {forced && (
        <p>
          <Button className="button button-quiet" onPress={onSignOut}>
            {t("staff.nav.signOut")}
          </Button>
        </p>
      )}
    </div>
  );
}

/** Starts the set-up once, shows QR code and secret, and confirms with a code. */
export function MfaSetup({ onDone }: { onDone?: () => void }) {
  const { t } = useTranslation();
  const setup = useTotpSetup();
  const enable = useTotpEnable();
  const [code, setCode] = useState("");
  const started = useRef(false);

  useEffect(() => {
    if (started.current) return;
    started.current = true;
    setup.mutate();
  }, [setup]);

  if (setup.isPending || setup.isIdle) return <Loading />;
  if (setup.error) return <ErrorAlert error={setup.error} />;
  const data = setup.data!;
  if (enable.isSuccess) {
    return (
      <Notice tone="success">
        <p>{t("account.mfa.enabled")}</p>
      </Notice>
    );
  }

  const codeError =
    enable.error instanceof ApiError
      ? (enable.error.fieldMessage("code") ?? (enable.error.code === "totp_invalid" ? t("errors.totp_invalid") : undefined))
      : undefined;
  const secretGroups = data.secret.match(/.{1,4}/g)?.join(" ") ?? data.secret;
  return (
    <div className="mfa-setup">
      <ol className="mfa-steps">
        <li>{t("account.mfa.step1")}</li>
        <li>
          {t("account.mfa.step2")}
          <img className="qr" src={`data:image/svg+xml;charset=utf-8,${encodeURIComponent(data.qrSvg)}`} alt={t("account.mfa.qrLabel")} />
          <p>
            {t("account.mfa.secretLabel")}{" "}
            <code className="secret" translate="no">
              {secretGroups}
            </code>
          </p>
        </li>
        <li>{t("account.mfa.step3")}</li>
      </ol>
      <ErrorAlert error={enable.error} />
      <Form
        className="form"
        onSubmit={(e) => {
          e.preventDefault();
          enable.mutate(code, { onSuccess: () => onDone?.() });
        }}
      >
        <TextInput
          label={t("auth.fields.totp")}
          description={t("auth.fields.totpDescription")}
          autoComplete="one-time-code"
          inputMode="numeric"
          maxLength={6}
          value={code}
          onChange={(v) => setCode(v.replace(/\D/g, ""))}
          isRequired
          validate={(v) => (/^\d{6}$/.test(v) ? null : t("validation.totp"))}
          errorMessage={codeError}
        />
        <div className="form-actions">
          <PendingButton type="submit" className="button button-primary" isPending={enable.isPending}>
            {t("account.mfa.confirm")}
          </PendingButton>
        </div>
      </Form>
    </div>
  );
}
