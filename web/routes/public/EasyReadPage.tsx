/**
 * Lotse in Leichte Sprache (BITV 2.0 § 4): what the network is, for whom, what it costs, how to
 * find counseling and report a barrier. Leichte Sprache is German by definition, so the text is
 * German (marked lang="de") whatever the UI language; the page around it follows the UI language.
 */
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { usePageTitle } from "../../components/page.js";
import { reportBarrierPath } from "./barrier-link.js";

const sections: { key: string; to?: string }[] = [
  { key: "what" },
  { key: "who" },
  { key: "cost" },
  { key: "find", to: "/beratung-finden" },
  { key: "appointment", to: "/beratung-finden" },
  { key: "languages" },
  { key: "barrier", to: reportBarrierPath("/leichte-sprache") },
];

export function EasyReadPage() {
  const { t, i18n } = useTranslation();
  const german = i18n.language === "de";
  usePageTitle(t("easyRead.title"));
  // The German text, whatever the UI language.
  const de = (key: string) => t(`easyRead.content.${key}`, { lng: "de" });
  return (
    <div className="container section easy-read">
      <h1>{t("easyRead.title")}</h1>
      <p className="easy-read-note">{t("easyRead.note")}</p>
      <div lang={german ? undefined : "de"} dir="ltr" className="easy-read-text">
        {sections.map(({ key, to }) => (
          <section key={key} aria-labelledby={`easy-${key}`} className="easy-read-section">
            <h2 id={`easy-${key}`} className="easy-read-heading">
              {de(`${key}.title`)}
            </h2>
            {de(`${key}.text`)
              .split("\n")
              .map((line) => (
                <p key={line} className="easy-read-line">
                  {line}
                </p>
              ))}
            {to && (
              <p>
                <Link to={to} className="button button-primary easy-read-link">
                  {de(`${key}.link`)}
                </Link>
              </p>
            )}
          </section>
        ))}
      </div>
    </div>
  );
}
