import type { Row } from "../../../test/access.js";

export const procedureAccessRows: Record<string, Row> = {};
