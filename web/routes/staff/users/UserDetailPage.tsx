import { useState } from "react";
import { Button, Form } from "react-aria-components";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import { ApiError } from "../../../api/client.js";
import { useGrantRole, useRevokeRole, useRevokeUserSessions, useUpdateUser, useUser } from "../../../api/hooks.js";
import type { Role, User, UserGrant } from "../../../api/types.js";
import { DialogActions, ModalDialog } from "../../../components/dialog.js";
import { ErrorAlert, LoadFailed, Loading, Notice } from "../../../components/feedback.js";
import { TextInput } from "../../../components/fields.js";
import { formatDateTime } from "../../../components/format.js";
import { languageName } from "../../../components/names.js";
import { PendingButton } from "../../../components/PendingButton.js";
import { usePageTitle } from "../../../components/page.js";
import { RoleUnitFields } from "./RoleUnitFields.js";

export function UserDetailPage() {
  const { id = "" } = useParams();
  const { t } = useTranslation();
  const user = useUser(id);
  usePageTitle(user.data?.displayName ?? t("users.title"));
  if (user.isPending) return <Loading />;
  if (user.error) {
    return <LoadFailed title={t("users.user")} error={user.error} backTo="/staff/users" backLabel={t("users.backToList")} />;
  }
  return <UserView user={user.data} />;
}

function UserView({ user }: { user: User }) {
  const { t, i18n } = useTranslation();
  const { abilities } = user;
  return (
    <>
      <p>
        <Link to="/staff/users">{t("users.backToList")}</Link>
      </p>
      <div className="page-heading">
        <h1>
          {user.displayName} {user.disabled && <span className="badge badge-closed">{t("users.disabled")}</span>}
        </h1>
        <p className="muted">{user.email}</p>
      </div>
      {(abilities.update || abilities.disable) && (
        <div className="toolbar">
          {abilities.update && <RenameDialog user={user} />}
          {abilities.disable && <DisableDialog user={user} />}
          {abilities.disable && <RevokeSessionsDialog user={user} />}
        </div>
      )}
      <div className="detail-grid">
        <section className="panel" aria-labelledby="user-facts">
          <h2 id="user-facts">{t("users.sections.account")}</h2>
          <dl className="facts">
            <div className="fact">
              <dt>{t("users.fields.email")}</dt>
              <dd>{user.email}</dd>
            </div>
            <div className="fact">
              <dt>{t("users.columns.status")}</dt>
              <dd>{user.disabled ? t("users.disabled") : t("users.active")}</dd>
            </div>
            <div className="fact">
              <dt>{t("users.fields.mfa")}</dt>
              <dd>{user.mfaEnabled ? t("users.mfaOn") : t("users.mfaOff")}</dd>
            </div>
            <div className="fact">
              <dt>{t("users.fields.language")}</dt>
              <dd>{languageName(user.preferredLanguage, i18n.language)}</dd>
            </div>
          </dl>
        </section>
        <Grants user={user} />
      </div>
    </>
  );
}

function Grants({ user }: { user: User }) {
  const { t, i18n } = useTranslation();
  const revoke = useRevokeRole(user.id);
  return (
    <section className="panel" aria-labelledby="user-grants">
      <h2 id="user-grants">{t("users.sections.roles")}</h2>
      <ErrorAlert error={revoke.error} />
      {user.grants.length === 0 ? (
        <p className="muted">{t("users.noRoles")}</p>
      ) : (
        <ul className="grant-list">
          {user.grants.map((g: UserGrant) => (
            <li key={g.id} className="grant">
              <span>
                <strong>{t(`roles.${g.role}`)}</strong> · <Link to={`/staff/directory/${g.unitId}`}>{g.unitName}</Link>
                <span className="muted small"> · {t("users.grantedAt", { date: formatDateTime(g.grantedAt, i18n.language) })}</span>
              </span>
              {user.abilities.grantRoles && (
                <PendingButton
                  className="button button-quiet button-small"
                  aria-label={t("users.revokeRoleLabel", { role: t(`roles.${g.role}`), unit: g.unitName })}
                  onPress={() => revoke.mutate(g.id)}
                  isPending={revoke.isPending && revoke.variables === g.id}
                >
                  {t("users.revokeRole")}
                </PendingButton>
              )}
            </li>
          ))}
        </ul>
      )}
      {user.abilities.grantRoles && <GrantRoleForm user={user} />}
    </section>
  );
}

