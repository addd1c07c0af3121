/**
 * The booking form: a free time (SlotPicker), name, e-mail address, language, consent. Its own
 * chunk, loaded by BookingPage after the page's heading has painted: the form widgets (React
 * Aria, the `forms` and `calendar` chunks) are the heaviest part of the page, and a phone's first
 * view (the site's name) does not wait for them.
 */
import { type FormEvent, useCallback, useEffect, useMemo, useRef, useState } from "react";
import { Form } from "react-aria-components";
import { useTranslation } from "react-i18next";
import type { bookableChannels } from "../../../../common/domain/appointments.js";
import type { PublicLanguage } from "../../../../common/domain/public-languages.js";
import { type PublicBooking, type Slot, useCreateBooking } from "../../../api/booking.js";
import { ApiError } from "../../../api/client.js";
import type { PublicSiteDetail } from "../../../api/public.js";
import { ErrorAlert } from "../../../components/feedback.js";
import { CheckboxFieldInput, focusFirstInvalid, TextAreaInput, TextInput } from "../../../components/fields.js";
import { dateKeyIn, formatDateTime } from "../../../components/format.js";
import { languageName } from "../../../components/names.js";
import { NativeSelectInput } from "../../../components/native-select.js";
import { PendingButton } from "../../../components/PendingButton.js";
import { Honeypot, useFormTokenProblem, usePublicFormGuard } from "../../../components/public-form.js";
import { type SlotChoice, SlotPicker } from "./SlotPicker.js";

const MESSAGE_MAX = 1000;
/** E-mail addresses and phone numbers run left to right, also in Arabic and Farsi (a constant: the fields are memoised). */
const LTR_INPUT = { dir: "ltr" } as const;
type Field = "slotId" | "name" | "email" | "phone" | "language" | "message" | "consent";

export function BookingForm({
  site,
  channels,
  onBooked,
}: {
  site: PublicSiteDetail;
  channels: ReturnType<typeof bookableChannels>;
  onBooked: (booking: PublicBooking) => void;
}) {
  const { t, i18n } = useTranslation();
  const create = useCreateBooking();
  const guard = usePublicFormGuard();
  const tokenProblemOf = useFormTokenProblem();
  const formRef = useRef<HTMLFormElement>(null);
  const takenRef = useRef<HTMLDivElement>(null);
  const problemRef = useRef<HTMLDivElement>(null);
  const [choice, setChoice] = useState<SlotChoice>({ channel: channels[0] ?? null, day: null, slot: null });
  const [name, setName] = useState("");
  const [email, setEmail] = useState("");
  const [phone, setPhone] = useState("");
  const [language, setLanguage] = useState(() => defaultLanguage(site.languages, i18n.language));
  const [message, setMessage] = useState("");
  const [consent, setConsent] = useState(false);
  const [missingSlot, setMissingSlot] = useState(false);
  const onChoice = useCallback((next: SlotChoice) => {
    setChoice(next);
    if (next.slot) setMissingSlot(false);
  }, []);

  const errors = useFieldErrors()(create.error);
  const taken = create.error instanceof ApiError && create.error.code === "slot_taken" ? nextSlotsOf(create.error) : null;
  // Problems of the form as a whole (no field to show them at): the token, the honeypot, the limits.
  const tokenProblem = tokenProblemOf(create.error);
  const rejected = hasFieldError(create.error, "website");
  const otherError = create.error && !taken && !tokenProblem && !rejected && Object.keys(errors).length === 0 ? create.error : null;

  // After a refusal, keyboard and screen-reader users land where there is something to correct
  // (once per answer: typing afterwards must not be interrupted).
  const [attempt, setAttempt] = useState(0);
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs once per send (attempt) and answer (error)
  useEffect(() => {
    if (!create.error && !missingSlot) return;
    // After the frame: the submit button's own press handling would otherwise keep the focus.
    const frame = requestAnimationFrame(() => {
      if (create.error instanceof ApiError && create.error.code === "slot_taken") takenRef.current?.focus();
      else if (formRef.current?.querySelector("[data-invalid]")) focusFirstInvalid(formRef.current);
      else problemRef.current?.focus();
    });
    return () => cancelAnimationFrame(frame);
  }, [create.error, attempt]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setAttempt((n) => n + 1);
    if (!choice.slot) {
      setMissingSlot(true);
      create.reset();
      return;
    }
    create.mutate(
      {
        slotId: choice.slot.id,
        name,
        email: email.trim(),
        phone: phone.trim() || null,
        language,
        topic: site.topic,
        message: message.trim() || null,
        locale: i18n.language as PublicLanguage,
        consent: consent as true,
        // Optional for the API; sent when it has arrived (the server then checks the fill time).
        ...(guard.fields.formToken ? { formToken: guard.fields.formToken } : {}),
        website: guard.fields.website,
      },
      {
        onSuccess: onBooked,
        onError: (error) => {
          // The time is gone: unselect it, so sending again cannot ask for it once more.
          if (error instanceof ApiError && error.code === "slot_taken") setChoice((c) => ({ ...c, slot: null }));
          if (tokenProblemOf(error)?.renew) guard.renew();
        },
      },
    );
  };

  // One of the offered next times: select it in the picker (its channel and day) and put focus on it.
  const pick = (slot: Slot) => {
    setChoice({ channel: slot.channel, day: dateKeyIn(slot.start, site.timeZone), slot });
    create.reset();
    requestAnimationFrame(() => formRef.current?.querySelector<HTMLElement>(".slot-options input:checked")?.focus());
  };

  // German is always possible (every site counsels in German); the site's other languages follow.
  const languageOptions = useMemo(
    () =>
      ["de", ...site.languages.filter((code) => code !== "de")].map((code) => ({
        id: code,
        label: code === i18n.language ? languageName(code, code) : `${languageName(code, i18n.language)} – ${languageName(code, code)}`,
      })),
    [site.languages, i18n.language],
  );

  return (
    <Form ref={formRef} className="form booking-form" onSubmit={submit} validationBehavior="aria" aria-labelledby="booking-step-slot">
      <section aria-labelledby="booking-step-slot" className="panel">
        <h2 id="booking-step-slot">{t("booking.stepSlot")}</h2>
        {taken && (
          <div ref={takenRef} tabIndex={-1} role="alert" className="alert alert-warning slot-taken">
            <p>{t("booking.slotTaken")}</p>
            {taken.length > 0 && (
              <>
                <p>{t("booking.nextSlots")}</p>
                <ul className="plain-list next-slots">
                  {taken.map((slot) => (
                    <li key={slot.id}>
                      <button type="button" className="button button-secondary" onClick={() => pick(slot)}>
                        {formatDateTime(slot.start, i18n.language, "full", site.timeZone)} ({t(`findCounseling.channels.${slot.channel}`)})
                      </button>
                    </li>
                  ))}
                </ul>
              </>
            )}
          </div>
        )}
        <SlotPicker
          siteId={site.id}
          channels={channels}
          timeZone={site.timeZone}
          choice={choice}
          onChange={onChoice}
          errorMessage={missingSlot ? t("booking.errors.slotMissing") : errors.slotId}
        />
      </section>

      <section aria-labelledby="booking-step-details" className="panel">
        <h2 id="booking-step-details">{t("booking.stepDetails")}</h2>
        <TextInput label={t("booking.name")} value={name} onChange={setName} errorMessage={errors.name} autoComplete="name" isRequired />
        <TextInput
          label={t("booking.email")}
          description={t("booking.emailHint")}
          type="email"
          value={email}
          onChange={setEmail}
          errorMessage={errors.email}
          autoComplete="email"
          inputProps={LTR_INPUT}
          isRequired
        />
        <TextInput
          label={t("booking.phone")}
          description={t("booking.phoneHint")}
          type="tel"
          value={phone}
          onChange={setPhone}
          errorMessage={errors.phone}
          autoComplete="tel"
          inputProps={LTR_INPUT}
        />
        <NativeSelectInput
          label={t("booking.language")}
          options={languageOptions}
          value={language}
          onChange={setLanguage}
          errorMessage={errors.language}
          isRequired
        />
        <p>
          {t("findCounseling.topic")}: <strong>{t(`findCounseling.topics.${site.topic}`)}</strong>
        </p>
        <TextAreaInput
          label={t("booking.message")}
          description={t("booking.messageHint", { max: MESSAGE_MAX })}
          value={message}
          onChange={setMessage}
          errorMessage={errors.message}
        />
        <CheckboxFieldInput isSelected={consent} onChange={setConsent} errorMessage={errors.consent} isRequired>
          {t("booking.consent")}
        </CheckboxFieldInput>
      </section>

      <Honeypot {...guard.honeypot} />
      {/* Next to the button; it takes the focus when the refusal names no field. */}
      <div ref={problemRef} tabIndex={-1} className="form-problem">
        {tokenProblem && (
          <div role="alert" className="alert alert-warning">
            <p>{tokenProblem.message}</p>
          </div>
        )}
        {rejected && (
          <div role="alert" className="alert alert-error">
            <p>{t("booking.errors.formRejected")}</p>
          </div>
        )}
        <ErrorAlert error={otherError} />
      </div>
      <div className="form-actions">
        <PendingButton type="submit" className="button button-primary" isPending={create.isPending}>
          {t("booking.submit")}
        </PendingButton>
      </div>
    </Form>
  );
}

