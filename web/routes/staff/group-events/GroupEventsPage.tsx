import { type CalendarDate, parseDate } from "@internationalized/date";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { type ConsultationChannel, consultationChannels, EARLIEST_CONSULTATION_DATE } from "../../../../common/domain/consultations.js";
import { useSession } from "../../../api/hooks.js";
import { type GroupEvent, useCreateGroupEvent, useGroupEvents } from "../../../api/records.js";
import { DateInputField } from "../../../components/date-fields.js";
import { ErrorAlert, QueryState } from "../../../components/feedback.js";
import { TextInput } from "../../../components/fields.js";
import { formatDate, todayInBerlin } from "../../../components/format.js";
import { languageName, languageOptions, namesOf } from "../../../components/names.js";
import { PendingButton } from "../../../components/PendingButton.js";
import { usePageTitle } from "../../../components/page.js";
import { MultiPicker } from "../../../components/pickers.js";
import { QuickForm } from "../../../components/QuickForm.js";
import { SelectInput } from "../../../components/select-field.js";
import { caseworkUnits } from "../../../session/access.js";
import { useWorkingUnit } from "../../../session/working-unit.js";
import { fieldErrorOf } from "../clients/ClientForm.js";

/**
 * /staff/group-events — Gruppeninformationsveranstaltungen of the caller's sub-project: counted,
 * never named. The form to record one first, the list of the sub-project below it.
 */
export function GroupEventsPage() {
  const { t } = useTranslation();
  usePageTitle(t("groupEvents.title"));
  const user = useSession().data!.user;
  const { current } = useWorkingUnit();
  const units = caseworkUnits(user).filter((u) => u.unitType === "sub_project");
  const [unitId, setUnitId] = useState<string | null>(() =>
    current && units.some((u) => u.unitId === current.unitId) ? current.unitId : (units[0]?.unitId ?? null),
  );
  const events = useGroupEvents(unitId);
  const [recorded, setRecorded] = useState<GroupEvent | null>(null);

  return (
    <>
      <h1>{t("groupEvents.title")}</h1>
      <p className="muted">{t("groupEvents.intro")}</p>
      {units.length > 1 && (
        <div className="filters filters-single">
          <SelectInput
            label={t("groupEvents.fields.unit")}
            options={units.map((u) => ({ id: u.unitId, label: u.unitName }))}
            selectedKey={unitId}
            onSelectionChange={(k) => {
              setUnitId(k ? String(k) : null);
              setRecorded(null);
            }}
          />
        </div>
      )}
      {unitId ? (
        <>
          <RecordForm
            key={unitId}
            unitId={unitId}
            // Last-used channel and languages: those of the newest event of the list.
            last={events.data?.items[0] ?? null}
            lastReady={!events.isPending}
            onRecorded={setRecorded}
          />
          <section className="section" aria-labelledby="group-events-list">
            <h2 id="group-events-list">{t("groupEvents.listTitle")}</h2>
            <div role="status">
              {recorded && (
                <div className="alert alert-success">
                  <p>{t("groupEvents.done", { title: recorded.title })}</p>
                </div>
              )}
            </div>
            <QueryState query={events}>{() => <EventTable events={events.data!.items} />}</QueryState>
          </section>
        </>
      ) : (
        <div className="alert alert-warning">
          <p>{t("groupEvents.noUnit")}</p>
        </div>
      )}
    </>
  );
}

