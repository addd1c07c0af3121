import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { useSession } from "../../api/hooks.js";
import { Notice } from "../../components/feedback.js";
import { usePageTitle } from "../../components/page.js";
import { navDescriptionKey, navItemsFor, navLabelKey, navPaths } from "../../session/access.js";
import { useWorkingUnit } from "../../session/working-unit.js";

export function HomePage() {
  const { t } = useTranslation();
  usePageTitle(t("staff.home.title"));
  const user = useSession().data!.user;
  const { current } = useWorkingUnit();
  const items = navItemsFor(user).filter((i) => i !== "home");

  return (
    <>
      <h1>{t("staff.home.greeting", { name: user.displayName })}</h1>
      {current && (
        <p className="lead">
          {t("staff.home.workingUnit", { unit: current.unitName })}{" "}
          <span className="muted">({current.roles.map((r) => t(`roles.${r}`)).join(", ")})</span>
        </p>
      )}
      {!user.mfaEnabled && (
        <Notice tone="warning" live={false}>
          <p>
            {t("staff.home.mfaHint")} <Link to="/staff/account">{t("staff.home.mfaLink")}</Link>
          </p>
        </Notice>
      )}
      <h2>{t("staff.home.tasks")}</h2>
      <ul className="card-grid">
        {items.map((item) => (
          <li key={item} className="card card-link">
            <h3>
              <Link to={navPaths[item]}>{t(navLabelKey(item))}</Link>
            </h3>
            <p>{t(navDescriptionKey(item))}</p>
          </li>
        ))}
      </ul>
      <h2>{t("staff.home.rolesTitle")}</h2>
      <ul className="plain-list">
        {user.grants.map((g) => (
          <li key={`${g.role}-${g.unitId}`}>{t("staff.home.grant", { role: t(`roles.${g.role}`), unit: g.unitName })}</li>
        ))}
      </ul>
    </>
  );
}
