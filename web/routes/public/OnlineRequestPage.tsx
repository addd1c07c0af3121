/**
 * /beratung-finden/standorte/:id/anfrage — ask a site for counseling without an account (Online-
 * Anfrage). Spam-guarded like every public form (token, honeypot); the server's field errors show
 * at the fields, the success in a live region; the confirmation mail comes in the page's language.
 */
import { type FormEvent, useEffect, useRef, useState } from "react";
import { Form } from "react-aria-components";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import { REQUEST_DESCRIPTION_MAX, type RequestChannel, requestChannels } from "../../../common/domain/requests.js";
import { ApiError } from "../../api/client.js";
import { type CreateOnlineRequestInput, type PublicSiteDetail, usePublicSite, useSendOnlineRequest } from "../../api/public.js";
import { ErrorAlert, Loading, Notice } from "../../components/feedback.js";
import { CheckboxFieldInput, focusFirstInvalid, RadioGroupInput, TextAreaInput, TextInput } from "../../components/fields.js";
import { languageName } from "../../components/names.js";
import { NativeSelectInput } from "../../components/native-select.js";
import { PendingButton } from "../../components/PendingButton.js";
import { usePageTitle } from "../../components/page.js";
import { Honeypot, useFormTokenProblem, usePublicFormGuard } from "../../components/public-form.js";

const topics = ["recognition", "labour_rights", "employers"] as const;
type Field = "topic" | "language" | "channel" | "name" | "email" | "phone" | "description" | "consent";
const fields: readonly Field[] = ["topic", "language", "channel", "name", "email", "phone", "description", "consent"];

export function OnlineRequestPage() {
  const { t } = useTranslation();
  const { id = "" } = useParams();
  const site = usePublicSite(id);
  usePageTitle(site.data ? t("requestForm.pageTitle", { site: site.data.name }) : t("requestForm.title"));
  return (
    <div className="container section request-page">
      <p>
        <Link to={`/beratung-finden/standorte/${id}`}>{t("requestForm.back")}</Link>
      </p>
      {site.isPending ? (
        <Loading />
      ) : site.error ? (
        <>
          <h1>{t("requestForm.title")}</h1>
          {site.error instanceof ApiError && site.error.status === 404 ? <p>{t("site.notFound")}</p> : <ErrorAlert error={site.error} />}
        </>
      ) : (
        <RequestForm site={site.data} />
      )}
    </div>
  );
}

/** Messages for the fields the server refused, by field and code. */
function useFieldErrors() {
  const { t } = useTranslation();
  return (error: unknown): Partial<Record<Field, string>> => {
    if (!(error instanceof ApiError) || error.status !== 400) return {};
    const messages: Partial<Record<Field, string>> = {};
    for (const { field, code } of error.problem.errors ?? []) {
      if (!(fields as readonly string[]).includes(field)) continue;
      const key =
        field === "description" && code === "too_big"
          ? "descriptionTooLong"
          : field === "language" && code === "language_not_offered"
            ? "languageNotOffered"
            : field;
      messages[field as Field] = t(`requestForm.errors.${key}`, { max: REQUEST_DESCRIPTION_MAX });
    }
    return messages;
  };
}

