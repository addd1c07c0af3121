import { Suspense } from "react";
import { useTranslation } from "react-i18next";
import { Link, Outlet, useLocation } from "react-router";
import { BrandLink } from "../../components/BrandLink.js";
import { Loading } from "../../components/feedback.js";
import { LanguageSwitcher } from "../../components/LanguageSwitcher.js";
import { SkipLink, useFocusOnNavigate } from "../../components/page.js";
import { reportBarrierPath } from "./barrier-link.js";

export function PublicLayout() {
  const { t } = useTranslation();
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
        {/* The header stays while a page's chunk arrives; the main area keeps its height (no layout shift). */}
        <Suspense fallback={<Loading />}>
          <Page />
        </Suspense>
      </main>
      <SiteFooter />
    </div>
  );
}

/** The current page; focus moves to its heading once it is there (its chunk may still be on the way). */
function Page() {
  useFocusOnNavigate();
  return <Outlet />;
}

/**
 * The footer of every page. `staff`: the staff app's (no links meant for people seeking advice),
 * still with the accessibility statement and "report a barrier".
 */
export function SiteFooter({ staff = false }: { staff?: boolean }) {
  const { t } = useTranslation();
  return (
    <footer className="site-footer">
      <div className="container footer-inner">
        <nav aria-label={t("shell.footerNav")}>
          <ul className="footer-links">
            {!staff && (
              <li>
                <Link to="/beratung-finden">{t("shell.findCounseling")}</Link>
              </li>
            )}
            {!staff && (
              <li>
                <Link to="/leichte-sprache">{t("shell.easyRead")}</Link>
              </li>
            )}
            <li>
              <Link to="/barrierefreiheit">{t("shell.accessibility")}</Link>
            </li>
            <li>
              <ReportBarrierLink />
            </li>
            <li>
              <Link to="/impressum">{t("shell.imprint")}</Link>
            </li>
          </ul>
        </nav>
        {!staff && <p className="footer-note">{t("shell.footerNote")}</p>}
      </div>
    </footer>
  );
}

/** To the feedback form of the accessibility statement, with the current page filled in. */
function ReportBarrierLink() {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  return <Link to={reportBarrierPath(pathname)}>{t("shell.reportBarrier")}</Link>;
}
