/**
 * The search page's form, suggestions and result list: a chunk of its own (with the form widgets),
 * rendered by FindCounselingPage after its heading and lead have painted.
 */
import { type FormEvent, useDeferredValue, useMemo, useState } from "react";
import { Button, Form } from "react-aria-components";
import { useTranslation } from "react-i18next";
import { Link, useLocation, useSearchParams } from "react-router";
import { publicTopics, siteChannels } from "../../../common/domain/units.js";
import { ApiError } from "../../api/client.js";
import { type PublicSiteSearch, type PublicSiteSummary, usePublicSites } from "../../api/public.js";
import { type Option, TextInput } from "../../components/fields.js";
import { collator } from "../../components/intl-cache.js";
import { languageName } from "../../components/names.js";
import { NativeSelectInput } from "../../components/native-select.js";
import { PAGE, searchOf } from "./find-search.js";
import { formatDistance, isolate, SiteFacts } from "./site-facts.js";

/** Languages the network counsels in most; any other still shows on a site's page. */
const COUNSELING_LANGUAGES = [
  "ar",
  "fa",
  "uk",
  "ru",
  "tr",
  "en",
  "fr",
  "es",
  "pl",
  "ro",
  "bg",
  "it",
  "el",
  "sq",
  "vi",
  "ti",
  "so",
  "hr",
  "pt",
];

export function FindCounselingSearch() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const [limit, setLimit] = useState(PAGE);
  const search = searchOf(params, limit);
  const result = usePublicSites(search);
  // The result list renders in the background, in slices, when an answer arrives (a phone's CPU
  // is not blocked by one long task); until then the heading says it is loading.
  // Also when the answer is there at once (the page started the search): the form mounts first.
  const list = useDeferredValue(result.data, undefined);

  const [where, setWhere] = useState(params.get("where") ?? "");
  const [language, setLanguage] = useState(params.get("language") ?? "");
  const [topic, setTopic] = useState(params.get("topic") ?? "");
  const [channel, setChannel] = useState(params.get("channel") ?? "");

  const searchFor = (place: string) => {
    setLimit(PAGE);
    const next = new URLSearchParams({ search: "1" });
    for (const [key, value] of Object.entries({ where: place.trim(), language, topic, channel })) if (value) next.set(key, value);
    setParams(next);
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    searchFor(where);
  };

  const { languages, topics, channels } = useFilterOptions();
  const whereError = fieldErrorOf(result.error, t);

  return (
    <>
      <Form className="panel find-form" onSubmit={submit} validationBehavior="aria" aria-label={t("findCounseling.formLabel")}>
        <TextInput
          label={t("findCounseling.where")}
          description={t("findCounseling.whereHint")}
          value={where}
          onChange={setWhere}
          autoComplete="postal-code"
          errorMessage={whereError}
          className="find-where"
        />
        <div className="find-filters">
          <NativeSelectInput label={t("findCounseling.language")} options={languages} value={language} onChange={setLanguage} />
          <NativeSelectInput label={t("findCounseling.topic")} options={topics} value={topic} onChange={setTopic} />
          <NativeSelectInput label={t("findCounseling.channel")} options={channels} value={channel} onChange={setChannel} />
        </div>
        <Button type="submit" className="button button-primary">
          {t("findCounseling.submit")}
        </Button>
      </Form>
      {whereError && <Suggestions error={result.error} onPick={(place) => (setWhere(place), searchFor(place))} />}

      <Results
        searched={search !== null}
        pending={(result.isPending && search !== null) || (list === undefined && result.data !== undefined)}
        failed={Boolean(result.error) && !whereError}
        list={list}
        onMore={() => setLimit((n) => n + PAGE)}
        loadingMore={result.isFetching && result.isPlaceholderData}
      />
    </>
  );
}

