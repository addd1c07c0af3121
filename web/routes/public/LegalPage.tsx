import { useTranslation } from "react-i18next";
import { usePageTitle } from "../../components/page.js";

/** The imprint: a placeholder until the operator supplies the text. */
export function LegalPage() {
  const { t } = useTranslation();
  const title = t("legal.imprint.title");
  usePageTitle(title);
  return (
    <div className="container section prose">
      <h1>{title}</h1>
      <p>{t("legal.imprint.text")}</p>
      <p className="muted">{t("legal.placeholder")}</p>
    </div>
  );
}
