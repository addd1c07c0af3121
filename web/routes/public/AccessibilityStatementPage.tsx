/**
 * Erklärung zur Barrierefreiheit (BITV 2.0 § 7, model statement of Implementing Decision (EU)
 * 2018/1523): status, how it was assessed, known barriers, date, feedback (the form below) and
 * the enforcement procedure.
 */
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { usePageTitle } from "../../components/page.js";
import { BarrierFeedbackForm } from "./BarrierFeedbackForm.js";

const methods = ["axe", "keyboard", "markup", "layout"] as const;
const known = ["translations", "staffLanguages", "pdf", "signLanguage", "placeholders"] as const;

/** The operator's address for reports; a placeholder until the operator supplies it (like the imprint). */
const OPERATOR_EMAIL = "barrierefreiheit@betreiber.example";

/** The conciliation body (§ 16 BGG) by its German name and postal address: the same in every language. */
const CONCILIATION_BODY = [
  "Schlichtungsstelle nach dem Behindertengleichstellungsgesetz",
  "bei dem Beauftragten der Bundesregierung für die Belange von Menschen mit Behinderungen",
  "Mauerstraße 53",
  "10117 Berlin",
  "www.schlichtungsstelle-bgg.de",
];

export function AccessibilityStatementPage() {
  const { t, i18n } = useTranslation();
  const title = t("accessibilityStatement.title");
  usePageTitle(title);
  const section = (key: string, children: ReactNode) => (
    <section aria-labelledby={`statement-${key}`}>
      <h2 id={`statement-${key}`}>{t(`accessibilityStatement.${key}Title`)}</h2>
      {children}
    </section>
  );
  return (
    <div className="container section statement">
      <div className="prose">
        <h1>{title}</h1>
        <p className="lead">{t("accessibilityStatement.intro")}</p>
        <p>{t("accessibilityStatement.scope")}</p>
        <p>
          <a href="#feedback">{t("accessibilityStatement.toForm")}</a>
        </p>

        {section("status", <p>{t("accessibilityStatement.status")}</p>)}
        {section("method", <Points intro="method" list="methods" keys={methods} />)}
        {section("known", <Points intro="knownIntro" list="known" keys={known} />)}
        {section("date", <p>{t("accessibilityStatement.date")}</p>)}
        {section(
          "feedback",
          <>
            <p>{t("accessibilityStatement.feedback")}</p>
            <p>
              {t("accessibilityStatement.contactEmail")}{" "}
              <a href={`mailto:${OPERATOR_EMAIL}`} dir="ltr">
                {OPERATOR_EMAIL}
              </a>
            </p>
            <p className="muted">{t("legal.placeholder")}</p>
          </>,
        )}
        {section(
          "enforcement",
          <>
            <p>{t("accessibilityStatement.enforcement")}</p>
            <p>{t("accessibilityStatement.enforcementMore")}</p>
            <p className="postal-address" lang={i18n.language === "de" ? undefined : "de"} dir="ltr">
              {CONCILIATION_BODY.map((line) => (
                <span key={line}>{line}</span>
              ))}
            </p>
          </>,
        )}
      </div>
      <BarrierFeedbackForm />
    </div>
  );
}

/** An introducing sentence and its points (how it was assessed, what is not accessible). */
function Points({ intro, list, keys }: { intro: string; list: string; keys: readonly string[] }) {
  const { t } = useTranslation();
  return (
    <>
      <p>{t(`accessibilityStatement.${intro}`)}</p>
      <ul>
        {keys.map((key) => (
          <li key={key}>{t(`accessibilityStatement.${list}.${key}`)}</li>
        ))}
      </ul>
    </>
  );
}
