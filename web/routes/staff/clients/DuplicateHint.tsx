/** "Mögliche Dubletten": people already recorded who resemble the one being entered; never blocks saving. */
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { useDuplicateCheck } from "../../../api/hooks.js";
import type { DuplicateCheck } from "../../../api/types.js";

export function DuplicateHint({ input }: { input: DuplicateCheck | null }) {
  const { t } = useTranslation();
  const check = useDuplicateCheck(input);
  const items = check.data?.items ?? [];
  // The live region stays in the page so that its content is announced when it arrives.
  return (
    <div role="status" className="duplicate-hint">
      {input && items.length > 0 && (
        <div className="alert alert-warning">
          <h2 className="alert-title">{t("clients.duplicates.title")}</h2>
          <p>{t("clients.duplicates.intro", { count: items.length })}</p>
          <ul className="link-list">
            {items.map((c) => (
              <li key={c.id}>
                <Link to={`/staff/clients/${c.id}`}>{t("clients.sortName", { firstName: c.firstName, lastName: c.lastName })}</Link>{" "}
                <span className="muted">
                  · {t("clients.duplicates.born", { year: c.birthYear })} · {c.number} · {c.unit.name}
                </span>
              </li>
            ))}
          </ul>
          <p className="small">{t("clients.duplicates.saveAnyway")}</p>
        </div>
      )}
    </div>
  );
}
