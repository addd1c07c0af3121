import { useTranslation } from "react-i18next";
import { useGrantableRoles } from "../../../api/hooks.js";
import type { Role } from "../../../api/types.js";
import { SelectInput } from "../../../components/select-field.js";
import { UnitPicker } from "../../../components/UnitPicker.js";

/** Unit first, then the roles this user may grant there (GET /api/roles/grantable). */
export function RoleUnitFields({
  unit,
  onUnitChange,
  role,
  onRoleChange,
  fieldError,
}: {
  unit: { id: string; name: string } | null;
  onUnitChange: (unit: { id: string; name: string } | null) => void;
  role: Role | null;
  onRoleChange: (role: Role | null) => void;
  fieldError: (field: string) => string | undefined;
}) {
  const { t } = useTranslation();
  const grantable = useGrantableRoles(unit?.id ?? null);
  const roles = grantable.data?.roles ?? [];
  return (
    <>
      <UnitPicker
        label={t("users.fields.unit")}
        value={unit?.id ?? null}
        initialName={unit?.name}
        onChange={(u) => {
          onUnitChange(u);
          onRoleChange(null);
        }}
        // No role is granted on a site; roles hold for the whole subtree of their unit.
        filter={(u) => u.type !== "site"}
        isRequired
        errorMessage={fieldError("unitId")}
      />
      <SelectInput
        label={t("users.fields.role")}
        description={unit && grantable.isSuccess && roles.length === 0 ? t("users.noGrantableRoles") : undefined}
        options={roles.map((r) => ({ id: r, label: t(`roles.${r}`) }))}
        selectedKey={role && roles.includes(role) ? role : null}
        onSelectionChange={(k) => onRoleChange(k ? (String(k) as Role) : null)}
        isRequired
        isDisabled={!unit || roles.length === 0}
        validate={(k) => (k ? null : t("validation.chooseOption"))}
        errorMessage={fieldError("role")}
      />
    </>
  );
}
