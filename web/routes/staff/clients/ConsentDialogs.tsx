/** Recording and withdrawing a consent: each a small dialog. */
import { type CalendarDate, parseDate } from "@internationalized/date";
import { useState } from "react";
import { Button, Form } from "react-aria-components";
import { useTranslation } from "react-i18next";
import { type ConsentKind, consentKinds } from "../../../../common/domain/clients.js";
import { useGiveConsent, useWithdrawConsent } from "../../../api/hooks.js";
import type { Client, Consent } from "../../../api/types.js";
import { DateInputField } from "../../../components/date-fields.js";
import { DialogActions, ModalDialog } from "../../../components/dialog.js";
import { ErrorAlert } from "../../../components/feedback.js";
import { todayInBerlin } from "../../../components/format.js";
import { PendingButton } from "../../../components/PendingButton.js";
import { SelectInput } from "../../../components/select-field.js";
import { PartnerPicker } from "../../../components/UnitPicker.js";
import { fieldErrorOf } from "./ClientForm.js";

export function GiveConsentDialog({ client, onDone }: { client: Client; onDone: (kind: ConsentKind) => void }) {
  const { t } = useTranslation();
  const give = useGiveConsent(client.id);
  const today = parseDate(todayInBerlin());
  const [kind, setKind] = useState<ConsentKind | null>(null);
  const [partner, setPartner] = useState<{ id: string; name: string } | null>(null);
  const [givenOn, setGivenOn] = useState<CalendarDate | null>(today);
  const fieldError = fieldErrorOf(give.error);

  return (
    <ModalDialog
      title={t("clients.consents.give.title")}
      trigger={<Button className="button button-secondary">{t("clients.consents.give.open")}</Button>}
      onOpenChange={(open) => {
        if (open) return;
        give.reset();
        setKind(null);
        setPartner(null);
        setGivenOn(today);
      }}
    >
      {(close) => (
        <Form
          className="form"
          onSubmit={(e) => {
            e.preventDefault();
            if (!kind || (kind === "sharing" && !partner)) return;
            give.mutate(
              {
                kind,
                ...(kind === "sharing" && partner ? { partnerUnitId: partner.id } : {}),
                ...(givenOn ? { givenOn: givenOn.toString() } : {}),
              },
              {
                onSuccess: () => {
                  close();
                  onDone(kind);
                },
              },
            );
          }}
        >
          <p>{t("clients.consents.give.intro")}</p>
          <ErrorAlert error={give.error} />
          <SelectInput
            label={t("clients.consents.fields.kind")}
            options={consentKinds.map((k) => ({ id: k, label: t(`clients.codes.consentKinds.${k}`) }))}
            selectedKey={kind}
            onSelectionChange={(k) => setKind(k ? (String(k) as ConsentKind) : null)}
            isRequired
            validate={(k) => (k ? null : t("validation.chooseOption"))}
            errorMessage={fieldError("kind")}
            autoFocus
          />
          {kind === "sharing" && (
            <PartnerPicker
              label={t("clients.consents.fields.partnerUnit")}
              description={t("clients.consents.give.partnerHint")}
              value={partner?.id ?? null}
              initialName={partner?.name}
              onChange={setPartner}
              isRequired
              errorMessage={fieldError("partnerUnitId")}
            />
          )}
          <DateInputField
            label={t("clients.consents.fields.givenOn")}
            value={givenOn}
            onChange={setGivenOn}
            maxValue={today}
            isRequired
            errorMessage={fieldError("givenOn")}
          />
          <DialogActions submitLabel={t("clients.consents.give.submit")} isPending={give.isPending} onCancel={close} />
        </Form>
      )}
    </ModalDialog>
  );
}

export function WithdrawConsentDialog({
  client,
  consent,
  label,
  onDone,
}: {
  client: Client;
  consent: Consent;
  /** The consent's name, e.g. "Kontaktaufnahme" or "Weitergabe an …". */
  label: string;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const withdraw = useWithdrawConsent(client.id);
  return (
    <ModalDialog
      title={t("clients.consents.withdraw.title", { consent: label })}
      trigger={
        <Button className="button button-secondary button-small" aria-label={t("clients.consents.withdraw.label", { consent: label })}>
          {t("clients.consents.withdraw.open")}
        </Button>
      }
      onOpenChange={(open) => !open && withdraw.reset()}
    >
      {(close) => (
        <>
          <p>{t("clients.consents.withdraw.intro")}</p>
          {consent.kind === "processing" && (
            <div className="alert alert-warning">
              <p>{t("clients.consents.withdraw.processingWarning")}</p>
            </div>
          )}
          <ErrorAlert error={withdraw.error} />
          <div className="form-actions">
            <PendingButton
              className="button button-danger"
              isPending={withdraw.isPending}
              onPress={() =>
                withdraw.mutate(consent.id, {
                  onSuccess: () => {
                    close();
                    onDone();
                  },
                })
              }
            >
              {t("clients.consents.withdraw.submit")}
            </PendingButton>
            <Button className="button button-quiet" onPress={close} autoFocus>
              {t("common.cancel")}
            </Button>
          </div>
        </>
      )}
    </ModalDialog>
  );
}