function GrantRoleForm({ user }: { user: User }) {
  const { t } = useTranslation();
  const grant = useGrantRole(user.id);
  const [unit, setUnit] = useState<{ id: string; name: string } | null>(null);
  const [role, setRole] = useState<Role | null>(null);
  const [formKey, setFormKey] = useState(0);
  const fieldError = (f: string) => (grant.error instanceof ApiError ? grant.error.fieldMessage(f) : undefined);
  return (
    <Form
      key={formKey}
      className="form subform"
      onSubmit={(e) => {
        e.preventDefault();
        if (unit && role)
          grant.mutate(
            { role, unitId: unit.id },
            {
              onSuccess: () => {
                setUnit(null);
                setRole(null);
                setFormKey((k) => k + 1);
              },
            },
          );
      }}
    >
      <h3>{t("users.grantRole")}</h3>
      <ErrorAlert error={grant.error} />
      {grant.isSuccess && (
        <Notice tone="success">
          <p>{t("users.roleGranted")}</p>
        </Notice>
      )}
      <RoleUnitFields unit={unit} onUnitChange={setUnit} role={role} onRoleChange={setRole} fieldError={fieldError} />
      <div className="form-actions">
        <PendingButton type="submit" className="button button-secondary" isPending={grant.isPending}>
          {t("users.grantRoleSubmit")}
        </PendingButton>
      </div>
    </Form>
  );
}

function RenameDialog({ user }: { user: User }) {
  const { t } = useTranslation();
  const update = useUpdateUser(user.id);
  const [name, setName] = useState(user.displayName);
  return (
    <ModalDialog
      title={t("users.rename.title")}
      trigger={<Button className="button button-secondary">{t("users.rename.open")}</Button>}
      onOpenChange={(o) => !o && update.reset()}
    >
      {(close) => (
        <Form
          className="form"
          onSubmit={(e) => {
            e.preventDefault();
            update.mutate({ version: user.version, displayName: name.trim() }, { onSuccess: close });
          }}
        >
          <ErrorAlert error={update.error} />
          <TextInput
            label={t("users.fields.displayName")}
            value={name}
            onChange={setName}
            isRequired
            autoFocus
            validate={(v) => (v.trim() ? null : t("validation.required"))}
          />
          <DialogActions submitLabel={t("common.save")} isPending={update.isPending} onCancel={close} />
        </Form>
      )}
    </ModalDialog>
  );
}

function DisableDialog({ user }: { user: User }) {
  const { t } = useTranslation();
  const update = useUpdateUser(user.id);
  const disabling = !user.disabled;
  return (
    <ModalDialog
      title={disabling ? t("users.disable.title", { name: user.displayName }) : t("users.enable.title", { name: user.displayName })}
      trigger={
        <Button className={disabling ? "button button-danger" : "button button-secondary"}>
          {disabling ? t("users.disable.open") : t("users.enable.open")}
        </Button>
      }
      onOpenChange={(o) => !o && update.reset()}
    >
      {(close) => (
        <>
          <p>{disabling ? t("users.disable.intro") : t("users.enable.intro")}</p>
          <ErrorAlert error={update.error} />
          <DialogActions
            submitLabel={disabling ? t("users.disable.submit") : t("users.enable.submit")}
            isPending={update.isPending}
            onCancel={close}
            onSubmit={() => update.mutate({ version: user.version, disabled: disabling }, { onSuccess: close })}
            tone={disabling ? "danger" : "primary"}
          />
        </>
      )}
    </ModalDialog>
  );
}

function RevokeSessionsDialog({ user }: { user: User }) {
  const { t } = useTranslation();
  const revoke = useRevokeUserSessions(user.id);
  return (
    <ModalDialog
      title={t("users.sessions.title", { name: user.displayName })}
      trigger={<Button className="button button-secondary">{t("users.sessions.open")}</Button>}
      onOpenChange={(o) => !o && revoke.reset()}
    >
      {(close) =>
        revoke.isSuccess ? (
          <>
            <Notice tone="success">
              <p>{t("users.sessions.done")}</p>
            </Notice>
            <div className="form-actions">
              <Button className="button button-primary" onPress={close} autoFocus>
                {t("common.close")}
              </Button>
            </div>
          </>
        ) : (
          <>
            <p>{t("users.sessions.intro")}</p>
            <ErrorAlert error={revoke.error} />
            <DialogActions
              submitLabel={t("users.sessions.submit")}
              isPending={revoke.isPending}
              onCancel={close}
              tone="danger"
              onSubmit={() => revoke.mutate(undefined)}
            />
          </>
        )
      }
    </ModalDialog>
  );
}
