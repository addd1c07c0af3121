import { useState } from "react";
import { Button, Form } from "react-aria-components";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";
import { ApiError } from "../../../api/client.js";
import { useCreateUser } from "../../../api/hooks.js";
import type { Role } from "../../../api/types.js";
import { DialogActions, ModalDialog } from "../../../components/dialog.js";
import { ErrorAlert } from "../../../components/feedback.js";
import { TextInput } from "../../../components/fields.js";
import { RoleUnitFields } from "./RoleUnitFields.js";

export function CreateUserDialog({ defaultUnit }: { defaultUnit: { id: string; name: string } | null }) {
  const { t } = useTranslation();
  const create = useCreateUser();
  const navigate = useNavigate();
  const [email, setEmail] = useState("");
  const [displayName, setDisplayName] = useState("");
  const [unit, setUnit] = useState(defaultUnit);
  const [role, setRole] = useState<Role | null>(null);
  const fieldError = (f: string) => (create.error instanceof ApiError ? create.error.fieldMessage(f) : undefined);

  return (
    <ModalDialog
      title={t("users.create.title")}
      trigger={<Button className="button button-primary">{t("users.create.open")}</Button>}
      onOpenChange={(open) => {
        if (!open) create.reset();
      }}
    >
      {(close) => (
        <Form
          className="form"
          onSubmit={(e) => {
            e.preventDefault();
            if (!unit || !role) return;
            create.mutate(
              { email: email.trim(), displayName: displayName.trim(), role, unitId: unit.id },
              {
                onSuccess: (user) => {
                  close();
                  void navigate(`/staff/users/${user.id}`);
                },
              },
            );
          }}
        >
          <p className="muted">{t("users.create.intro")}</p>
          <ErrorAlert error={create.error} />
          <TextInput
            label={t("users.fields.displayName")}
            value={displayName}
            onChange={setDisplayName}
            isRequired
            autoFocus
            validate={(v) => (v.trim() ? null : t("validation.required"))}
            errorMessage={fieldError("displayName")}
          />
          <TextInput
            label={t("users.fields.email")}
            type="email"
            value={email}
            onChange={setEmail}
            isRequired
            validate={(v) => (v.trim() ? null : t("validation.required"))}
            errorMessage={fieldError("email")}
          />
          <RoleUnitFields unit={unit} onUnitChange={setUnit} role={role} onRoleChange={setRole} fieldError={fieldError} />
          <DialogActions submitLabel={t("users.create.submit")} isPending={create.isPending} onCancel={close} />
        </Form>
      )}
    </ModalDialog>
  );
}
