import { useDeferredValue, useMemo, useState } from "react";
import { Button, Cell, Column, Input, Label, Row, SearchField, Table, TableBody, TableHeader } from "react-aria-components";
import { useTranslation } from "react-i18next";
import { unitTypes } from "../../../../common/domain/units.js";
import { useUnits } from "../../../api/hooks.js";
import { ErrorAlert, Loading } from "../../../components/feedback.js";
import { CheckboxInput } from "../../../components/fields.js";
import { formatDate } from "../../../components/format.js";
import { CloseIcon } from "../../../components/icons.js";
import { usePageTitle } from "../../../components/page.js";
import { SelectInput } from "../../../components/select-field.js";
import { useWorkingUnit } from "../../../session/working-unit.js";
import { subtreeIds, treeOrder } from "./tree.js";

export function UnitListPage() {
  const { t, i18n } = useTranslation();
  usePageTitle(t("directory.title"));
  const { current } = useWorkingUnit();
  const [q, setQ] = useState("");
  const [type, setType] = useState<string>("all");
  const [includeClosed, setIncludeClosed] = useState(false);
  const [onlyWorkingUnit, setOnlyWorkingUnit] = useState(true);
  const query = useDeferredValue(q.trim());

  const units = useUnits({ q: query || undefined, type: type === "all" ? undefined : type, includeClosed: includeClosed || undefined });

  const rows = useMemo(() => {
    const items = units.data?.items ?? [];
    const scoped = onlyWorkingUnit && current ? subtreeIds(items, current.unitId) : null;
    // While searching or filtering by type the parents may be missing; the scope then relies on the server.
    const filtered = scoped && !query && type === "all" ? items.filter((u) => scoped.has(u.id)) : items;
    return treeOrder(filtered);
  }, [units.data, onlyWorkingUnit, current, query, type]);

  const typeOptions = [{ id: "all", label: t("directory.allTypes") }, ...unitTypes.map((ut) => ({ id: ut, label: t(`unitTypes.${ut}`) }))];

  return (
    <>
      <h1>{t("directory.title")}</h1>
      <p className="muted">{t("directory.intro")}</p>
      {/* biome-ignore lint/a11y/useSemanticElements: <search> is not yet exposed as a landmark by every screen reader */}
      <div role="search" className="filters" aria-label={t("directory.filters")}>
        <SearchField value={q} onChange={setQ} className="field search-field">
          <Label>{t("directory.search")}</Label>
          <div className="combo">
            <Input placeholder={t("directory.searchPlaceholder")} />
            <Button className="combo-button" aria-label={t("common.clearSearch")}>
              <CloseIcon />
            </Button>
          </div>
        </SearchField>
        <SelectInput
          label={t("directory.type")}
          options={typeOptions}
          selectedKey={type}
          onSelectionChange={(k) => setType(String(k ?? "all"))}
        />
        <div className="filter-checks">
          {current && (
            <CheckboxInput isSelected={onlyWorkingUnit} onChange={setOnlyWorkingUnit}>
              {t("directory.onlyWorkingUnit", { unit: current.unitName })}
            </CheckboxInput>
          )}
          <CheckboxInput isSelected={includeClosed} onChange={setIncludeClosed}>
            {t("directory.includeClosed")}
          </CheckboxInput>
        </div>
      </div>

      {units.isPending ? (
        <Loading />
      ) : units.error ? (
        <ErrorAlert error={units.error} />
      ) : (
        <>
          <p role="status" className="result-count">
            {t("directory.count", { count: rows.length })}
          </p>
          <Table aria-label={t("directory.tableLabel")} className="table">
            <TableHeader>
              <Column isRowHeader>{t("directory.columns.name")}</Column>
              <Column>{t("directory.columns.type")}</Column>
              <Column className="col-optional">{t("directory.columns.provider")}</Column>
              <Column className="col-optional">{t("directory.columns.status")}</Column>
            </TableHeader>
            <TableBody items={rows} renderEmptyState={() => <p className="empty">{t("directory.empty")}</p>}>
              {({ unit, level }) => (
                <Row id={unit.id} href={`/staff/directory/${unit.id}`} className="table-row is-link">
                  <Cell>
                    <span className="tree-name" style={{ paddingInlineStart: `${Math.min(level, 6) * 1.25}rem` }}>
                      {level > 0 && (
                        <span aria-hidden="true" className="tree-branch">
                          └
                        </span>
                      )}
                      <span className="link-like">{unit.name}</span>
                      {unit.isDemo && <span className="badge">{t("directory.demo")}</span>}
                    </span>
                  </Cell>
                  <Cell>{t(`unitTypes.${unit.type}`)}</Cell>
                  <Cell className="col-optional">{unit.providerName ?? "–"}</Cell>
                  <Cell className="col-optional">
                    {unit.closedOn ? t("directory.closedSince", { date: formatDate(unit.closedOn, i18n.language) }) : t("directory.open")}
                  </Cell>
                </Row>
              )}
            </TableBody>
          </Table>
        </>
      )}
    </>
  );
}
