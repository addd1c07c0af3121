import { lazy, Suspense } from "react";
import { I18nProvider, RouterProvider } from "react-aria-components";
import { useTranslation } from "react-i18next";
import { Route, Routes, useHref, useNavigate } from "react-router";
import { Loading } from "./components/feedback.js";
import { CALENDAR } from "./components/format.js";
import { loadStaffTexts } from "./i18n/index.js";
import { PublicLayout } from "./routes/public/PublicLayout.js";

// Each public page is a chunk of its own: the search does not load the booking calendar, a site's
// page no form widgets. The layout (header, footer) comes with the app and shows at once.
const AccessibilityStatementPage = lazy(() =>
  import("./routes/public/AccessibilityStatementPage.js").then((m) => ({ default: m.AccessibilityStatementPage })),
);
const BookingPage = lazy(() => import("./routes/public/booking/BookingPage.js").then((m) => ({ default: m.BookingPage })));
const ManageBookingPage = lazy(() =>
  import("./routes/public/booking/ManageBookingPage.js").then((m) => ({ default: m.ManageBookingPage })),
);
const EasyReadPage = lazy(() => import("./routes/public/EasyReadPage.js").then((m) => ({ default: m.EasyReadPage })));
const FindCounselingPage = lazy(() => import("./routes/public/FindCounselingPage.js").then((m) => ({ default: m.FindCounselingPage })));
const Landing = lazy(() => import("./routes/public/Landing.js").then((m) => ({ default: m.Landing })));
const LegalPage = lazy(() => import("./routes/public/LegalPage.js").then((m) => ({ default: m.LegalPage })));
const NotFound = lazy(() => import("./routes/public/NotFound.js").then((m) => ({ default: m.NotFound })));
const OnlineRequestPage = lazy(() => import("./routes/public/OnlineRequestPage.js").then((m) => ({ default: m.OnlineRequestPage })));
const SitePage = lazy(() => import("./routes/public/SitePage.js").then((m) => ({ default: m.SitePage })));

