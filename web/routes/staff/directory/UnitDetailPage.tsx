import { Link as AriaLink, Breadcrumb, Breadcrumbs } from "react-aria-components";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import { allowedChildTypes } from "../../../../common/domain/units.js";
import { useUnit, useUnitHistory, useUnits } from "../../../api/hooks.js";
import type { Site, UnitDetail, UnitHistoryEntry } from "../../../api/types.js";
import { LoadFailed, Loading, QueryState } from "../../../components/feedback.js";
import { formatDate, formatDateTime, shortTime } from "../../../components/format.js";
import { usePageTitle } from "../../../components/page.js";
import { CloseUnitDialog, MoveUnitDialog, ReopenUnitDialog } from "./UnitActions.js";

export function UnitDetailPage() {
  const { id = "" } = useParams();
  const { t } = useTranslation();
  const unit = useUnit(id);
  usePageTitle(unit.data?.name ?? t("directory.title"));

  if (unit.isPending) return <Loading />;
  if (unit.error) {
    return <LoadFailed title={t("directory.unit")} error={unit.error} backTo="/staff/directory" backLabel={t("directory.backToList")} />;
  }
  return <UnitView unit={unit.data} />;
}

function UnitView({ unit }: { unit: UnitDetail }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const { abilities } = unit;

  return (
    <>
      <Breadcrumbs className="breadcrumbs" aria-label={t("directory.breadcrumbs")}>
        <Breadcrumb>
          <AriaLink href="/staff/directory">{t("directory.title")}</AriaLink>
        </Breadcrumb>
        {unit.ancestors.map((a) => (
          <Breadcrumb key={a.id}>
            <AriaLink href={`/staff/directory/${a.id}`}>{a.name}</AriaLink>
          </Breadcrumb>
        ))}
        <Breadcrumb>
          <AriaLink>{unit.name}</AriaLink>
        </Breadcrumb>
      </Breadcrumbs>

      <div className="page-heading">
        <h1>
          {unit.name} {unit.closedOn && <span className="badge badge-closed">{t("directory.closed")}</span>}
        </h1>
        <p className="muted">{t(`unitTypes.${unit.type}`)}</p>
      </div>

      {(abilities.update || abilities.createChild || abilities.move || abilities.close || abilities.reopen) && (
        <div className="toolbar">
          {abilities.update && (
            <Link className="button button-primary" to={`/staff/directory/${unit.id}/edit`}>
              {t("directory.actions.edit")}
            </Link>
          )}
          {abilities.createChild && !unit.closedOn && allowedChildTypes[unit.type].length > 0 && (
            <Link className="button button-secondary" to={`/staff/directory/${unit.id}/new`}>
              {t("directory.actions.createChild")}
            </Link>
          )}
          {abilities.move && <MoveUnitDialog unit={unit} />}
          {unit.closedOn ? abilities.reopen && <ReopenUnitDialog unit={unit} /> : abilities.close && <CloseUnitDialog unit={unit} />}
        </div>
      )}

      <div className="detail-grid">
        <section className="panel" aria-labelledby="unit-master">
          <h2 id="unit-master">{t("directory.sections.master")}</h2>
          <dl className="facts">
            <Fact label={t("directory.fields.shortName")} value={unit.shortName} />
            <Fact label={t("directory.fields.provider")} value={unit.providerName} />
            {unit.fieldOfAction && <Fact label={t("directory.fields.fieldOfAction")} value={t(`fieldsOfAction.${unit.fieldOfAction}`)} />}
            <Fact label={t("directory.fields.state")} value={unit.stateCode ? t(`states.${unit.stateCode}`) : null} />
            <Fact label={t("directory.fields.openedOn")} value={unit.openedOn ? formatDate(unit.openedOn, lang) : null} />
            {unit.closedOn && <Fact label={t("directory.fields.closedOn")} value={formatDate(unit.closedOn, lang)} />}
            <Fact label={t("directory.fields.childCount")} value={String(unit.childCount)} />
          </dl>
          {unit.description && <p className="description">{unit.description}</p>}
        </section>
        {unit.site && <SiteView site={unit.site} />}
      </div>

      {unit.childCount > 0 && <Children unitId={unit.id} />}
      <History unitId={unit.id} />
    </>
  );
}

function Fact({ label, value }: { label: string; value: string | null | undefined }) {
  return (
    <div className="fact">
      <dt>{label}</dt>
      <dd>{value || "–"}</dd>
    </div>
  );
}

