/**
 * The web side of the spam protection of public forms (server/platform/public-form-guard.ts):
 * the form token, the honeypot field, and the message when the server refused the token.
 * A public form spreads `guard.fields` into its request body and renders `<Honeypot {...guard.honeypot} />`.
 */
import { useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { ApiError } from "../api/client.js";
import { useFormToken } from "../api/public.js";

/** The server's codes for a refused form token (field `formToken`). */
const tokenCodes = ["form_too_fast", "form_expired", "form_token_invalid", "form_token_used"] as const;

export function usePublicFormGuard() {
  const token = useFormToken();
  const [honeypot, setHoneypot] = useState("");
  return {
    /** Body fields every guarded request carries. */
    fields: { formToken: token.data?.token ?? "", website: honeypot },
    honeypot: { value: honeypot, onChange: setHoneypot },
    /** A fresh token: after a success (a token works once) or when the server refused this one. */
    renew: () => void token.refetch(),
  };
}

/**
 * The translated message when the server refused the form token, else null. A form shows it near
 * its submit button; except for "too fast" it also renews the token, so sending again works.
 */
export function useFormTokenProblem() {
  const { t } = useTranslation();
  return (error: unknown): { message: string; renew: boolean } | null => {
    if (!(error instanceof ApiError) || error.status !== 400) return null;
    const problem = error.problem.errors?.find((e) => e.field === "formToken");
    if (!problem) return null;
    const code = (tokenCodes as readonly string[]).includes(problem.code) ? problem.code : "form_token_invalid";
    return { message: t(`publicForm.errors.${code}`), renew: code !== "form_too_fast" };
  };
}

/**
 * A field people never meet: hidden from sight and from screen readers, out of the tab order and
 * of autofill. Bots that fill in every field fill in this one too, and the server drops the form.
 */
export function Honeypot({ value, onChange }: { value: string; onChange: (value: string) => void }) {
  const { t } = useTranslation();
  const id = useId();
  return (
    <div className="visually-hidden" aria-hidden="true">
      <label htmlFor={id}>{t("publicForm.honeypot")}</label>
      <input
        id={id}
        name="website"
        type="text"
        tabIndex={-1}
        autoComplete="off"
        data-1p-ignore="true"
        data-lpignore="true"
        value={value}
        onChange={(event) => onChange(event.target.value)}
      />
    </div>
  );
}
