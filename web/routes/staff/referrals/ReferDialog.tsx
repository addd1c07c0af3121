/**
 * "Verweisen": hand the client over to a partner sub-project (any state network) or name an
 * external service. The sender ticks what the partner may read (need-to-know); a partner needs
 * the client's sharing consent, which can be recorded here after an explicit confirmation.
 */
import { useId, useRef, useState } from "react";
import { Button } from "react-aria-components";
import { useTranslation } from "react-i18next";
import { CURRENT_CONSENT_TEXT_VERSION } from "../../../../common/domain/clients.js";
import {
  type ExternalService,
  externalServices,
  type ShareableClientField,
  shareableClientFields,
} from "../../../../common/domain/referrals.js";
import { type Referral, useCreateReferral } from "../../../api/casework.js";
import { ApiError } from "../../../api/client.js";
import { useGiveConsent, useSession } from "../../../api/hooks.js";
import type { Client } from "../../../api/types.js";
import { DialogActions, ModalDialog } from "../../../components/dialog.js";
import { ErrorAlert } from "../../../components/feedback.js";
import { CheckboxFieldInput, CheckboxGroupInput, RadioGroupInput, TextAreaInput, TextInput } from "../../../components/fields.js";
import { PendingButton } from "../../../components/PendingButton.js";
import { QuickForm } from "../../../components/QuickForm.js";
import { SelectInput } from "../../../components/select-field.js";
import { PartnerPicker } from "../../../components/UnitPicker.js";
import { fieldErrorOf } from "../clients/ClientForm.js";
import { type Partner, recentPartners, rememberPartner } from "./recent-partners.js";

/** What a partner needs to get in touch with the person; everything else only when ticked. */
const DEFAULT_SHARED: ShareableClientField[] = ["name", "contact"];

type TargetKind = "partner" | "external";

const isConsentMissing = (error: unknown) => error instanceof ApiError && error.code === "sharing_consent_missing";

export function ReferDialog({
  client,
  onSent,
  onConsentRecorded,
}: {
  client: Client;
  onSent: (referral: Referral) => void;
  /** A sharing consent was recorded on the way (the client's page shows consents). */
  onConsentRecorded: () => void;
}) {
  const { t } = useTranslation();
  return (
    <ModalDialog
      title={t("referrals.refer.title", { name: `${client.firstName} ${client.lastName}` })}
      trigger={<Button className="button button-secondary">{t("referrals.refer.open")}</Button>}
    >
      {(close) => (
        <ReferForm
          client={client}
          onCancel={close}
          onConsentRecorded={onConsentRecorded}
          onSent={(referral) => {
            close();
            onSent(referral);
          }}
        />
      )}
    </ModalDialog>
  );
}