function EventTable({ events }: { events: GroupEvent[] }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  if (events.length === 0) return <p className="empty">{t("groupEvents.empty")}</p>;
  return (
    <table className="simple-table stack-table">
      <caption className="visually-hidden">{t("groupEvents.listTitle")}</caption>
      <thead>
        <tr>
          <th scope="col">{t("groupEvents.fields.date")}</th>
          <th scope="col">{t("groupEvents.fields.title")}</th>
          <th scope="col">{t("groupEvents.fields.channel")}</th>
          <th scope="col">{t("groupEvents.fields.languages")}</th>
          <th scope="col">{t("groupEvents.fields.participants")}</th>
          <th scope="col">{t("groupEvents.fields.refugeeParticipants")}</th>
        </tr>
      </thead>
      <tbody>
        {events.map((e) => (
          <tr key={e.id}>
            <td data-label={t("groupEvents.fields.date")}>{formatDate(e.date, lang)}</td>
            <th scope="row" data-label={t("groupEvents.fields.title")}>
              {e.title}
              {e.siteName && <span className="muted small block">{e.siteName}</span>}
            </th>
            <td data-label={t("groupEvents.fields.channel")}>{t(`consultations.codes.channels.${e.channel}`)}</td>
            <td data-label={t("groupEvents.fields.languages")}>{namesOf(e.languages, languageName, lang)}</td>
            <td data-label={t("groupEvents.fields.participants")}>{e.participants}</td>
            <td data-label={t("groupEvents.fields.refugeeParticipants")}>{e.refugeeParticipants ?? "–"}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

const isCount = (v: string) => /^\d{1,5}$/.test(v.trim());

function RecordForm({
  unitId,
  last,
  lastReady,
  onRecorded,
}: {
  unitId: string;
  last: GroupEvent | null;
  lastReady: boolean;
  onRecorded: (e: GroupEvent) => void;
}) {
  const { t, i18n } = useTranslation();
  const create = useCreateGroupEvent();
  const today = parseDate(todayInBerlin());
  const [date, setDate] = useState<CalendarDate | null>(today);
  const [title, setTitle] = useState("");
  const [channel, setChannel] = useState<ConsultationChannel | null>(null);
  const [languages, setLanguages] = useState<string[] | null>(null);
  const [participants, setParticipants] = useState("");
  const [refugees, setRefugees] = useState("");
  const fieldError = fieldErrorOf(create.error);
  // Until the user chooses, the last event's values stand in.
  const shownChannel = channel ?? (lastReady ? (last?.channel ?? "in_person") : "in_person");
  const shownLanguages = languages ?? last?.languages ?? [];

  return (
    <section className="panel" aria-labelledby="group-event-form">
      <h2 id="group-event-form">{t("groupEvents.recordTitle")}</h2>
      <ErrorAlert error={create.error} />
      <QuickForm
        className="form"
        onSubmit={(e) => {
          e.preventDefault();
          create.mutate(
            {
              unitId,
              date: date?.toString() ?? "",
              title: title.trim(),
              channel: shownChannel,
              languages: shownLanguages,
              participants: Number(participants.trim()),
              refugeeParticipants: refugees.trim() ? Number(refugees.trim()) : null,
            },
            {
              onSuccess: (event) => {
                setTitle("");
                setParticipants("");
                setRefugees("");
                setChannel(event.channel);
                setLanguages(event.languages);
                onRecorded(event);
              },
            },
          );
        }}
      >
        <div className="field-grid">
          <DateInputField
            label={t("groupEvents.fields.date")}
            value={date}
            onChange={setDate}
            minValue={parseDate(EARLIEST_CONSULTATION_DATE)}
            maxValue={today}
            isRequired
            errorMessage={fieldError("date")}
          />
          <TextInput
            label={t("groupEvents.fields.title")}
            description={t("groupEvents.form.titleHint")}
            value={title}
            onChange={setTitle}
            isRequired
            maxLength={200}
            validate={(v) => (v.trim() ? null : t("groupEvents.form.titleRequired"))}
            errorMessage={fieldError("title")}
          />
        </div>
        <div className="field-grid">
          <SelectInput
            label={t("groupEvents.fields.channel")}
            options={consultationChannels.map((c) => ({ id: c, label: t(`consultations.codes.channels.${c}`) }))}
            selectedKey={shownChannel}
            onSelectionChange={(k) => k && setChannel(k as ConsultationChannel)}
            errorMessage={fieldError("channel")}
          />
          <MultiPicker
            label={t("groupEvents.fields.languages")}
            chosenLabel={t("groupEvents.form.chosenLanguages")}
            options={languageOptions(i18n.language)}
            value={shownLanguages}
            onChange={setLanguages}
            max={10}
            errorMessage={fieldError("languages")}
          />
        </div>
        <div className="field-grid">
          <TextInput
            label={t("groupEvents.fields.participants")}
            value={participants}
            onChange={setParticipants}
            inputProps={{ inputMode: "numeric", autoComplete: "off" }}
            isRequired
            validate={(v) => (isCount(v) && Number(v) >= 1 ? null : t("groupEvents.form.participantsInvalid"))}
            errorMessage={fieldError("participants")}
          />
          <TextInput
            label={t("groupEvents.fields.refugeeParticipants")}
            description={t("groupEvents.form.refugeesHint")}
            value={refugees}
            onChange={setRefugees}
            inputProps={{ inputMode: "numeric", autoComplete: "off" }}
            validate={(v) =>
              !v.trim()
                ? null
                : !isCount(v)
                  ? t("groupEvents.form.countInvalid")
                  : isCount(participants) && Number(v) > Number(participants)
                    ? t("groupEvents.form.refugeesTooMany")
                    : null
            }
            errorMessage={fieldError("refugeeParticipants")}
          />
        </div>
        <div className="form-actions">
          <PendingButton type="submit" className="button button-primary" isPending={create.isPending}>
            {t("groupEvents.form.submit")}
          </PendingButton>
        </div>
      </QuickForm>
    </section>
  );
}
