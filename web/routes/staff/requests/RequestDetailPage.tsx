/**
 * /staff/requests/:id — one online request with the person's name and contact (the read is
 * audited) and the three answers: accept (creates the client, and a first consultation when one
 * was held already), forward to another site, or close with an answer mailed to the person.
 * Some time after the decision the retention job erases name, contact, description and answer:
 * the page then says so where they stood.
 */
import { useState } from "react";
import { Button } from "react-aria-components";
import { useTranslation } from "react-i18next";
import { Link, useNavigate, useParams } from "react-router";
import { type BookingChannel, bookingChannels } from "../../../../common/domain/appointments.js";
import { consultationChannels } from "../../../../common/domain/consultations.js";
import { usePublicSlots } from "../../../api/booking.js";
import { ApiError } from "../../../api/client.js";
import {
  type OnlineRequest,
  useAcceptRequest,
  useCloseRequest,
  useForwardRequest,
  useForwardTargets,
  useOnlineRequest,
} from "../../../api/requests.js";
import { ComboInput } from "../../../components/combo-field.js";
import { DialogActions, ModalDialog } from "../../../components/dialog.js";
import { LoadFailed, Loading } from "../../../components/feedback.js";
import { RadioGroupInput, TextAreaInput, TextInput } from "../../../components/fields.js";
import { formatDateTime, todayInBerlin } from "../../../components/format.js";
import { languageName } from "../../../components/names.js";
import { QuickForm } from "../../../components/QuickForm.js";
import { SelectInput } from "../../../components/select-field.js";
import { CaseworkOnly, ChangeError } from "../casework/parts.js";
import { fieldErrorOf } from "../clients/ClientForm.js";
import { RequestStatusBadge } from "./parts.js";

export function RequestDetailPage() {
  const { t } = useTranslation();
  return (
    <CaseworkOnly title={t("requests.detail.pageTitle")}>
      <RequestLoader />
    </CaseworkOnly>
  );
}

function RequestLoader() {
  const { id = "" } = useParams();
  const { t } = useTranslation();
  const request = useOnlineRequest(id);
  if (request.isPending) return <Loading />;
  if (request.error) {
    return (
      <LoadFailed title={t("requests.detail.pageTitle")} error={request.error} backTo="/staff/requests" backLabel={t("requests.back")} />
    );
  }
  return <RequestDetail request={request.data} reload={() => void request.refetch()} />;
}