function ReferForm({
  client,
  onCancel,
  onSent,
  onConsentRecorded,
}: {
  client: Client;
  onCancel: () => void;
  onSent: (referral: Referral) => void;
  onConsentRecorded: () => void;
}) {
  const { t } = useTranslation();
  const userId = useSession().data!.user.id;
  const create = useCreateReferral();
  const [kind, setKind] = useState<TargetKind>("partner");
  const [partner, setPartner] = useState<Partner | null>(null);
  // A quick choice re-creates the picker so that it shows the chosen name.
  const [pickerKey, setPickerKey] = useState(0);
  const [service, setService] = useState<ExternalService | null>(null);
  const [externalNote, setExternalNote] = useState("");
  const [shared, setShared] = useState<ShareableClientField[]>(DEFAULT_SHARED);
  const [message, setMessage] = useState("");
  // Checked on sending only: a message that comes and goes on blur shifts the buttons away.
  const [tried, setTried] = useState(false);
  const noteMissing = kind === "external" && service === "other" && !externalNote.trim();
  const fieldError = fieldErrorOf(create.error);
  const consentMissing = isConsentMissing(create.error);
  const [consentRecorded, setConsentRecorded] = useState<string | null>(null);
  const formId = useId();

  const consented = client.consents.filter((c) => c.kind === "sharing" && !c.withdrawnAt && c.partnerUnit).map((c) => c.partnerUnit!);
  const suggestions = [...new Map([...consented, ...recentPartners(userId)].map((p) => [p.id, p])).values()]
    .filter((p) => p.id !== client.unit.id)
    .slice(0, 5);
  const choose = (p: Partner | null) => {
    setPartner(p);
    setConsentRecorded(null);
    create.reset();
  };

  const send = () => {
    const body =
      kind === "partner"
        ? { clientId: client.id, toUnitId: partner?.id, sharedFields: shared, message }
        : { clientId: client.id, externalService: service, externalNote, sharedFields: [], message };
    create.mutate(body, {
      onSuccess: (referral) => {
        if (kind === "partner" && partner) rememberPartner(userId, partner);
        onSent(referral);
      },
    });
  };

  return (
    <QuickForm
      id={formId}
      className="form"
      onSubmit={(e) => {
        e.preventDefault();
        setTried(true);
        if ((kind === "partner" ? !partner : !service) || noteMissing) return;
        send();
      }}
    >
      {!consentMissing && <ErrorAlert error={create.error} />}
      <RadioGroupInput
        label={t("referrals.fields.targetKind")}
        options={[
          { id: "partner", label: t("referrals.refer.toPartner") },
          { id: "external", label: t("referrals.refer.toExternal") },
        ]}
        value={kind}
        onChange={(v) => {
          setKind(v as TargetKind);
          create.reset();
        }}
      />
      {kind === "partner" ? (
        <>
          <PartnerPicker
            key={pickerKey}
            label={t("referrals.fields.partner")}
            description={t("referrals.refer.partnerHint")}
            value={partner?.id ?? null}
            initialName={partner?.name}
            onChange={choose}
            exclude={client.unit.id}
            isRequired
            // Only when the dialog opens: after a quick choice, focus stays on that button.
            autoFocus={pickerKey === 0}
            errorMessage={consentMissing ? undefined : fieldError("toUnitId")}
          />
          {suggestions.length > 0 && (
            <div className="quick-choices">
              <p id="refer-suggestions" className="small muted quick-choices-label">
                {t("referrals.refer.suggestions")}
              </p>
              {/* biome-ignore lint/a11y/useSemanticElements: a group of buttons, not a form fieldset */}
              <div role="group" aria-labelledby="refer-suggestions" className="quick-choice-list">
                {suggestions.map((p) => (
                  <Button
                    key={p.id}
                    className="button button-secondary button-small"
                    aria-pressed={partner?.id === p.id}
                    onPress={() => {
                      choose(p);
                      setPickerKey((k) => k + 1);
                    }}
                  >
                    {p.name}
                  </Button>
                ))}
              </div>
            </div>
          )}
          {consentMissing && partner && (
            <ConsentMissing
              client={client}
              partner={partner}
              onRecorded={() => {
                create.reset();
                setConsentRecorded(partner.name);
                onConsentRecorded();
                // The explanation and its button are gone: the next step is sending again.
                requestAnimationFrame(() =>
                  document.getElementById(formId)?.querySelector<HTMLButtonElement>("button[type=submit]")?.focus(),
                );
              }}
            />
          )}
          {consentRecorded && (
            <div role="status" className="alert alert-success">
              <p>{t("referrals.consent.recorded", { partner: consentRecorded })}</p>
            </div>
          )}
          <CheckboxGroupInput
            label={t("referrals.fields.sharedFields")}
            description={t("referrals.refer.sharedHint")}
            options={shareableClientFields.map((f) => ({ id: f, label: t(`referrals.codes.sharedFields.${f}`) }))}
            value={shared}
            onChange={(v) => setShared(v as ShareableClientField[])}
            errorMessage={fieldError("sharedFields")}
          />
        </>
      ) : (
        <>
          <SelectInput
            label={t("referrals.fields.externalService")}
            options={externalServices.map((s) => ({ id: s, label: t(`referrals.codes.externalServices.${s}`) }))}
            selectedKey={service}
            onSelectionChange={(k) => setService(k ? (String(k) as ExternalService) : null)}
            isRequired
            validate={(k) => (k ? null : t("validation.chooseOption"))}
            errorMessage={fieldError("externalService")}
          />
          <TextInput
            label={t("referrals.fields.externalNote")}
            description={t("referrals.refer.externalNoteHint")}
            value={externalNote}
            onChange={setExternalNote}
            maxLength={500}
            errorMessage={tried && noteMissing ? t("validation.required") : fieldError("externalNote")}
          />
          <p className="small muted">{t("referrals.refer.externalHint")}</p>
        </>
      )}
      <TextAreaInput
        label={kind === "partner" ? t("referrals.fields.message") : t("referrals.fields.note")}
        description={kind === "partner" ? t("referrals.refer.messageHint") : undefined}
        value={message}
        onChange={setMessage}
        maxLength={2000}
        errorMessage={fieldError("message")}
      />
      <DialogActions submitLabel={t("referrals.refer.submit")} isPending={create.isPending} onCancel={onCancel} />
    </QuickForm>
  );
}

/**
 * The partner is not covered by a sharing consent: explain, and record one once the counselor
 * confirms that the client agreed (the consent text version of today).
 */
function ConsentMissing({ client, partner, onRecorded }: { client: Client; partner: Partner; onRecorded: () => void }) {
  const { t } = useTranslation();
  const give = useGiveConsent(client.id);
  const [open, setOpen] = useState(false);
  const [confirmed, setConfirmed] = useState(false);
  const [tried, setTried] = useState(false);
  const checkbox = useRef<HTMLDivElement>(null);

  return (
    <div role="alert" className="alert alert-warning">
      <p>{t("referrals.consent.missing", { partner: partner.name })}</p>
      {!client.abilities.giveConsent ? null : !open ? (
        <Button
          className="button button-secondary"
          onPress={() => {
            setOpen(true);
            // The confirmation replaces the button: move focus to it.
            requestAnimationFrame(() => checkbox.current?.querySelector("input")?.focus());
          }}
        >
          {t("referrals.consent.record")}
        </Button>
      ) : (
        <div className="consent-confirm" ref={checkbox}>
          <CheckboxFieldInput
            isSelected={confirmed}
            onChange={setConfirmed}
            description={t("referrals.consent.confirmHint", { version: CURRENT_CONSENT_TEXT_VERSION })}
            errorMessage={tried && !confirmed ? t("referrals.consent.confirmRequired") : undefined}
          >
            {t("referrals.consent.confirm", { name: `${client.firstName} ${client.lastName}`, partner: partner.name })}
          </CheckboxFieldInput>
          <ErrorAlert error={give.error} />
          <PendingButton
            className="button button-primary"
            isPending={give.isPending}
            onPress={() => {
              setTried(true);
              if (!confirmed) return;
              give.mutate(
                { kind: "sharing", partnerUnitId: partner.id, textVersion: CURRENT_CONSENT_TEXT_VERSION },
                { onSuccess: onRecorded },
              );
            }}
          >
            {t("referrals.consent.submit")}
          </PendingButton>
        </div>
      )}
    </div>
  );
}
