import { useState } from "react";
import { Button, Form } from "react-aria-components";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";
import { ApiError } from "../../../api/client.js";
import { useChangePassword, useMySessions, useRevokeMySession, useSession, useTotpDisable } from "../../../api/hooks.js";
import type { UserSession } from "../../../api/types.js";
import { PASSWORD_MIN_LENGTH } from "../../../api/types.js";
import { ErrorAlert, Notice, QueryState } from "../../../components/feedback.js";
import { TextInput } from "../../../components/fields.js";
import { formatDateTime } from "../../../components/format.js";
import { PendingButton } from "../../../components/PendingButton.js";
import { usePageTitle } from "../../../components/page.js";
import { MfaSetup } from "./MfaSetup.js";

export function AccountPage() {
  const { t } = useTranslation();
  usePageTitle(t("account.title"));
  const user = useSession().data!.user;
  return (
    <>
      <h1>{t("account.title")}</h1>
      <div className="detail-grid">
        <section className="panel" aria-labelledby="account-profile">
          <h2 id="account-profile">{t("account.profile")}</h2>
          <dl className="facts">
            <div className="fact">
              <dt>{t("users.fields.displayName")}</dt>
              <dd>{user.displayName}</dd>
            </div>
            <div className="fact">
              <dt>{t("users.fields.email")}</dt>
              <dd>{user.email}</dd>
            </div>
            <div className="fact">
              <dt>{t("users.sections.roles")}</dt>
              <dd>
                <ul className="plain-list">
                  {user.grants.map((g) => (
                    <li key={`${g.role}-${g.unitId}`}>{t("staff.home.grant", { role: t(`roles.${g.role}`), unit: g.unitName })}</li>
                  ))}
                </ul>
              </dd>
            </div>
          </dl>
        </section>
        <ChangePassword />
      </div>
      <SecondFactor enabled={user.mfaEnabled} />
      <Sessions />
    </>
  );
}

function ChangePassword() {
  const { t } = useTranslation();
  const change = useChangePassword();
  const [current, setCurrent] = useState("");
  const [next, setNext] = useState("");
  const [repeat, setRepeat] = useState("");
  const [formKey, setFormKey] = useState(0);
  const fieldError = (f: string) => (change.error instanceof ApiError ? change.error.fieldMessage(f) : undefined);
  return (
    <section className="panel" aria-labelledby="account-password">
      <h2 id="account-password">{t("account.password.title")}</h2>
      {change.isSuccess && (
        <Notice tone="success">
          <p>{t("account.password.changed")}</p>
        </Notice>
      )}
      <ErrorAlert error={change.error} />
      <Form
        key={formKey}
        className="form"
        onSubmit={(e) => {
          e.preventDefault();
          change.mutate(
            { currentPassword: current, newPassword: next },
            {
              onSuccess: () => {
                setCurrent("");
                setNext("");
                setRepeat("");
                setFormKey((k) => k + 1);
              },
            },
          );
        }}
      >
        <TextInput
          label={t("account.password.current")}
          type="password"
          autoComplete="current-password"
          value={current}
          onChange={setCurrent}
          isRequired
          validate={(v) => (v ? null : t("validation.required"))}
          errorMessage={fieldError("currentPassword")}
        />
        <TextInput
          label={t("auth.fields.newPassword")}
          description={t("auth.fields.newPasswordHint", { min: PASSWORD_MIN_LENGTH })}
          type="password"
          autoComplete="new-password"
          value={next}
          onChange={setNext}
          isRequired
          validate={(v) => (v ? null : t("validation.required"))}
          errorMessage={fieldError("newPassword")}
        />
        <TextInput
          label={t("auth.fields.repeatPassword")}
          type="password"
          autoComplete="new-password"
          value={repeat}
          onChange={setRepeat}
          isRequired
          validate={(v) => (v === next ? null : t("validation.passwordMismatch"))}
        />
        <div className="form-actions">
          <PendingButton type="submit" className="button button-primary" isPending={change.isPending}>
            {t("account.password.submit")}
          </PendingButton>
        </div>
      </Form>
    </section>
  );
}

