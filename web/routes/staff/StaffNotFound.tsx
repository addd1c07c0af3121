import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { usePageTitle } from "../../components/page.js";

export function StaffNotFound() {
  const { t } = useTranslation();
  usePageTitle(t("notFound.title"));
  return (
    <>
      <h1>{t("notFound.title")}</h1>
      <p>{t("notFound.text")}</p>
      <p>
        <Link to="/staff">{t("staff.nav.home")}</Link>
      </p>
    </>
  );
}
