import { useTranslation } from "react-i18next";
import { Link, Outlet } from "react-router";
import { BrandLink } from "../../components/BrandLink.js";
import { LanguageSwitcher } from "../../components/LanguageSwitcher.js";
import { SkipLink, useFocusOnNavigate } from "../../components/page.js";

export function PublicLayout() {
  const { t } = useTranslation();
  useFocusOnNavigate();
  return (
    <div className="page">
      <SkipLink />
      <header className="site-header">
        <div className="container header-inner">
          <BrandLink to="/" tagline={t("app.tagline")} />
          <div className="header-actions">
            <LanguageSwitcher />
            <Link to="/staff/login" className="button button-secondary">
              {t("shell.staffLogin")}
            </Link>
          </div>
        </div>
      </header>
      <main id="main" tabIndex={-1} className="site-main">
        <Outlet />
      </main>
      <SiteFooter />
    </div>
  );
}

export function SiteFooter() {
  const { t } = useTranslation();
  return (
    <footer className="site-footer">
      <div className="container footer-inner">
        <nav aria-label={t("shell.footerNav")}>
          <ul className="footer-links">
            <li>
              <Link to="/beratung-finden">{t("shell.findCounseling")}</Link>
            </li>
            <li>
              <Link to="/barrierefreiheit">{t("shell.accessibility")}</Link>
            </li>
            <li>
              <Link to="/impressum">{t("shell.imprint")}</Link>
            </li>
          </ul>
        </nav>
        <p className="footer-note">{t("shell.footerNote")}</p>
      </div>
    </footer>
  );
}
