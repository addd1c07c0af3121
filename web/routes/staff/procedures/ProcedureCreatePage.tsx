import type { CalendarDate } from "@internationalized/date";
import { parseDate } from "@internationalized/date";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate, useParams } from "react-router";
import { type LegalBasis, legalBases } from "../../../../common/domain/procedures.js";
import { useClient, useSession } from "../../../api/hooks.js";
import { useCreateProcedure } from "../../../api/records.js";
import type { Client } from "../../../api/types.js";
import { DateInputField } from "../../../components/date-fields.js";
import { ErrorAlert, LoadFailed, Loading, Notice } from "../../../components/feedback.js";
import { RadioGroupInput, TextInput } from "../../../components/fields.js";
import { todayInBerlin } from "../../../components/format.js";
import { PendingButton } from "../../../components/PendingButton.js";
import { usePageTitle } from "../../../components/page.js";
import { QuickForm } from "../../../components/QuickForm.js";
import { fieldErrorOf } from "../clients/ClientForm.js";
import { ClientPageHeading, clientName } from "../clients/ClientPageHeading.js";
import { type ProfessionRef, ReferenceProfessionPicker } from "../consultations/ReferenceProfessionPicker.js";

/** Last-used authority and legal basis per user: counselors mostly deal with the same few authorities. */
const lastUsedKey = (userId: string) => `lotse.procedures.lastUsed.${userId}`;
type LastUsed = { competentAuthority: string; legalBasis: LegalBasis };

function readLastUsed(userId: string): LastUsed | null {
  try {
    const value = JSON.parse(window.localStorage.getItem(lastUsedKey(userId)) ?? "null") as LastUsed | null;
    return value && legalBases.includes(value.legalBasis) ? value : null;
  } catch {
    return null;
  }
}

function writeLastUsed(userId: string, value: LastUsed): void {
  try {
    window.localStorage.setItem(lastUsedKey(userId), JSON.stringify(value));
  } catch {
    // Private mode: nothing remembered.
  }
}

/** /staff/clients/:id/procedures/new — the server prefills the document checklist. */
export function ProcedureCreatePage() {
  const { id = "" } = useParams();
  const { t } = useTranslation();
  usePageTitle(t("procedures.create.title"));
  const client = useClient(id);
  const back = `/staff/clients/${id}`;
  if (client.isPending) return <Loading />;
  if (client.error)
    return <LoadFailed title={t("procedures.create.title")} error={client.error} backTo={back} backLabel={t("procedures.backToClient")} />;
  if (client.data.erasedAt) {
    return (
      <>
        <h1>{t("procedures.create.title")}</h1>
        <Notice tone="warning">
          <p>{t("timeline.erased.noRecords")}</p>
        </Notice>
        <Link to={back}>{t("procedures.backToClient")}</Link>
      </>
    );
  }
  return <CreateForm client={client.data} />;
}

function CreateForm({ client }: { client: Client }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const user = useSession().data!.user;
  const create = useCreateProcedure();
  const [lastUsed] = useState(() => readLastUsed(user.id));
  const [profession, setProfession] = useState<ProfessionRef | null>(null);
  const [authority, setAuthority] = useState(lastUsed?.competentAuthority ?? "");
  const [legalBasis, setLegalBasis] = useState<LegalBasis>(lastUsed?.legalBasis ?? "bqfg");
  const [applicationDate, setApplicationDate] = useState<CalendarDate | null>(null);
  const fieldError = fieldErrorOf(create.error);
  const back = `/staff/clients/${client.id}`;

  return (
    <div className="narrow procedure-page">
      <ClientPageHeading
        client={client}
        back={back}
        backLabel={t("procedures.backTo", { name: clientName(client) })}
        title={t("procedures.create.title")}
      />
      <p className="muted">{t("procedures.create.intro")}</p>
      <ErrorAlert error={create.error} />
      <QuickForm
        focusFirst
        className="form"
        onSubmit={(e) => {
          e.preventDefault();
          if (!profession) return;
          const competentAuthority = authority.trim();
          create.mutate(
            {
              clientId: client.id,
              referenceProfessionId: profession.id,
              competentAuthority,
              legalBasis,
              applicationDate: applicationDate?.toString() ?? null,
            },
            {
              onSuccess: (procedure) => {
                writeLastUsed(user.id, { competentAuthority, legalBasis });
                void navigate(`/staff/procedures/${procedure.id}`, { state: { created: true } });
              },
            },
          );
        }}
      >
        <ReferenceProfessionPicker
          value={profession}
          onChange={setProfession}
          isRequired
          autoFocus
          errorMessage={fieldError("referenceProfessionId")}
        />
        <TextInput
          label={t("procedures.fields.competentAuthority")}
          description={t("procedures.form.authorityHint")}
          value={authority}
          onChange={setAuthority}
          isRequired
          maxLength={200}
          validate={(v) => (v.trim() ? null : t("procedures.form.authorityRequired"))}
          errorMessage={fieldError("competentAuthority")}
        />
        <RadioGroupInput
          label={t("procedures.fields.legalBasis")}
          options={legalBases.map((b) => ({ id: b, label: t(`procedures.codes.legalBases.${b}`) }))}
          value={legalBasis}
          onChange={(v) => setLegalBasis(v as LegalBasis)}
          errorMessage={fieldError("legalBasis")}
        />
        <DateInputField
          label={t("procedures.fields.applicationDate")}
          description={t("procedures.form.applicationDateHint")}
          value={applicationDate}
          onChange={setApplicationDate}
          maxValue={parseDate(todayInBerlin())}
          errorMessage={fieldError("applicationDate")}
        />
        <div className="form-actions sticky-actions">
          <PendingButton type="submit" className="button button-primary" isPending={create.isPending}>
            {t("procedures.create.submit")}
          </PendingButton>
          <Link className="button button-quiet" to={back}>
            {t("common.cancel")}
          </Link>
          <span className="small muted shortcut-hint">{t("consultations.form.shortcut")}</span>
        </div>
      </QuickForm>
    </div>
  );
}
