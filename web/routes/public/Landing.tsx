import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { usePageTitle } from "../../components/page.js";

const offers = ["recognition", "qualification", "fair", "employers"] as const;
const steps = ["find", "first", "procedure", "qualify"] as const;

export function Landing() {
  const { t } = useTranslation();
  usePageTitle(undefined);
  return (
    <>
      <section className="hero" aria-labelledby="hero-title">
        <div className="container">
          <h1 id="hero-title">{t("landing.title")}</h1>
          <p className="lead">{t("landing.lead")}</p>
          <p className="hero-facts">{t("landing.facts")}</p>
          <p>
            <Link to="/leichte-sprache">{t("landing.easyRead")}</Link>
          </p>
        </div>
      </section>

      <section className="container section" aria-labelledby="offers-title">
        <h2 id="offers-title">{t("landing.offersTitle")}</h2>
        <ul className="card-grid">
          {offers.map((key) => (
            <li key={key} className="card">
              <h3>{t(`landing.offers.${key}.title`)}</h3>
              <p>{t(`landing.offers.${key}.text`)}</p>
            </li>
          ))}
        </ul>
      </section>

      <section className="container section" aria-labelledby="steps-title">
        <h2 id="steps-title">{t("landing.stepsTitle")}</h2>
        <ol className="steps">
          {steps.map((key) => (
            <li key={key} className="step">
              <h3>{t(`landing.steps.${key}.title`)}</h3>
              <p>{t(`landing.steps.${key}.text`)}</p>
            </li>
          ))}
        </ol>
      </section>

      <section className="container section" aria-labelledby="find-title">
        <div className="panel">
          <h2 id="find-title">{t("landing.findTitle")}</h2>
          <p>{t("landing.findText")}</p>
          <p>
            <Link to="/beratung-finden" className="button button-primary">
              {t("landing.findAction")}
            </Link>
          </p>
        </div>
      </section>

      <section className="container section" aria-labelledby="staff-title">
        <h2 id="staff-title">{t("landing.staffTitle")}</h2>
        <p>{t("landing.staffText")}</p>
        <p>
          <Link to="/staff/login" className="button button-primary">
            {t("shell.staffLogin")}
          </Link>
        </p>
      </section>
    </>
  );
}
