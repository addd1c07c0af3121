import type { Caller, Row } from "../../../test/access.js";
import { seedId } from "../../directory/seed.js";

/**
 * Access-matrix rows (server/test/access-matrix.ts) for the monitoring routes: statistics of the
 * Berlin demo sub-project are read by those steering it — its lead, the Berlin state
 * coordination, the national monitoring and the federal level. Counselors (also the Bavarian one,
 * out of scope) and administrators read none (decision 0007).
 */
const berlinSub = seedId("unit", "demo-sub-project:DE-BE");
const steering: Caller[] = ["leadBerlin", "coordinationBerlin", "monitoring", "federal"];

export const monitoringAccessRows: Record<string, Row> = {
  "GET /api/monitoring/report": {
    allow: steering,
    request: () => ({ url: `/api/monitoring/report?measure=first_consultations&unit=${berlinSub}&by=year` }),
  },
  "GET /api/monitoring/measures": { allow: steering, request: () => ({ url: "/api/monitoring/measures" }) },
  "GET /api/monitoring/factsheet": {
    allow: steering,
    request: () => ({ url: `/api/monitoring/factsheet?unit=${berlinSub}&from=2022&to=2022` }),
  },
  "GET /api/monitoring/dashboard": {
    allow: steering,
    request: () => ({ url: `/api/monitoring/dashboard?unit=${berlinSub}&from=2022&to=2022` }),
  },
  "GET /api/monitoring/dashboard/options": { allow: steering, request: () => ({ url: "/api/monitoring/dashboard/options" }) },
};
