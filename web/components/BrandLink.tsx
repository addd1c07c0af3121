import { useTranslation } from "react-i18next";
import { Link } from "react-router";

/** The Lotse mark and name in every header; the tagline says which area the page belongs to. */
export function BrandLink({ to, tagline }: { to: string; tagline: string }) {
  const { t } = useTranslation();
  return (
    <Link to={to} className="brand">
      <span className="brand-mark" aria-hidden="true">
        L
      </span>
      <span className="brand-text">
        <span className="brand-name">{t("app.name")}</span>
        <span className="brand-tagline">{tagline}</span>
      </span>
    </Link>
  );
}
