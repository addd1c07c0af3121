import { Button } from "react-aria-components";
import { useTranslation } from "react-i18next";
import { Link, useParams, useSearchParams } from "react-router";
import { checklistLanguages, isChecklistLanguage } from "../../../../common/domain/procedure-checklist-i18n.js";
import { type ProcedureChecklist, useChecklist } from "../../../api/records.js";
import { ErrorAlert, Loading } from "../../../components/feedback.js";
import { formatDate } from "../../../components/format.js";
import { usePageTitle } from "../../../components/page.js";

/** A language's name in itself ("ar" → "العربية"): the client picks their own language. */
const nativeName = (code: string) => {
  try {
    const name = new Intl.DisplayNames([code], { type: "language" }).of(code) ?? code;
    return name.charAt(0).toLocaleUpperCase(code) + name.slice(1);
  } catch {
    return code;
  }
};

/**
 * /staff/procedures/:id/checklist?lang=xx — "Mein Ordner" as a clean A4 print for the client, in
 * the client's language (the server's choice without ?lang). The sheet carries the language and
 * writing direction of its text, so Arabic and Farsi print right to left inside a German UI.
 */
export function ChecklistPrintPage() {
  const { id = "" } = useParams();
  const { t } = useTranslation();
  usePageTitle(t("procedures.print.title"));
  const [params] = useSearchParams();
  const asked = params.get("lang") ?? "";
  const lang = isChecklistLanguage(asked) ? asked : undefined;
  const checklist = useChecklist(id, lang);
  const shown = checklist.data?.lang;

  return (
    <>
      <div className="no-print">
        <p>
          <Link to={`/staff/procedures/${id}`}>{t("procedures.print.back")}</Link>
        </p>
        <div className="page-heading with-actions">
          <h1>{t("procedures.print.title")}</h1>
          <Button className="button button-primary" onPress={() => window.print()} isDisabled={!checklist.data}>
            {t("procedures.print.print")}
          </Button>
        </div>
        <p className="muted">{t("procedures.print.intro")}</p>
        <nav aria-label={t("procedures.print.language")} className="language-choice">
          <span className="field-label" aria-hidden="true">
            {t("procedures.print.language")}:
          </span>
          <ul>
            {checklistLanguages.map((code) => (
              <li key={code}>
                <Link
                  to={`?lang=${code}`}
                  replace
                  lang={code}
                  className={code === shown ? "button button-small button-primary" : "button button-small button-secondary"}
                  aria-current={code === shown ? "true" : undefined}
                >
                  {nativeName(code)}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
      </div>
      {checklist.isPending ? <Loading /> : checklist.error ? <ErrorAlert error={checklist.error} /> : <Sheet data={checklist.data} />}
    </>
  );
}

function Box({ checked, label }: { checked: boolean; label: string }) {
  return (
    <span className={checked ? "print-box is-checked" : "print-box"}>
      <svg viewBox="0 0 18 18" aria-hidden="true">
        {checked && <polyline points="3 9 7.5 13.5 15 4.5" />}
      </svg>
      <span className="visually-hidden">{label}</span>
    </span>
  );
}

function Sheet({ data }: { data: ProcedureChecklist }) {
  const h = data.headings;
  const name = [data.client.firstName, data.client.lastName].filter(Boolean).join(" ");
  const facts: [string, string | null][] = [
    [h.client, name || null],
    [h.clientNumber, data.client.number],
    [h.referenceProfession, data.referenceProfession],
    [h.competentAuthority, data.competentAuthority],
    [h.legalBasis, data.legalBasis.label],
    [h.applicationDate, data.applicationDate ? formatDate(data.applicationDate, data.lang) : null],
    [h.asOf, formatDate(data.asOf, data.lang)],
  ];
  return (
    <article className="print-sheet" lang={data.lang} dir={data.dir} aria-labelledby="checklist-title">
      <h2 id="checklist-title" className="print-title">
        {data.title}
      </h2>
      <dl className="print-facts">
        {facts.map(([label, value]) => (
          <div key={label}>
            <dt>{label}</dt>
            <dd>{value ? <bdi>{value}</bdi> : "–"}</dd>
          </div>
        ))}
      </dl>
      <table className="print-table">
        <thead>
          <tr>
            <th scope="col">{h.document}</th>
            <th scope="col">{h.present}</th>
            <th scope="col">{h.translated}</th>
            <th scope="col">{h.certified}</th>
            <th scope="col">{h.note}</th>
          </tr>
        </thead>
        <tbody>
          {data.documents.map((d) => (
            <tr key={d.position} className={d.present ? "is-present" : undefined}>
              <th scope="row">
                {/* German names inside a right-to-left text: isolated, so the number stays in front. */}
                <span className="print-position">{d.position + 1}.</span> <bdi>{d.label}</bdi>
                {d.detail && (
                  <span className="print-detail">
                    <bdi>{d.detail}</bdi>
                  </span>
                )}
              </th>
              <td>
                <Box checked={d.present} label={d.stateLabel} />
              </td>
              <td>
                <Box checked={d.translated} label={d.translated ? data.yes : data.no} />
              </td>
              <td>
                <Box checked={d.certified} label={d.certified ? data.yes : data.no} />
              </td>
              <td>{d.note && <bdi>{d.note}</bdi>}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="print-summary">{data.summary}</p>
      <p className="print-hint">{data.hint}</p>
    </article>
  );
}