// The staff app loads on demand, with its texts (every staff page renders inside one of its two
// layouts): the public pages stay small for phones.
const withStaffTexts = <T,>(module: Promise<T>): Promise<T> => Promise.all([module, loadStaffTexts()]).then(([m]) => m);
const AccountPage = lazy(() => import("./routes/staff/account/AccountPage.js").then((m) => ({ default: m.AccountPage })));
const AvailabilityPage = lazy(() =>
  import("./routes/staff/appointments/AvailabilityPage.js").then((m) => ({ default: m.AvailabilityPage })),
);
const CalendarPage = lazy(() => import("./routes/staff/appointments/CalendarPage.js").then((m) => ({ default: m.CalendarPage })));
const AuditPage = lazy(() => import("./routes/staff/audit/AuditPage.js").then((m) => ({ default: m.AuditPage })));
const AuthLayout = lazy(() => withStaffTexts(import("./routes/staff/AuthLayout.js")).then((m) => ({ default: m.AuthLayout })));
const ClientCreatePage = lazy(() => import("./routes/staff/clients/ClientEditPage.js").then((m) => ({ default: m.ClientCreatePage })));
const ClientDetailPage = lazy(() => import("./routes/staff/clients/ClientDetailPage.js").then((m) => ({ default: m.ClientDetailPage })));
const ClientEditPage = lazy(() => import("./routes/staff/clients/ClientEditPage.js").then((m) => ({ default: m.ClientEditPage })));
const ClientsArea = lazy(() => import("./routes/staff/clients/ClientsArea.js").then((m) => ({ default: m.ClientsArea })));
const ClientSearchPage = lazy(() => import("./routes/staff/clients/ClientSearchPage.js").then((m) => ({ default: m.ClientSearchPage })));
const ChecklistPrintPage = lazy(() =>
  import("./routes/staff/procedures/ChecklistPrintPage.js").then((m) => ({ default: m.ChecklistPrintPage })),
);
const ConsultationCreatePage = lazy(() =>
  import("./routes/staff/consultations/ConsultationFormPage.js").then((m) => ({ default: m.ConsultationCreatePage })),
);
const ConsultationDetailPage = lazy(() =>
  import("./routes/staff/consultations/ConsultationDetailPage.js").then((m) => ({ default: m.ConsultationDetailPage })),
);
const ConsultationEditPage = lazy(() =>
  import("./routes/staff/consultations/ConsultationFormPage.js").then((m) => ({ default: m.ConsultationEditPage })),
);
const FeedbackListPage = lazy(() => import("./routes/staff/feedback/FeedbackListPage.js").then((m) => ({ default: m.FeedbackListPage })));
const GroupEventsPage = lazy(() => import("./routes/staff/group-events/GroupEventsPage.js").then((m) => ({ default: m.GroupEventsPage })));
const ProcedureCreatePage = lazy(() =>
  import("./routes/staff/procedures/ProcedureCreatePage.js").then((m) => ({ default: m.ProcedureCreatePage })),
);
const ProcedureDetailPage = lazy(() =>
  import("./routes/staff/procedures/ProcedureDetailPage.js").then((m) => ({ default: m.ProcedureDetailPage })),
);
const SupportQueuePage = lazy(() =>
  import("./routes/staff/consultations/SupportQueuePage.js").then((m) => ({ default: m.SupportQueuePage })),
);
const CaseloadPage = lazy(() => import("./routes/staff/caseload/CaseloadPage.js").then((m) => ({ default: m.CaseloadPage })));
const MonitoringDashboardPage = lazy(() =>
  import("./routes/staff/monitoring/MonitoringDashboardPage.js").then((m) => ({ default: m.MonitoringDashboardPage })),
);
const QueryBuilderPage = lazy(() =>
  import("./routes/staff/monitoring-queries/QueryBuilderPage.js").then((m) => ({ default: m.QueryBuilderPage })),
);
const SavedQueriesPage = lazy(() =>
  import("./routes/staff/monitoring-queries/SavedQueriesPage.js").then((m) => ({ default: m.SavedQueriesPage })),
);
const MyTasksPage = lazy(() => import("./routes/staff/tasks/MyTasksPage.js").then((m) => ({ default: m.MyTasksPage })));
const ReferralDetailPage = lazy(() =>
  import("./routes/staff/referrals/ReferralDetailPage.js").then((m) => ({ default: m.ReferralDetailPage })),
);
const RequestDetailPage = lazy(() =>
  import("./routes/staff/requests/RequestDetailPage.js").then((m) => ({ default: m.RequestDetailPage })),
);
const RequestsPage = lazy(() => import("./routes/staff/requests/RequestsPage.js").then((m) => ({ default: m.RequestsPage })));
const ReferralsPage = lazy(() => import("./routes/staff/referrals/ReferralsPage.js").then((m) => ({ default: m.ReferralsPage })));
const ForgotPasswordPage = lazy(() => import("./routes/staff/ForgotPasswordPage.js").then((m) => ({ default: m.ForgotPasswordPage })));
const UnitCreatePage = lazy(() => import("./routes/staff/directory/UnitEditPage.js").then((m) => ({ default: m.UnitCreatePage })));
const UnitEditPage = lazy(() => import("./routes/staff/directory/UnitEditPage.js").then((m) => ({ default: m.UnitEditPage })));
const UnitDetailPage = lazy(() => import("./routes/staff/directory/UnitDetailPage.js").then((m) => ({ default: m.UnitDetailPage })));
const UnitListPage = lazy(() => import("./routes/staff/directory/UnitListPage.js").then((m) => ({ default: m.UnitListPage })));
const HomePage = lazy(() => import("./routes/staff/HomePage.js").then((m) => ({ default: m.HomePage })));
const LoginPage = lazy(() => import("./routes/staff/LoginPage.js").then((m) => ({ default: m.LoginPage })));
const ResetPasswordPage = lazy(() => import("./routes/staff/ResetPasswordPage.js").then((m) => ({ default: m.ResetPasswordPage })));
const StaffLayout = lazy(() => withStaffTexts(import("./routes/staff/StaffLayout.js")).then((m) => ({ default: m.StaffLayout })));
const StaffNotFound = lazy(() => import("./routes/staff/StaffNotFound.js").then((m) => ({ default: m.StaffNotFound })));
const UserDetailPage = lazy(() => import("./routes/staff/users/UserDetailPage.js").then((m) => ({ default: m.UserDetailPage })));
const UserListPage = lazy(() => import("./routes/staff/users/UserListPage.js").then((m) => ({ default: m.UserListPage })));