function SecondFactor({ enabled }: { enabled: boolean }) {
  const { t } = useTranslation();
  const [settingUp, setSettingUp] = useState(false);
  const disable = useTotpDisable();
  const [password, setPassword] = useState("");
  return (
    <section className="panel section" aria-labelledby="account-mfa">
      <h2 id="account-mfa">{t("account.mfa.title")}</h2>
      <p>{enabled ? t("account.mfa.statusOn") : t("account.mfa.statusOff")}</p>
      {!enabled &&
        (settingUp ? (
          <MfaSetup onDone={() => setSettingUp(false)} />
        ) : (
          <Button className="button button-primary" onPress={() => setSettingUp(true)}>
            {t("account.mfa.start")}
          </Button>
        ))}
      {enabled && (
        <Form
          className="form"
          onSubmit={(e) => {
            e.preventDefault();
            disable.mutate(password, { onSuccess: () => setPassword("") });
          }}
        >
          <p className="muted">{t("account.mfa.disableIntro")}</p>
          <ErrorAlert error={disable.error} />
          <TextInput
            label={t("auth.fields.password")}
            type="password"
            autoComplete="current-password"
            value={password}
            onChange={setPassword}
            isRequired
            validate={(v) => (v ? null : t("validation.required"))}
          />
          <div className="form-actions">
            <PendingButton type="submit" className="button button-danger" isPending={disable.isPending}>
              {t("account.mfa.disable")}
            </PendingButton>
          </div>
        </Form>
      )}
    </section>
  );
}

function Sessions() {
  const { t, i18n } = useTranslation();
  const sessions = useMySessions();
  const revoke = useRevokeMySession();
  const navigate = useNavigate();
  return (
    <section className="section" aria-labelledby="account-sessions">
      <h2 id="account-sessions">{t("account.sessions.title")}</h2>
      <p className="muted">{t("account.sessions.intro")}</p>
      <ErrorAlert error={revoke.error} />
      <QueryState query={sessions}>
        {() => (
          <ul className="session-list">
            {sessions.data!.items.map((s: UserSession) => (
              <li key={s.id} className="session card">
                <p>
                  <strong>{describeAgent(s.userAgent) ?? t("account.sessions.unknownDevice")}</strong>
                  {s.current && <span className="badge">{t("account.sessions.current")}</span>}
                </p>
                <p className="muted small">
                  {t("account.sessions.details", {
                    created: formatDateTime(s.createdAt, i18n.language),
                    seen: formatDateTime(s.lastSeenAt, i18n.language),
                    ip: s.ip ?? "–",
                  })}
                </p>
                <PendingButton
                  className="button button-secondary button-small"
                  isPending={revoke.isPending && revoke.variables === s.id}
                  aria-label={
                    s.current
                      ? t("account.sessions.endCurrent")
                      : t("account.sessions.endLabel", { device: describeAgent(s.userAgent) ?? "" })
                  }
                  onPress={() =>
                    revoke.mutate(s.id, {
                      onSuccess: () => {
                        if (s.current) void navigate("/staff/login", { replace: true });
                      },
                    })
                  }
                >
                  {s.current ? t("account.sessions.endCurrent") : t("account.sessions.end")}
                </PendingButton>
              </li>
            ))}
          </ul>
        )}
      </QueryState>
    </section>
  );
}

/** "Firefox on Windows" from a user agent string, roughly. */
function describeAgent(ua: string | null): string | null {
  if (!ua) return null;
  const browser = /Edg\//.test(ua)
    ? "Edge"
    : /Firefox\//.test(ua)
      ? "Firefox"
      : /Chrom(e|ium)\//.test(ua)
        ? "Chrome"
        : /Safari\//.test(ua)
          ? "Safari"
          : null;
  const os = /Windows/.test(ua)
    ? "Windows"
    : /Android/.test(ua)
      ? "Android"
      : /iPhone|iPad/.test(ua)
        ? "iOS"
        : /Mac OS/.test(ua)
          ? "macOS"
          : /Linux/.test(ua)
            ? "Linux"
            : null;
  if (browser && os) return `${browser} · ${os}`;
  return browser ?? os ?? ua.slice(0, 60);
}