function RequestDetail({ request, reload }: { request: OnlineRequest; reload: () => void }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const erasedNote = request.contactErasedAt && (
    <p className="alert alert-info">{t("requests.detail.contactErased", { at: formatDateTime(request.contactErasedAt, lang) })}</p>
  );
  return (
    <>
      <p>
        <Link to="/staff/requests">{t("requests.back")}</Link>
      </p>
      <div className="page-heading">
        <h1>{request.name === null ? t("requests.detail.titleErased") : t("requests.detail.title", { name: request.name })}</h1>
        <p className="badge-row">
          <RequestStatusBadge status={request.status} />
        </p>
      </div>

      {request.actions.length > 0 && (
        <div className="form-actions request-actions">
          <AcceptDialog request={request} reload={reload} />
          <ForwardDialog request={request} reload={reload} />
          <CloseDialog request={request} reload={reload} />
        </div>
      )}
      {request.clientId && (
        <div className="alert alert-success">
          <p>{t("requests.detail.acceptedNote")}</p>
          <p>
            <Link to={`/staff/clients/${request.clientId}`}>{t("requests.detail.openClient")}</Link>
            {request.consultationId && (
              <>
                {" · "}
                <Link to={`/staff/consultations/${request.consultationId}`}>{t("requests.detail.openConsultation")}</Link>
              </>
            )}
          </p>
        </div>
      )}

      <div className="detail-grid">
        <section className="panel" aria-labelledby="request-person">
          <h2 id="request-person">{t("requests.detail.person")}</h2>
          {erasedNote}
          <dl className="facts">
            {!request.contactErasedAt && (
              <>
                <Fact label={t("requests.fields.name")} value={request.name} />
                <Fact label={t("requests.fields.email")} value={request.email} />
                <Fact label={t("requests.fields.phone")} value={request.phone} />
              </>
            )}
            <Fact label={t("requests.fields.locale")} value={languageName(request.locale, lang)} />
            <Fact
              label={t("requests.fields.consent")}
              value={t("requests.detail.consentGiven", {
                at: formatDateTime(request.consentAt, lang),
                version: request.consentTextVersion,
              })}
            />
          </dl>
        </section>
        <section className="panel" aria-labelledby="request-facts">
          <h2 id="request-facts">{t("requests.detail.facts")}</h2>
          <dl className="facts">
            <Fact label={t("requests.columns.receivedAt")} value={formatDateTime(request.receivedAt, lang)} />
            <Fact label={t("requests.columns.site")} value={request.site.name} />
            <Fact label={t("requests.columns.topic")} value={t(`findCounseling.topics.${request.topic}`)} />
            <Fact label={t("requests.columns.language")} value={languageName(request.language, lang)} />
            <Fact label={t("requests.columns.channel")} value={t(`requestForm.channels.${request.channel}`)} />
          </dl>
        </section>
      </div>

      <section className="panel section" aria-labelledby="request-description">
        <h2 id="request-description">{t("requests.fields.description")}</h2>
        {/* The person's own words, in their script and direction. */}
        {request.description === null ? (
          <p className="muted">{t("requests.detail.erased")}</p>
        ) : (
          <p className="pre-wrap" dir="auto">
            {request.description}
          </p>
        )}
        {request.answer && (
          <>
            <h3>{t("requests.fields.answer")}</h3>
            <p className="pre-wrap">{request.answer}</p>
          </>
        )}
      </section>

      <section className="section" aria-labelledby="request-history">
        <h2 id="request-history">{t("requests.detail.history")}</h2>
        <ol className="history">
          {request.history.map((e) => (
            <li key={`${e.at}-${e.status}`} className="history-entry">
              <p className="history-meta">
                {formatDateTime(e.at, lang)} · {e.site.name}
                {e.actorName ? ` · ${e.actorName}` : ` · ${t("requests.detail.byPerson")}`}
              </p>
              <p className="history-change">
                {t(`requests.statuses.${e.status}`)}
                {e.toSite && ` → ${e.toSite.name}`}
              </p>
              {e.note && <p className="history-fields">{e.note}</p>}
            </li>
          ))}
        </ol>
      </section>
    </>
  );
}

function Fact({ label, value }: { label: string; value: string | null | undefined }) {
  return (
    <div className="fact">
      <dt>{label}</dt>
      <dd>{value || "–"}</dd>
    </div>
  );
}

/** First and last name from the one name field of the form: a suggestion the counselor corrects. */
function splitName(name: string): [string, string] {
  const parts = name.trim().split(/\s+/);
  return parts.length < 2 ? [name.trim(), ""] : [parts.slice(0, -1).join(" "), parts.at(-1)!];
}

const nextSteps = ["book", "held", "later"] as const;
type NextStep = (typeof nextSteps)[number];

