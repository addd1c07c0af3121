/**
 * Report a barrier: the feedback mechanism of the accessibility statement (BITV 2.0). The page
 * the person came from arrives as ?seite=<path> (the "Barriere melden" link of every layout).
 */
import { type FormEvent, useEffect, useRef, useState } from "react";
import { Form } from "react-aria-components";
import { useTranslation } from "react-i18next";
import { useSearchParams } from "react-router";
import { ApiError } from "../../api/client.js";
import { type AccessibilityFeedbackInput, useSendAccessibilityFeedback } from "../../api/public.js";
import { ErrorAlert, Notice } from "../../components/feedback.js";
import { focusFirstInvalid, TextAreaInput, TextInput } from "../../components/fields.js";
import { PendingButton } from "../../components/PendingButton.js";
import { Honeypot, useFormTokenProblem, usePublicFormGuard } from "../../components/public-form.js";
import { PAGE_PARAM } from "./barrier-link.js";

const DESCRIPTION_MAX = 4000;

type Field = "page" | "description" | "name" | "email";

/** A path of this site from the address bar, or "" for anything else. */
function pageFrom(params: URLSearchParams): string {
  const page = params.get(PAGE_PARAM) ?? "";
  return /^\/(?!\/)/.test(page) && page.length <= 500 ? page : "";
}

/** Messages for the fields the server refused, by field and zod code. */
function useFieldErrors() {
  const { t } = useTranslation();
  return (error: unknown): Partial<Record<Field, string>> => {
    if (!(error instanceof ApiError) || error.status !== 400) return {};
    const messages: Partial<Record<Field, string>> = {};
    for (const { field, code } of error.problem.errors ?? []) {
      if (field === "description")
        messages.description = t(code === "too_big" ? "barrierForm.errors.descriptionTooLong" : "barrierForm.errors.descriptionMissing", {
          max: DESCRIPTION_MAX,
        });
      else if (field === "email") messages.email = t("barrierForm.errors.emailInvalid");
      else if (field === "page" || field === "name") messages[field] = t("barrierForm.errors.tooLong");
    }
    return messages;
  };
}

export function BarrierFeedbackForm() {
  const { t, i18n } = useTranslation();
  const [params] = useSearchParams();
  const send = useSendAccessibilityFeedback();
  const guard = usePublicFormGuard();
  const fieldErrorsOf = useFieldErrors();
  const tokenProblemOf = useFormTokenProblem();
  const formRef = useRef<HTMLFormElement>(null);

  const [page, setPage] = useState(() => pageFrom(params));
  const [description, setDescription] = useState("");
  const [name, setName] = useState("");
  const [email, setEmail] = useState("");
  const [sentWithEmail, setSentWithEmail] = useState<boolean | null>(null);

  // A "Barriere melden" link followed while on this page brings another page along.
  useEffect(() => {
    const next = pageFrom(params);
    if (next) setPage(next);
  }, [params]);

  const errors = fieldErrorsOf(send.error);
  const tokenProblem = tokenProblemOf(send.error);
  const otherError = send.error && !tokenProblem && Object.keys(errors).length === 0 ? send.error : null;

  // After a refusal, keyboard and screen-reader users land on the first field to correct.
  useEffect(() => {
    if (send.error) focusFirstInvalid(formRef.current);
  }, [send.error]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setSentWithEmail(null);
    send.mutate(
      {
        page,
        description,
        name,
        email: email.trim() || null,
        language: i18n.language as AccessibilityFeedbackInput["language"],
        ...guard.fields,
      },
      {
        onSuccess: () => {
          setSentWithEmail(Boolean(email.trim()));
          setDescription("");
          setName("");
          setEmail("");
          guard.renew();
        },
        onError: (error) => {
          if (tokenProblemOf(error)?.renew) guard.renew();
        },
      },
    );
  };

  return (
    <section id="feedback" aria-labelledby="feedback-title" className="panel barrier-form-panel">
      <h2 id="feedback-title" className="barrier-form-title">
        {t("barrierForm.title")}
      </h2>
      <p>{t("barrierForm.intro")}</p>
      <Form ref={formRef} className="form barrier-form" onSubmit={submit} validationBehavior="aria" aria-labelledby="feedback-title">
        <TextInput
          label={t("barrierForm.page")}
          description={t("barrierForm.pageHint")}
          value={page}
          onChange={setPage}
          errorMessage={errors.page}
          inputProps={{ dir: "auto" }}
        />
        <TextAreaInput
          label={t("barrierForm.description")}
          description={t("barrierForm.descriptionHint", { max: DESCRIPTION_MAX })}
          value={description}
          onChange={setDescription}
          errorMessage={errors.description}
          isRequired
        />
        <TextInput label={t("barrierForm.name")} value={name} onChange={setName} errorMessage={errors.name} autoComplete="name" />
        <TextInput
          label={t("barrierForm.email")}
          description={t("barrierForm.emailHint")}
          type="email"
          value={email}
          onChange={setEmail}
          errorMessage={errors.email}
          autoComplete="email"
          inputProps={{ dir: "auto" }}
        />
        <Honeypot {...guard.honeypot} />
        <p className="muted small">{t("barrierForm.privacy")}</p>
        {tokenProblem && (
          <div role="alert" className="alert alert-warning">
            <p>{tokenProblem.message}</p>
          </div>
        )}
        <ErrorAlert error={otherError} />
        <div className="form-actions">
          <PendingButton type="submit" className="button button-primary" isPending={send.isPending}>
            {t("barrierForm.submit")}
          </PendingButton>
        </div>
      </Form>
      {/* Next to the button, where the eyes (and a magnifier) are after sending. */}
      <div role="status" className="barrier-form-status">
        {sentWithEmail !== null && (
          <Notice tone="success" live={false}>
            <p>{t("barrierForm.success")}</p>
            {sentWithEmail && <p>{t("barrierForm.successMail")}</p>}
          </Notice>
        )}
      </div>
    </section>
  );
}
