import { appointmentAccessRows } from "../modules/appointments/testing/access-rows.js";
import { clientAccessRows } from "../modules/clients/testing/access-rows.js";
import { clientLifecycleAccessRows } from "../modules/clients/testing/lifecycle-access-rows.js";
import { consultationAccessRows } from "../modules/consultations/testing/access-rows.js";
import { directoryAccessRows } from "../modules/directory/testing/access-rows.js";
import { feedbackAccessRows } from "../modules/feedback/testing/access-rows.js";
import { identityAccessRows } from "../modules/identity/testing/access-rows.js";
import { monitoringAccessRows } from "../modules/monitoring/testing/access-rows.js";
import { savedQueryAccessRows } from "../modules/monitoring/testing/saved-queries-access-rows.js";
import { procedureAccessRows } from "../modules/procedures/testing/access-rows.js";
import { referralAccessRows } from "../modules/referrals/testing/access-rows.js";
import { requestAccessRows } from "../modules/requests/testing/access-rows.js";
import { everyone, type Row, signedIn } from "./access.js";

/**
 * The expected access of every API route, written down by hand from the roles' descriptions
 * (README, issue texts) — not derived from the policies under test. Module rows live next to
 * their module (`testing/access-rows.ts`).
 */
const platformRows: Record<string, Row> = {
  "GET /api/health": { allow: everyone, request: () => ({ url: "/api/health" }) },
  "GET /api/openapi.json": { allow: everyone, request: () => ({ url: "/api/openapi.json" }) },
  "GET /api/dev/outbox": { allow: everyone, request: () => ({ url: "/api/dev/outbox" }) },
  "POST /api/auth/login": {
    allow: everyone,
    request: () => ({ url: "/api/auth/login", body: { email: "berater.berlin@lotse.demo", password: "lotse-demo-2026" } }),
  },
  "POST /api/auth/logout": { allow: signedIn, freshSession: true, request: () => ({ url: "/api/auth/logout" }) },
  "GET /api/auth/session": { allow: signedIn, request: () => ({ url: "/api/auth/session" }) },
  "GET /api/audit/events": { allow: ["admin"], request: () => ({ url: "/api/audit/events?limit=5" }) },
  "GET /api/public/form-token": { allow: everyone, request: () => ({ url: "/api/public/form-token" }) },
};

export const accessMatrix: Record<string, Row> = {
  ...platformRows,
  ...identityAccessRows,
  ...directoryAccessRows,
  ...clientAccessRows,
  ...clientLifecycleAccessRows,
  ...consultationAccessRows,
  ...procedureAccessRows,
  ...referralAccessRows,
  ...appointmentAccessRows,
  ...feedbackAccessRows,
  ...requestAccessRows,
  ...monitoringAccessRows,
  ...savedQueryAccessRows,
};