function AcceptDialog({ request, reload }: { request: OnlineRequest; reload: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const accept = useAcceptRequest();
  // Only an open request can be accepted, and an open one always has its name.
  const [first, last] = splitName(request.name ?? "");
  const [firstName, setFirstName] = useState(first);
  const [lastName, setLastName] = useState(last);
  const [birthYear, setBirthYear] = useState("");
  const [next, setNext] = useState<NextStep>("book");
  const held = next === "held";
  const [date, setDate] = useState(todayInBerlin());
  const [channel, setChannel] = useState<string>(request.channel === "email" ? "written" : request.channel);
  // An appointment by phone needs the person's number: without one, phone is not offered.
  const slotChannels = bookingChannels.filter((c) => c !== "phone" || request.phone);
  const [slotChannel, setSlotChannel] = useState<BookingChannel>(
    (slotChannels as readonly string[]).includes(request.channel) ? (request.channel as BookingChannel) : "in_person",
  );
  const [slotId, setSlotId] = useState<string | null>(null);
  const [slotMissing, setSlotMissing] = useState(false);
  const slots = usePublicSlots(next === "book" ? request.site.id : "", slotChannel);
  const fieldError = fieldErrorOf(accept.error);
  return (
    <ModalDialog
      title={t("requests.accept.title")}
      trigger={<Button className="button button-primary">{t("requests.accept.action")}</Button>}
      onOpenChange={(open) => !open && accept.reset()}
    >
      {(close) => (
        <QuickForm
          className="form"
          validationBehavior="aria"
          onSubmit={(e) => {
            e.preventDefault();
            if (next === "book" && !slotId) {
              setSlotMissing(true);
              return;
            }
            // The promise, not mutate's callbacks: once accepted, the page reloads the request
            // without its actions, and this dialog is gone before a callback could run.
            accept
              .mutateAsync({
                id: request.id,
                input: {
                  firstName,
                  lastName,
                  birthYear: Number(birthYear) || 0,
                  firstConsultation: held ? { date, channel: channel as (typeof consultationChannels)[number] } : null,
                  appointment: next === "book" && slotId ? { slotId } : null,
                },
              })
              .then((result) => {
                close();
                void navigate(result.links.consultation ?? result.links.client);
              })
              .catch(() => undefined); // shown in the dialog (accept.error)
          }}
        >
          <p>{t("requests.accept.intro")}</p>
          <ChangeError error={accept.error} conflictText={t("requests.conflict")} onReload={() => (close(), reload())} />
          <TextInput
            label={t("requests.accept.firstName")}
            value={firstName}
            onChange={setFirstName}
            errorMessage={fieldError("firstName")}
            isRequired
          />
          <TextInput
            label={t("requests.accept.lastName")}
            value={lastName}
            onChange={setLastName}
            errorMessage={fieldError("lastName")}
            isRequired
          />
          <TextInput
            label={t("requests.accept.birthYear")}
            description={t("requests.accept.birthYearHint")}
            inputMode="numeric"
            value={birthYear}
            onChange={setBirthYear}
            errorMessage={fieldError("birthYear")}
            isRequired
          />
          <RadioGroupInput
            label={t("requests.accept.next")}
            value={next}
            onChange={(value) => setNext(value as NextStep)}
            options={nextSteps.map((id) => ({ id, label: t(`requests.accept.nextSteps.${id}`) }))}
          />
          {next === "book" && (
            <>
              <SelectInput
                label={t("requests.accept.slotChannel")}
                options={slotChannels.map((c) => ({ id: c, label: t(`findCounseling.channels.${c}`) }))}
                selectedKey={slotChannel}
                onSelectionChange={(k) => {
                  if (!k) return;
                  setSlotChannel(k as BookingChannel);
                  setSlotId(null);
                }}
              />
              {slots.isPending ? (
                <Loading />
              ) : (slots.data?.items.length ?? 0) === 0 ? (
                <p className="alert alert-info">{t("requests.accept.noSlots")}</p>
              ) : (
                <SelectInput
                  label={t("requests.accept.slot")}
                  description={t("requests.accept.slotHint")}
                  options={(slots.data?.items ?? []).slice(0, 60).map((slot) => ({
                    id: slot.id,
                    label: formatDateTime(slot.start, "de", "full", slots.data?.timeZone),
                  }))}
                  selectedKey={slotId}
                  onSelectionChange={(k) => {
                    setSlotId(k ? String(k) : null);
                    setSlotMissing(false);
                  }}
                  errorMessage={
                    (slotMissing ? t("requests.accept.slotMissing") : null) ??
                    fieldError("appointment.slotId") ??
                    (accept.error instanceof ApiError && accept.error.code === "slot_taken" ? t("requests.accept.slotTaken") : null)
                  }
                  isRequired
                />
              )}
            </>
          )}
          {held && (
            <>
              <TextInput
                label={t("requests.accept.date")}
                type="date"
                value={date}
                onChange={setDate}
                errorMessage={fieldError("firstConsultation.date") ?? fieldError("date")}
              />
              <SelectInput
                label={t("requests.accept.channel")}
                options={consultationChannels.map((c) => ({ id: c, label: t(`consultations.codes.channels.${c}`) }))}
                selectedKey={channel}
                onSelectionChange={(k) => k && setChannel(String(k))}
              />
            </>
          )}
          <p className="muted small">{t(`requests.accept.nextHints.${next}`)}</p>
          <DialogActions submitLabel={t("requests.accept.submit")} isPending={accept.isPending} onCancel={close} />
        </QuickForm>
      )}
    </ModalDialog>
  );
}

function ForwardDialog({ request, reload }: { request: OnlineRequest; reload: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const forward = useForwardRequest();
  const [q, setQ] = useState("");
  const [siteId, setSiteId] = useState<string | null>(null);
  const [note, setNote] = useState("");
  const targets = useForwardTargets(q);
  const options = (targets.data?.items ?? [])
    .filter((s) => s.id !== request.site.id)
    .map((s) => ({ id: s.id, label: s.city ? `${s.name} (${s.city})` : s.name }));
  const fieldError = fieldErrorOf(forward.error);
  return (
    <ModalDialog
      title={t("requests.forward.title")}
      trigger={<Button className="button button-secondary">{t("requests.forward.action")}</Button>}
      onOpenChange={(open) => !open && forward.reset()}
    >
      {(close) => (
        <QuickForm
          className="form"
          validationBehavior="aria"
          onSubmit={(e) => {
            e.preventDefault();
            if (!siteId) return;
            forward
              .mutateAsync({ id: request.id, input: { siteId, note } })
              .then(() => {
                close();
                void navigate("/staff/requests");
              })
              .catch(() => undefined); // shown in the dialog (forward.error)
          }}
        >
          <p>{t("requests.forward.intro")}</p>
          <ChangeError error={forward.error} conflictText={t("requests.conflict")} onReload={() => (close(), reload())} />
          <ComboInput
            label={t("requests.forward.site")}
            options={options}
            inputValue={q}
            onInputChange={setQ}
            selectedKey={siteId}
            onSelectionChange={(k) => setSiteId(k ? String(k) : null)}
            errorMessage={fieldError("siteId")}
            isRequired
          />
          <TextAreaInput label={t("requests.forward.note")} value={note} onChange={setNote} maxLength={1000} />
          <DialogActions submitLabel={t("requests.forward.submit")} isPending={forward.isPending} onCancel={close} />
        </QuickForm>
      )}
    </ModalDialog>
  );
}

function CloseDialog({ request, reload }: { request: OnlineRequest; reload: () => void }) {
  const { t, i18n } = useTranslation();
  const closeRequest = useCloseRequest();
  const [answer, setAnswer] = useState("");
  const [tried, setTried] = useState(false);
  const missing = !answer.trim();
  const fieldError = fieldErrorOf(closeRequest.error);
  return (
    <ModalDialog
      title={t("requests.close.title")}
      trigger={<Button className="button button-secondary">{t("requests.close.action")}</Button>}
      onOpenChange={(open) => !open && (closeRequest.reset(), setTried(false))}
    >
      {(close) => (
        <QuickForm
          className="form"
          validationBehavior="aria"
          onSubmit={(e) => {
            e.preventDefault();
            setTried(true);
            if (missing) return;
            closeRequest
              .mutateAsync({ id: request.id, input: { answer } })
              .then(close)
              .catch(() => undefined); // shown in the dialog (closeRequest.error)
          }}
        >
          <p>{t("requests.close.intro", { language: languageName(request.locale, i18n.language) })}</p>
          <ChangeError error={closeRequest.error} conflictText={t("requests.conflict")} onReload={() => (close(), reload())} />
          <TextAreaInput
            label={t("requests.close.answer")}
            value={answer}
            onChange={setAnswer}
            maxLength={4000}
            errorMessage={tried && missing ? t("requests.close.answerMissing") : fieldError("answer")}
            isRequired
            autoFocus
          />
          <DialogActions submitLabel={t("requests.close.submit")} isPending={closeRequest.isPending} onCancel={close} />
        </QuickForm>
      )}
    </ModalDialog>
  );
}
