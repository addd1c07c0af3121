import { useState } from "react";
import {
  Button,
  Cell,
  Column,
  FieldError,
  Input,
  Label,
  Row,
  SearchField,
  Table,
  TableBody,
  TableHeader,
  Text,
} from "react-aria-components";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { clientNumberPattern } from "../../../../common/domain/clients.js";
import { ApiError } from "../../../api/client.js";
import { useClientSearch } from "../../../api/hooks.js";
import { useDebounced } from "../../../components/debounce.js";
import { ErrorAlert, Loading } from "../../../components/feedback.js";
import { CloseIcon } from "../../../components/icons.js";
import { countryName, namesOf } from "../../../components/names.js";
import { usePageTitle } from "../../../components/page.js";

/** What the server accepts: two letters of a name, or a whole client number (K and seven digits). */
const isSearchable = (q: string) => clientNumberPattern.test(q.toUpperCase()) || /\p{L}{2}/u.test(q);

/**
 * /staff/clients — search first, no list of everyone. The search text holds names, so it
 * stays in this page's state: never in the address bar or the browser history.
 */
export function ClientSearchPage() {
  const { t, i18n } = useTranslation();
  usePageTitle(t("clients.title"));
  const [q, setQ] = useState("");
  // Every search is an audited read: wait until typing pauses.
  const query = useDebounced(q.trim(), 350);
  const searchable = isSearchable(query);
  const results = useClientSearch(query, searchable);
  const rows = searchable ? (results.data?.items ?? []) : [];
  const serverFieldError = results.error instanceof ApiError ? results.error.fieldMessage("q") : undefined;
  const tooShort = query.length > 0 && !searchable;

  return (
    <>
      <div className="page-heading with-actions">
        <h1>{t("clients.title")}</h1>
        <Link className="button button-primary" to="/staff/clients/new">
          {t("clients.actions.create")}
        </Link>
      </div>
      <p className="muted">{t("clients.search.intro")}</p>
      {/* biome-ignore lint/a11y/useSemanticElements: <search> is not yet exposed as a landmark by every screen reader */}
      <div role="search" className="filters filters-single" aria-label={t("clients.search.label")}>
        <SearchField value={q} onChange={setQ} className="field search-field" isInvalid={Boolean(serverFieldError)}>
          <Label>{t("clients.search.field")}</Label>
          <div className="combo">
            <Input autoComplete="off" spellCheck={false} />
            <Button className="combo-button" aria-label={t("common.clearSearch")}>
              <CloseIcon />
            </Button>
          </div>
          <Text slot="description">{t("clients.search.hint")}</Text>
          <FieldError>{serverFieldError}</FieldError>
        </SearchField>
      </div>

      <div role="status" className="result-count">
        {!query ? (
          <p>{t("clients.search.start")}</p>
        ) : tooShort ? (
          <p>{t("clients.search.tooShort")}</p>
        ) : results.isSuccess && !results.isPlaceholderData ? (
          <p>{t("clients.search.count", { count: rows.length })}</p>
        ) : null}
      </div>

      {searchable && results.isPending ? (
        <Loading />
      ) : results.error && !serverFieldError ? (
        <ErrorAlert error={results.error} />
      ) : searchable && results.data ? (
        <Table aria-label={t("clients.search.tableLabel")} className="table">
          <TableHeader>
            <Column isRowHeader>{t("clients.columns.name")}</Column>
            <Column>{t("clients.columns.number")}</Column>
            <Column className="col-optional">{t("clients.columns.birthYear")}</Column>
            <Column className="col-optional">{t("clients.columns.nationalities")}</Column>
            <Column className="col-optional">{t("clients.columns.unit")}</Column>
          </TableHeader>
          <TableBody items={rows} renderEmptyState={() => <p className="empty">{t("clients.search.empty")}</p>}>
            {(client) => (
              <Row id={client.id} href={`/staff/clients/${client.id}`} className="table-row is-link">
                <Cell className="break-anywhere">
                  <span className="link-like">{t("clients.sortName", { firstName: client.firstName, lastName: client.lastName })}</span>
                </Cell>
                <Cell>{client.number}</Cell>
                <Cell className="col-optional">{client.birthYear}</Cell>
                <Cell className="col-optional">{namesOf(client.nationalities, countryName, i18n.language)}</Cell>
                <Cell className="col-optional">{client.unit.name}</Cell>
              </Row>
            )}
          </TableBody>
        </Table>
      ) : null}
    </>
  );
}
