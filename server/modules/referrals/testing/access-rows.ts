import type { Row } from "../../../test/access.js";

export const referralAccessRows: Record<string, Row> = {};
