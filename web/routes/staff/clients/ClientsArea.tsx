import { useTranslation } from "react-i18next";
import { Link, Outlet } from "react-router";
import { useSession } from "../../../api/hooks.js";
import { usePageTitle } from "../../../components/page.js";
import { doesCasework } from "../../../session/access.js";

/** /staff/clients/* — only for casework roles; others get an explanation instead of failing searches. */
export function ClientsArea() {
  const user = useSession().data!.user;
  if (doesCasework(user)) return <Outlet />;
  return <NoCasework />;
}

function NoCasework() {
  const { t } = useTranslation();
  usePageTitle(t("clients.title"));
  return (
    <>
      <h1>{t("clients.title")}</h1>
      <div className="alert alert-warning">
        <p>{t("errors.forbidden")}</p>
        <p>{t("clients.noCasework")}</p>
      </div>
      <p>
        <Link to="/staff">{t("staff.nav.home")}</Link>
      </p>
    </>
  );
}
