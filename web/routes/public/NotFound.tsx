import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { usePageTitle } from "../../components/page.js";

export function NotFound() {
  const { t } = useTranslation();
  usePageTitle(t("notFound.title"));
  return (
    <div className="container section prose">
      <h1>{t("notFound.title")}</h1>
      <p>{t("notFound.text")}</p>
      <p>
        <Link to="/">{t("notFound.home")}</Link>
      </p>
    </div>
  );
}