export function App() {
  const navigate = useNavigate();
  const { i18n } = useTranslation();
  return (
    // Date pickers in the Gregorian calendar whatever the language (see components/format.ts).
    <I18nProvider locale={`${i18n.language}-u-ca-${CALENDAR}`}>
      <RouterProvider navigate={(to, options) => void navigate(to, options)} useHref={useHref}>
        <Suspense fallback={<Loading />}>
          <Routes>
            <Route element={<PublicLayout />}>
              <Route index element={<Landing />} />
              <Route path="beratung-finden" element={<FindCounselingPage />} />
              <Route path="beratung-finden/standorte/:id" element={<SitePage />} />
              <Route path="beratung-finden/standorte/:id/termin" element={<BookingPage />} />
              <Route path="termin/:id" element={<ManageBookingPage />} />
              <Route path="beratung-finden/standorte/:id/anfrage" element={<OnlineRequestPage />} />
              <Route path="barrierefreiheit" element={<AccessibilityStatementPage />} />
              <Route path="leichte-sprache" element={<EasyReadPage />} />
              <Route path="impressum" element={<LegalPage />} />
            </Route>
            <Route path="staff" element={<AuthLayout />}>
              <Route path="login" element={<LoginPage />} />
              <Route path="forgot-password" element={<ForgotPasswordPage />} />
              <Route path="reset-password" element={<ResetPasswordPage />} />
            </Route>
            <Route path="staff" element={<StaffLayout />}>
              <Route index element={<HomePage />} />
              <Route path="clients" element={<ClientsArea />}>
                <Route index element={<ClientSearchPage />} />
                <Route path="new" element={<ClientCreatePage />} />
                <Route path=":id" element={<ClientDetailPage />} />
                <Route path=":id/edit" element={<ClientEditPage />} />
                <Route path=":id/consultations/new" element={<ConsultationCreatePage />} />
                <Route path=":id/procedures/new" element={<ProcedureCreatePage />} />
              </Route>
              <Route path="consultations" element={<ClientsArea />}>
                <Route path=":id" element={<ConsultationDetailPage />} />
                <Route path=":id/edit" element={<ConsultationEditPage />} />
              </Route>
              <Route path="procedures" element={<ClientsArea />}>
                <Route path=":id" element={<ProcedureDetailPage />} />
                <Route path=":id/checklist" element={<ChecklistPrintPage />} />
              </Route>
              <Route path="group-events" element={<ClientsArea />}>
                <Route index element={<GroupEventsPage />} />
              </Route>
              <Route path="support-requests" element={<SupportQueuePage />} />
              <Route path="referrals" element={<ReferralsPage />} />
              <Route path="referrals/:id" element={<ReferralDetailPage />} />
              <Route path="requests" element={<RequestsPage />} />
              <Route path="requests/:id" element={<RequestDetailPage />} />
              <Route path="tasks" element={<MyTasksPage />} />
              <Route path="caseload" element={<CaseloadPage />} />
              <Route path="appointments" element={<CalendarPage />} />
              <Route path="availability" element={<AvailabilityPage />} />
              <Route path="directory" element={<UnitListPage />} />
              <Route path="directory/:id" element={<UnitDetailPage />} />
              <Route path="directory/:id/edit" element={<UnitEditPage />} />
              <Route path="directory/:id/new" element={<UnitCreatePage />} />
              <Route path="monitoring" element={<MonitoringDashboardPage />} />
              <Route path="users" element={<UserListPage />} />
              <Route path="users/:id" element={<UserDetailPage />} />
              <Route path="audit" element={<AuditPage />} />
              <Route path="feedback" element={<FeedbackListPage />} />
              <Route path="monitoring/queries" element={<SavedQueriesPage />} />
              <Route path="monitoring/queries/new" element={<QueryBuilderPage />} />
              <Route path="monitoring/queries/:id" element={<QueryBuilderPage />} />
              <Route path="account" element={<AccountPage />} />
              <Route path="*" element={<StaffNotFound />} />
            </Route>
            <Route element={<PublicLayout />}>
              <Route path="*" element={<NotFound />} />
            </Route>
          </Routes>
        </Suspense>
      </RouterProvider>
    </I18nProvider>
  );
}
