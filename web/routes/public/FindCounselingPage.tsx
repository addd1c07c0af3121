/**
 * Finding counseling (no sign-in): where, language, topic and channel in the address bar, so a
 * search can be shared, bookmarked and gone back to; results nearest first.
 */
import { lazy, Suspense } from "react";
import { useTranslation } from "react-i18next";
import { useSearchParams } from "react-router";
import { usePrefetchPublicSites } from "../../api/public.js";
import { Loading } from "../../components/feedback.js";
import { useAfterPaint, usePageTitle } from "../../components/page.js";
import { PAGE, searchOf } from "./find-search.js";

// The form and the results (React Aria's widgets) are a chunk of their own, fetched after the
// heading and the lead have painted; the search itself starts then too, in parallel.
const FindCounselingSearch = lazy(() => import("./FindCounselingSearch.js").then((m) => ({ default: m.FindCounselingSearch })));

export function FindCounselingPage() {
  const { t } = useTranslation();
  usePageTitle(t("findCounseling.title"));
  const [params] = useSearchParams();
  const prefetch = usePrefetchPublicSites();
  const painted = useAfterPaint(() => {
    const search = searchOf(params, PAGE);
    if (search) prefetch(search);
  });
  return (
    <div className="container section">
      <h1>{t("findCounseling.title")}</h1>
      <p className="lead">{t("findCounseling.lead")}</p>
      {painted ? (
        <Suspense fallback={<Loading />}>
          <FindCounselingSearch />
        </Suspense>
      ) : (
        <Loading />
      )}
    </div>
  );
}