/** The counseling language: the page's language if the site offers it, else German. */
function defaultLanguage(offered: string[], uiLanguage: string): string {
  return offered.includes(uiLanguage) ? uiLanguage : "de";
}

function hasFieldError(error: unknown, field: string): boolean {
  return error instanceof ApiError && error.status === 400 && (error.problem.errors ?? []).some((e) => e.field === field);
}

function nextSlotsOf(error: ApiError): Slot[] {
  const extra = error.problem as unknown as { nextSlots?: Slot[] };
  return Array.isArray(extra.nextSlots) ? extra.nextSlots : [];
}

/** Messages for the fields the server refused, by field and code. */
function useFieldErrors() {
  const { t } = useTranslation();
  return (error: unknown): Partial<Record<Field, string>> => {
    if (!(error instanceof ApiError) || error.status !== 400) return {};
    const messages: Partial<Record<Field, string>> = {};
    for (const { field, code } of error.problem.errors ?? []) {
      if (field === "name") messages.name = t(code === "too_big" ? "booking.errors.tooLong" : "booking.errors.nameMissing");
      else if (field === "email")
        messages.email =
          code === "too_many_bookings"
            ? t("booking.errors.tooManyBookings", { max: (error.problem as { maxLiveBookings?: number }).maxLiveBookings ?? 0 })
            : t("booking.errors.emailInvalid");
      else if (field === "phone") messages.phone = t(code === "phone_required" ? "booking.errors.phoneRequired" : "booking.errors.tooLong");
      else if (field === "language") messages.language = t("booking.errors.languageNotOffered");
      else if (field === "message") messages.message = t("booking.errors.messageTooLong", { max: MESSAGE_MAX });
      else if (field === "consent") messages.consent = t("booking.errors.consentMissing");
      else if (field === "slotId") messages.slotId = t("booking.errors.slotUnknown");
    }
    return messages;
  };
}