/** Places the server offered for an unknown postcode or a misspelt name: one press searches there. */
function Suggestions({ error, onPick }: { error: unknown; onPick: (where: string) => void }) {
  const { t } = useTranslation();
  const suggestions =
    error instanceof ApiError ? ((error.problem as { suggestions?: { label: string; where: string }[] }).suggestions ?? []) : [];
  if (suggestions.length === 0) return null;
  return (
    <section className="panel find-suggestions" aria-labelledby="find-suggestions-title">
      <h2 id="find-suggestions-title" className="find-suggestions-title">
        {t("findCounseling.didYouMean")}
      </h2>
      <ul className="plain-list find-suggestion-list">
        {suggestions.map((s) => (
          <li key={s.where}>
            <button type="button" className="button button-secondary" onClick={() => onPick(s.where)}>
              <bdi>{s.label}</bdi>
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}

/** The message for the where field when the server refused the postcode or place. */
function fieldErrorOf(error: unknown, t: (key: string) => string): string | null {
  if (!(error instanceof ApiError) || error.status !== 400) return null;
  const code = error.problem.errors?.find((e) => e.field === "postcode" || e.field === "place")?.code;
  if (code === "unknown_postcode" || code === "unknown_place") return t(`findCounseling.errors.${code}`);
  return t("findCounseling.errors.invalid");
}

function Results({
  searched,
  pending,
  failed,
  list,
  onMore,
  loadingMore,
}: {
  searched: boolean;
  pending: boolean;
  failed: boolean;
  list: { origin: { label: string } | null; items: PublicSiteSummary[]; total: number } | undefined;
  onMore: () => void;
  loadingMore: boolean;
}) {
  const { t } = useTranslation();
  // A new answer is announced by its heading inside a live region; focus stays on the form.
  return (
    <section className="section" aria-labelledby="results-title">
      <div role="status" className="results-status">
        <h2 id="results-title">
          {!searched
            ? t("findCounseling.resultsTitle")
            : pending
              ? t("common.loading")
              : failed
                ? t("findCounseling.errors.failed")
                : list
                  ? t("findCounseling.resultCount", { count: list.total })
                  : t("findCounseling.resultsTitle")}
        </h2>
        {list?.origin && !pending && <p className="muted">{t("findCounseling.nearPlace", { place: isolate(list.origin.label) })}</p>}
      </div>
      {!searched && <p className="muted">{t("findCounseling.startHint")}</p>}
      {list && list.total === 0 && <p>{t("findCounseling.noResultsHint")}</p>}
      {list && list.items.length > 0 && (
        <ol className="site-results">
          {list.items.map((site) => (
            <li key={site.id}>
              <SiteResult site={site} />
            </li>
          ))}
        </ol>
      )}
      {list && list.items.length < list.total && (
        <p>
          <Button className="button button-secondary" onPress={onMore} isPending={loadingMore}>
            {t("findCounseling.showMore")}
          </Button>
        </p>
      )}
    </section>
  );
}

function SiteResult({ site }: { site: PublicSiteSummary }) {
  const { t, i18n } = useTranslation();
  const { search } = useLocation();
  return (
    <article className="card site-result">
      <h3>
        <Link to={`/beratung-finden/standorte/${site.id}`} state={{ search }}>
          <bdi>{site.name}</bdi>
        </Link>
      </h3>
      {site.distanceKm !== null && (
        <p className="site-distance">{t("findCounseling.distance", { distance: formatDistance(site.distanceKm, i18n.language) })}</p>
      )}
      <SiteFacts site={site} />
    </article>
  );
}

/**
 * The choices of the three filters, built once per language: the selects keep their lists when
 * the page renders again (an answer arriving, typing in the where field).
 */
function useFilterOptions(): { languages: Option[]; topics: Option[]; channels: Option[] } {
  const { t, i18n } = useTranslation();
  return useMemo(() => {
    const any: Option = { id: "", label: t("findCounseling.any") };
    const compare = collator(i18n.language);
    const languages = [
      any,
      ...COUNSELING_LANGUAGES.map((code) => ({ id: code, label: languageName(code, i18n.language) })).sort((a, b) =>
        compare.compare(a.label, b.label),
      ),
    ];
    const topics = [any, ...publicTopics.map((id) => ({ id, label: t(`findCounseling.topics.${id}`) }))];
    const channels = [any, ...siteChannels.map((id) => ({ id, label: t(`findCounseling.channels.${id}`) }))];
    return { languages, topics, channels };
  }, [t, i18n.language]);
}
