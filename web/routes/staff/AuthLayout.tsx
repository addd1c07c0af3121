import { useTranslation } from "react-i18next";
import { Outlet } from "react-router";
import { BrandLink } from "../../components/BrandLink.js";
import { LanguageSwitcher } from "../../components/LanguageSwitcher.js";
import { SkipLink, useFocusOnNavigate } from "../../components/page.js";
import { SiteFooter } from "../public/PublicLayout.js";

/** Sign-in, password reset: a small centred card, no staff navigation. */
export function AuthLayout() {
  const { t } = useTranslation();
  useFocusOnNavigate();
  return (
    <div className="page">
      <SkipLink />
      <header className="site-header">
        <div className="container header-inner">
          <BrandLink to="/" tagline={t("shell.staffArea")} />
          <div className="header-actions">
            <LanguageSwitcher />
          </div>
        </div>
      </header>
      <main id="main" tabIndex={-1} className="site-main auth-main">
        <div className="auth-card">
          <Outlet />
        </div>
      </main>
      <SiteFooter />
    </div>
  );
}
