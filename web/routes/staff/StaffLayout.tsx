import { useEffect, useId, useState } from "react";
import { Button } from "react-aria-components";
import { useTranslation } from "react-i18next";
import { Navigate, NavLink, Outlet, useLocation, useNavigate } from "react-router";
import { useLogout, useSession } from "../../api/hooks.js";
import type { SessionUser } from "../../api/types.js";
import { BrandLink } from "../../components/BrandLink.js";
import { ErrorAlert, Loading } from "../../components/feedback.js";
import { MenuIcon } from "../../components/icons.js";
import { LanguageSwitcher } from "../../components/LanguageSwitcher.js";
import { PendingButton } from "../../components/PendingButton.js";
import { SkipLink, useFocusOnNavigate } from "../../components/page.js";
import { SelectInput } from "../../components/select-field.js";
import { navItemsFor, navLabelKey, navPaths } from "../../session/access.js";
import { useWorkingUnit, WorkingUnitProvider } from "../../session/working-unit.js";
import { SiteFooter } from "../public/PublicLayout.js";
import { MfaSetupPage } from "./account/MfaSetup.js";

/** Everything under /staff that needs a session; forces the TOTP set-up while mfaPending. */
export function StaffLayout() {
  const session = useSession();
  const location = useLocation();
  if (session.isPending) return <Loading />;
  if (session.error) return <ErrorAlert error={session.error} />;
  if (!session.data) {
    const next = encodeURIComponent(location.pathname + location.search);
    return <Navigate to={`/staff/login?next=${next}`} replace />;
  }
  return (
    <WorkingUnitProvider user={session.data.user}>
      <StaffShell user={session.data.user} mfaPending={session.data.mfaPending} />
    </WorkingUnitProvider>
  );
}

function StaffShell({ user, mfaPending }: { user: SessionUser; mfaPending: boolean }) {
  const { t } = useTranslation();
  const logout = useLogout();
  const navigate = useNavigate();
  const location = useLocation();
  const [menuOpen, setMenuOpen] = useState(false);
  const navId = useId();
  useFocusOnNavigate();
  // biome-ignore lint/correctness/useExhaustiveDependencies: close the menu whenever the path changes
  useEffect(() => setMenuOpen(false), [location.pathname]);

  const signOut = () => logout.mutate(undefined, { onSettled: () => void navigate("/staff/login", { replace: true }) });

  return (
    <div className="page staff">
      <SkipLink />
      <header className="staff-header">
        <div className="container header-inner">
          <BrandLink to="/staff" tagline={t("shell.staffArea")} />
          <div className="header-actions">
            <LanguageSwitcher />
            {!mfaPending && (
              <Button
                className="button button-quiet nav-toggle"
                aria-expanded={menuOpen}
                aria-controls={navId}
                onPress={() => setMenuOpen((open) => !open)}
              >
                <MenuIcon /> {t("staff.nav.menu")}
              </Button>
            )}
          </div>
        </div>
        {!mfaPending && (
          <nav id={navId} aria-label={t("staff.nav.label")} className={`staff-nav${menuOpen ? " is-open" : ""}`}>
            <div className="container staff-nav-inner">
              <ul className="nav-list">
                {navItemsFor(user).map((item) => (
                  <li key={item}>
                    <NavLink to={navPaths[item]} end={item === "home"} className="nav-link">
                      {t(navLabelKey(item))}
                    </NavLink>
                  </li>
                ))}
              </ul>
              <div className="nav-extras">
                <WorkingUnitSwitcher />
                <span className="nav-user">{user.displayName}</span>
                <PendingButton className="button button-secondary" onPress={signOut} isPending={logout.isPending}>
                  {t("staff.nav.signOut")}
                </PendingButton>
              </div>
            </div>
          </nav>
        )}
      </header>
      <main id="main" tabIndex={-1} className="site-main staff-main">
        <div className="container">{mfaPending ? <MfaSetupPage forced onSignOut={signOut} /> : <Outlet />}</div>
      </main>
      <SiteFooter staff />
    </div>
  );
}

function WorkingUnitSwitcher() {
  const { t } = useTranslation();
  const { options, current, select } = useWorkingUnit();
  if (options.length < 2) {
    return current ? (
      <span className="working-unit">
        <span className="muted">{t("staff.workingUnit.label")}:</span> {current.unitName}
      </span>
    ) : null;
  }
  return (
    <SelectInput
      label={t("staff.workingUnit.label")}
      className="field working-unit-select"
      options={options.map((o) => ({ id: o.unitId, label: o.unitName }))}
      selectedKey={current?.unitId ?? null}
      onSelectionChange={(key) => key && select(String(key))}
    />
  );
}
