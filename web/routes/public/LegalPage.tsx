import { useTranslation } from "react-i18next";
import { usePageTitle } from "../../components/page.js";

/** Placeholders until the operator supplies the legal texts. */
export function LegalPage({ page }: { page: "accessibility" | "imprint" }) {
  const { t } = useTranslation();
  const title = t(`legal.${page}.title`);
  usePageTitle(title);
  return (
    <div className="container section prose">
      <h1>{title}</h1>
      <p>{t(`legal.${page}.text`)}</p>
      <p className="muted">{t("legal.placeholder")}</p>
    </div>
  );
}