function SiteView({ site }: { site: Site }) {
  const { t } = useTranslation();
  const address = [site.street, [site.postcode, site.city].filter(Boolean).join(" ")].filter(Boolean).join(", ");
  const a11y = (["stepFree", "accessibleToilet", "elevator", "hearingLoop", "parking"] as const).filter((k) => site.accessibility?.[k]);
  const hours = [...(site.openingHours ?? [])].sort((x, y) => x.weekday - y.weekday || x.opens.localeCompare(y.opens));
  return (
    <section className="panel" aria-labelledby="unit-site">
      <h2 id="unit-site">{t("directory.sections.site")}</h2>
      <dl className="facts">
        <Fact label={t("directory.fields.address")} value={address} />
        <Fact label={t("directory.fields.phone")} value={site.phone} />
        <Fact label={t("directory.fields.email")} value={site.email} />
        <Fact label={t("directory.fields.website")} value={site.website} />
        <Fact label={t("directory.fields.languages")} value={site.languages?.join(", ")} />
        <Fact label={t("directory.fields.channels")} value={site.channels?.map((c) => t(`channels.${c}`)).join(", ")} />
      </dl>
      <h3>{t("directory.fields.openingHours")}</h3>
      {hours.length === 0 ? (
        <p className="muted">{t("directory.noOpeningHours")}</p>
      ) : (
        <table className="simple-table opening-hours">
          <caption className="visually-hidden">{t("directory.fields.openingHours")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("directory.fields.weekday")}</th>
              <th scope="col">{t("directory.fields.hours")}</th>
            </tr>
          </thead>
          <tbody>
            {hours.map((h) => (
              <tr key={`${h.weekday}-${h.opens}-${h.closes}`}>
                <th scope="row">{t(`weekdays.${h.weekday}`)}</th>
                <td>{t("directory.timeRange", { opens: shortTime(h.opens), closes: shortTime(h.closes) })}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <h3>{t("directory.fields.accessibility")}</h3>
      {a11y.length === 0 && !site.accessibility?.notes ? (
        <p className="muted">{t("directory.noAccessibility")}</p>
      ) : (
        <ul className="plain-list">
          {a11y.map((k) => (
            <li key={k}>{t(`accessibility.${k}`)}</li>
          ))}
          {site.accessibility?.notes && <li>{site.accessibility.notes}</li>}
        </ul>
      )}
      {site.directions && (
        <>
          <h3>{t("directory.fields.directions")}</h3>
          <p>{site.directions}</p>
        </>
      )}
    </section>
  );
}

function Children({ unitId }: { unitId: string }) {
  const { t } = useTranslation();
  const children = useUnits({ parentId: unitId, includeClosed: true });
  return (
    <section className="section" aria-labelledby="unit-children">
      <h2 id="unit-children">{t("directory.sections.children")}</h2>
      <QueryState query={children}>
        {() => (
          <ul className="link-list">
            {children
              .data!.items.filter((c) => c.parentId === unitId)
              .map((c) => (
                <li key={c.id}>
                  <Link to={`/staff/directory/${c.id}`}>{c.name}</Link> <span className="muted">· {t(`unitTypes.${c.type}`)}</span>
                  {c.closedOn && <span className="badge badge-closed">{t("directory.closed")}</span>}
                </li>
              ))}
          </ul>
        )}
      </QueryState>
    </section>
  );
}

function History({ unitId }: { unitId: string }) {
  const { t, i18n } = useTranslation();
  const history = useUnitHistory(unitId);
  return (
    <section className="section" aria-labelledby="unit-history">
      <h2 id="unit-history">{t("directory.sections.history")}</h2>
      <QueryState query={history}>
        {() =>
          history.data!.items.length === 0 ? (
            <p className="muted">{t("directory.noHistory")}</p>
          ) : (
            <ol className="history">
              {withChangedFields(history.data!.items).map(({ entry: h, changed }) => (
                <li key={h.id} className="history-entry">
                  <p className="history-meta">
                    <time dateTime={h.changedAt}>{formatDateTime(h.changedAt, i18n.language)}</time>
                  </p>
                  <p className="history-change">{t(`directory.changes.${h.change}`, { defaultValue: h.change })}</p>
                  {changed.length > 0 && (
                    <p className="history-fields">
                      {t("directory.changedFields", {
                        fields: changed.map((f) => t(`directory.fields.${f}`, { defaultValue: f })).join(", "),
                      })}
                    </p>
                  )}
                  {h.snapshot && <SnapshotDetails snapshot={h.snapshot} />}
                </li>
              ))}
            </ol>
          )
        }
      </QueryState>
    </section>
  );
}

/** Newest first; each entry with the fields that differ from the entry before it (site fields one level down). */
function withChangedFields(items: UnitHistoryEntry[]): { entry: UnitHistoryEntry; changed: string[] }[] {
  const sorted = [...items].sort((a, b) => b.changedAt.localeCompare(a.changedAt));
  return sorted.map((entry, i) => {
    const previous = sorted[i + 1]?.snapshot;
    const current = entry.snapshot;
    if (!previous || !current) return { entry, changed: [] };
    const changed: string[] = [];
    const ignore = new Set(["version", "updatedAt", "changedAt", "abilities"]);
    for (const key of new Set([...Object.keys(current), ...Object.keys(previous)])) {
      if (ignore.has(key)) continue;
      const a = current[key];
      const b = previous[key];
      if (key === "site" && isRecord(a) && isRecord(b)) {
        for (const sub of new Set([...Object.keys(a), ...Object.keys(b)])) {
          if (JSON.stringify(a[sub]) !== JSON.stringify(b[sub])) changed.push(sub);
        }
      } else if (JSON.stringify(a) !== JSON.stringify(b)) {
        changed.push(key);
      }
    }
    return { entry, changed };
  });
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

function SnapshotDetails({ snapshot }: { snapshot: Record<string, unknown> }) {
  const { t } = useTranslation();
  return (
    <details className="snapshot">
      <summary>{t("directory.snapshot")}</summary>
      <pre>{JSON.stringify(snapshot, null, 2)}</pre>
    </details>
  );
}
