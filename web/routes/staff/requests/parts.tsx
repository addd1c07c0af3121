import { useTranslation } from "react-i18next";
import type { RequestStatus } from "../../../../common/domain/requests.js";

const tone: Record<RequestStatus, string> = { new: "", forwarded: "", accepted: "outcome-success", closed: "outcome-denied" };

/** The status in words (never by colour alone). */
export function RequestStatusBadge({ status }: { status: RequestStatus }) {
  const { t } = useTranslation();
  return <span className={`badge ${tone[status]}`}>{t(`requests.statuses.${status}`)}</span>;
}
