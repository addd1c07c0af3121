import { useDeferredValue, useState } from "react";
import { Button, Cell, Column, Input, Label, Row, SearchField, Table, TableBody, TableHeader } from "react-aria-components";
import { useTranslation } from "react-i18next";
import { useUsers } from "../../../api/hooks.js";
import type { User } from "../../../api/types.js";
import { ErrorAlert, Loading } from "../../../components/feedback.js";
import { CloseIcon } from "../../../components/icons.js";
import { PendingButton } from "../../../components/PendingButton.js";
import { usePageTitle } from "../../../components/page.js";
import { UnitPicker } from "../../../components/UnitPicker.js";
import { useWorkingUnit } from "../../../session/working-unit.js";
import { CreateUserDialog } from "./CreateUserDialog.js";

export function UserListPage() {
  const { t } = useTranslation();
  usePageTitle(t("users.title"));
  const { current } = useWorkingUnit();
  const [q, setQ] = useState("");
  const [unit, setUnit] = useState<{ id: string; name: string } | null>(current ? { id: current.unitId, name: current.unitName } : null);
  const query = useDeferredValue(q.trim());
  const users = useUsers({ q: query || undefined, unitId: unit?.id });
  const rows: User[] = users.data?.pages.flatMap((p) => p.items) ?? [];

  return (
    <>
      <div className="page-heading with-actions">
        <h1>{t("users.title")}</h1>
        <CreateUserDialog defaultUnit={unit ?? (current ? { id: current.unitId, name: current.unitName } : null)} />
      </div>
      {/* biome-ignore lint/a11y/useSemanticElements: <search> is not yet exposed as a landmark by every screen reader */}
      <div role="search" className="filters" aria-label={t("users.filters")}>
        <SearchField value={q} onChange={setQ} className="field search-field">
          <Label>{t("users.search")}</Label>
          <div className="combo">
            <Input placeholder={t("users.searchPlaceholder")} />
            <Button className="combo-button" aria-label={t("common.clearSearch")}>
              <CloseIcon />
            </Button>
          </div>
        </SearchField>
        <UnitPicker
          label={t("users.unitFilter")}
          description={t("users.unitFilterHint")}
          value={unit?.id ?? null}
          initialName={unit?.name}
          onChange={setUnit}
        />
      </div>
      {users.isPending ? (
        <Loading />
      ) : users.error ? (
        <ErrorAlert error={users.error} />
      ) : (
        <>
          <p role="status" className="result-count">
            {t("users.count", { count: rows.length, more: users.hasNextPage ? "yes" : "no" })}
          </p>
          <Table aria-label={t("users.tableLabel")} className="table">
            <TableHeader>
              <Column isRowHeader>{t("users.columns.name")}</Column>
              <Column className="col-optional">{t("users.columns.email")}</Column>
              <Column>{t("users.columns.roles")}</Column>
              <Column className="col-optional">{t("users.columns.status")}</Column>
            </TableHeader>
            <TableBody items={rows} renderEmptyState={() => <p className="empty">{t("users.empty")}</p>}>
              {(user) => (
                <Row id={user.id} href={`/staff/users/${user.id}`} className="table-row is-link">
                  <Cell>
                    <span className="link-like">{user.displayName}</span>
                  </Cell>
                  <Cell className="col-optional">{user.email}</Cell>
                  <Cell>{user.grants.map((g) => t("users.grantShort", { role: t(`roles.${g.role}`), unit: g.unitName })).join("; ")}</Cell>
                  <Cell className="col-optional">
                    {user.disabled ? <span className="badge badge-closed">{t("users.disabled")}</span> : t("users.active")}
                    {user.mfaEnabled && <span className="badge">{t("users.mfa")}</span>}
                  </Cell>
                </Row>
              )}
            </TableBody>
          </Table>
          {users.hasNextPage && (
            <p>
              <PendingButton
                className="button button-secondary"
                onPress={() => void users.fetchNextPage()}
                isPending={users.isFetchingNextPage}
              >
                {t("common.loadMore")}
              </PendingButton>
            </p>
          )}
        </>
      )}
    </>
  );
}