function RequestForm({ site }: { site: PublicSiteDetail }) {
  const { t, i18n } = useTranslation();
  const send = useSendOnlineRequest();
  const guard = usePublicFormGuard();
  const fieldErrorsOf = useFieldErrors();
  const tokenProblemOf = useFormTokenProblem();
  const formRef = useRef<HTMLFormElement>(null);
  const lang = i18n.language;

  const [topic, setTopic] = useState<string>(site.topic);
  // The page's language when the site counsels in it, else German (offered everywhere).
  const [language, setLanguage] = useState<string>(site.languages.includes(lang) ? lang : "de");
  const [channel, setChannel] = useState<string>("");
  const [name, setName] = useState("");
  const [email, setEmail] = useState("");
  const [phone, setPhone] = useState("");
  const [description, setDescription] = useState("");
  const [consent, setConsent] = useState(false);
  const [sent, setSent] = useState(false);

  const languages = [...new Set(["de", ...site.languages])];
  const errors = fieldErrorsOf(send.error);
  const tokenProblem = tokenProblemOf(send.error);
  const otherError = send.error && !tokenProblem && Object.keys(errors).length === 0 ? send.error : null;

  // After a refusal, keyboard and screen-reader users land on the first field to correct.
  useEffect(() => {
    if (send.error) focusFirstInvalid(formRef.current);
  }, [send.error]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setSent(false);
    const input = {
      siteId: site.id,
      topic,
      language,
      channel,
      name,
      email,
      phone,
      description,
      locale: lang,
      consent,
      ...guard.fields,
    } as unknown as CreateOnlineRequestInput;
    send.mutate(input, {
      onSuccess: () => {
        setSent(true);
        setName("");
        setEmail("");
        setPhone("");
        setDescription("");
        setConsent(false);
        guard.renew();
      },
      onError: (error) => {
        if (tokenProblemOf(error)?.renew) guard.renew();
      },
    });
  };

  return (
    <>
      <h1>
        {t("requestForm.title")}: <bdi>{site.name}</bdi>
      </h1>
      <p>{t("requestForm.intro")}</p>
      {site.isDemo && <p className="alert alert-info">{t("site.demoNote")}</p>}
      <Form
        ref={formRef}
        className="form request-form panel"
        onSubmit={submit}
        validationBehavior="aria"
        aria-label={t("requestForm.title")}
      >
        <RadioGroupInput
          label={t("requestForm.topic")}
          options={topics.map((id) => ({ id, label: t(`findCounseling.topics.${id}`) }))}
          value={topic}
          onChange={setTopic}
          errorMessage={errors.topic}
          isRequired
        />
        <NativeSelectInput
          label={t("requestForm.language")}
          description={t("requestForm.languageHint")}
          options={languages.map((code) => ({ id: code, label: languageName(code, lang) }))}
          value={language}
          onChange={setLanguage}
          errorMessage={errors.language}
          isRequired
        />
        <RadioGroupInput
          label={t("requestForm.channel")}
          options={requestChannels.map((id: RequestChannel) => ({ id, label: t(`requestForm.channels.${id}`) }))}
          value={channel}
          onChange={setChannel}
          errorMessage={errors.channel}
          isRequired
        />
        <TextInput
          label={t("requestForm.name")}
          value={name}
          onChange={setName}
          errorMessage={errors.name}
          autoComplete="name"
          isRequired
        />
        <TextInput
          label={t("requestForm.email")}
          description={t("requestForm.emailHint")}
          type="email"
          value={email}
          onChange={setEmail}
          errorMessage={errors.email}
          autoComplete="email"
          inputProps={{ dir: "ltr" }}
          isRequired
        />
        <TextInput
          label={t("requestForm.phone")}
          type="tel"
          value={phone}
          onChange={setPhone}
          errorMessage={errors.phone}
          autoComplete="tel"
          inputProps={{ dir: "ltr" }}
        />
        <TextAreaInput
          label={t("requestForm.description")}
          description={t("requestForm.descriptionHint", { max: REQUEST_DESCRIPTION_MAX })}
          value={description}
          onChange={setDescription}
          errorMessage={errors.description}
          isRequired
        />
        <CheckboxFieldInput
          isSelected={consent}
          onChange={setConsent}
          errorMessage={errors.consent}
          description={t("requestForm.consentHint")}
        >
          {t("requestForm.consent")}
        </CheckboxFieldInput>
        <Honeypot {...guard.honeypot} />
        {tokenProblem && (
          <div role="alert" className="alert alert-warning">
            <p>{tokenProblem.message}</p>
          </div>
        )}
        <ErrorAlert error={otherError} />
        <div className="form-actions">
          <PendingButton type="submit" className="button button-primary" isPending={send.isPending}>
            {t("requestForm.submit")}
          </PendingButton>
        </div>
        {/* Next to the button, where the eyes (and a magnifier) are after sending. */}
        <div role="status" className="request-form-status">
          {sent && (
            <Notice tone="success" live={false}>
              <p>{t("requestForm.success")}</p>
              <p>{t("requestForm.successMail")}</p>
            </Notice>
          )}
        </div>
      </Form>
    </>
  );
}
