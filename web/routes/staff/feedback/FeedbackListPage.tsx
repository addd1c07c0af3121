/** Reports of barriers from the accessibility statement's form, newest first (network administrators). */
import { useTranslation } from "react-i18next";
import { useAccessibilityFeedback } from "../../../api/hooks.js";
import { QueryState } from "../../../components/feedback.js";
import { formatDateTime } from "../../../components/format.js";
import { languageName } from "../../../components/names.js";
import { PendingButton } from "../../../components/PendingButton.js";
import { usePageTitle } from "../../../components/page.js";

export function FeedbackListPage() {
  const { t, i18n } = useTranslation();
  usePageTitle(t("feedbackAdmin.title"));
  const reports = useAccessibilityFeedback();
  const items = reports.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <>
      <h1>{t("feedbackAdmin.title")}</h1>
      <p className="muted">{t("feedbackAdmin.intro")}</p>
      <QueryState query={reports}>
        {() => (
          <>
            <p role="status" className="result-count">
              {t("feedbackAdmin.count", { count: items.length })}
            </p>
            {items.length === 0 ? (
              <p className="empty">{t("feedbackAdmin.empty")}</p>
            ) : (
              <ol className="feedback-list" aria-label={t("feedbackAdmin.listLabel")}>
                {items.map((report) => (
                  <li key={report.id} className="card">
                    <article aria-labelledby={`report-${report.id}`}>
                      <h2 id={`report-${report.id}`} className="feedback-heading">
                        <time dateTime={report.createdAt}>{formatDateTime(report.createdAt, i18n.language, "short")}</time>
                        {report.page && (
                          <>
                            {" · "}
                            <bdi className="break-anywhere">{report.page}</bdi>
                          </>
                        )}
                      </h2>
                      <p className="feedback-description">
                        <bdi>{report.description}</bdi>
                      </p>
                      <dl className="site-facts">
                        <div>
                          <dt>{t("feedbackAdmin.contact")}</dt>
                          <dd>
                            {report.name && <bdi>{report.name}</bdi>}
                            {report.name && report.email && " · "}
                            {report.email && (
                              <a href={`mailto:${report.email}`} className="break-anywhere">
                                {report.email}
                              </a>
                            )}
                            {!report.name && !report.email && t("feedbackAdmin.noContact")}
                          </dd>
                        </div>
                        <div>
                          <dt>{t("feedbackAdmin.language")}</dt>
                          <dd>{languageName(report.language, i18n.language)}</dd>
                        </div>
                      </dl>
                    </article>
                  </li>
                ))}
              </ol>
            )}
            {reports.hasNextPage && (
              <p>
                <PendingButton
                  className="button button-secondary"
                  onPress={() => void reports.fetchNextPage()}
                  isPending={reports.isFetchingNextPage}
                >
                  {t("common.loadMore")}
                </PendingButton>
              </p>
            )}
          </>
        )}
      </QueryState>
    </>
  );
}
