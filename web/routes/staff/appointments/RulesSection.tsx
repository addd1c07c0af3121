/** Weekly hours (Sprechzeiten) of a site's counselors: the list, and a keyboard-first form to add some. */
import { type CalendarDate, parseDate, type Time } from "@internationalized/date";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { type BookingChannel, bookingChannels } from "../../../../common/domain/appointments.js";
import { type AvailabilityRule, type SiteBookingSetup, useAddRule, useRemoveRule } from "../../../api/appointments.js";
import { useSession } from "../../../api/hooks.js";
import { DateInputField, TimeInputField } from "../../../components/date-fields.js";
import { ErrorAlert } from "../../../components/feedback.js";
import { CheckboxGroupInput } from "../../../components/fields.js";
import { formatDate, shortTime } from "../../../components/format.js";
import { PendingButton } from "../../../components/PendingButton.js";
import { QuickForm } from "../../../components/QuickForm.js";
import { SelectInput } from "../../../components/select-field.js";
import { isolate, RemoveEntryDialog, useFocusAfterRemoval, useServerFieldErrors } from "./parts.js";
import { dayIn } from "./zoned-time.js";

export function RulesSection({ setup }: { setup: SiteBookingSetup }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const userId = useSession().data!.user.id;
  const [message, setMessage] = useState("");
  const onGone = useFocusAfterRemoval(
    "weekly-hours",
    setup.rules.map((r) => r.id),
  );
  const canManage = (counselorId: string) => setup.abilities.manageAll || (setup.abilities.manageOwn && counselorId === userId);
  const collator = new Intl.Collator(lang);
  const rules = [...setup.rules].sort(
    (a, b) => collator.compare(a.counselorName, b.counselorName) || a.weekday - b.weekday || a.startsAt.localeCompare(b.startsAt),
  );
  const canAdd = setup.abilities.manageAll || setup.abilities.manageOwn;

  return (
    <section className="panel section" aria-labelledby="weekly-hours">
      <h2 id="weekly-hours" tabIndex={-1}>
        {t("appointments.rules.title")}
      </h2>
      {rules.length === 0 ? (
        <p className="empty">{t("appointments.rules.empty")}</p>
      ) : (
        <table className="simple-table stack-table">
          <caption className="visually-hidden">{t("appointments.rules.caption", { site: setup.siteName })}</caption>
          <thead>
            <tr>
              <th scope="col">{t("appointments.rules.counselor")}</th>
              <th scope="col">{t("appointments.rules.weekday")}</th>
              <th scope="col">{t("appointments.rules.time")}</th>
              <th scope="col">{t("appointments.rules.channels")}</th>
              <th scope="col">{t("appointments.rules.validity")}</th>
              <th scope="col">
                <span className="visually-hidden">{t("common.actions")}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {rules.map((rule) => (
              <tr key={rule.id}>
                <th scope="row" data-label={t("appointments.rules.counselor")}>
                  <bdi>{rule.counselorName}</bdi>
                </th>
                <td data-label={t("appointments.rules.weekday")}>{t(`weekdays.${rule.weekday}`)}</td>
                <td data-label={t("appointments.rules.time")}>
                  {t("appointments.calendar.time", { start: shortTime(rule.startsAt), end: shortTime(rule.endsAt) })}
                </td>
                <td data-label={t("appointments.rules.channels")}>{rule.channels.map((c) => t(`channels.${c}`)).join(", ")}</td>
                <td data-label={t("appointments.rules.validity")}>
                  {rule.validUntil
                    ? t("appointments.rules.validRange", {
                        from: formatDate(rule.validFrom, lang),
                        until: formatDate(rule.validUntil, lang),
                      })
                    : t("appointments.rules.validOpen", { from: formatDate(rule.validFrom, lang) })}
                </td>
                <td className="cell-actions">
                  {canManage(rule.counselorId) && <RemoveRule setup={setup} rule={rule} onRemoved={setMessage} onGone={onGone} />}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <div role="status">
        {message && (
          <div className="alert alert-success">
            <p>{message}</p>
          </div>
        )}
      </div>
      {canAdd && <AddRuleForm setup={setup} userId={userId} onAdded={setMessage} />}
    </section>
  );
}

function RemoveRule({
  setup,
  rule,
  onRemoved,
  onGone,
}: {
  setup: SiteBookingSetup;
  rule: AvailabilityRule;
  onRemoved: (m: string) => void;
  onGone: (id: string) => void;
}) {
  const { t } = useTranslation();
  const remove = useRemoveRule(setup.siteId);
  const what = {
    weekday: t(`weekdays.${rule.weekday}`),
    from: shortTime(rule.startsAt),
    until: shortTime(rule.endsAt),
    name: isolate(rule.counselorName),
  };
  return <RemoveEntryDialog texts="appointments.rules" what={what} id={rule.id} remove={remove} onRemoved={onRemoved} onGone={onGone} />;
}

function AddRuleForm({ setup, userId, onAdded }: { setup: SiteBookingSetup; userId: string; onAdded: (m: string) => void }) {
  const { t } = useTranslation();
  const add = useAddRule(setup.siteId);
  const { fieldError, changed } = useServerFieldErrors(add.error);
  const ownOnly = !setup.abilities.manageAll;
  // A lead chooses whose hours these are every time (no one is preset by mistake).
  const [counselorId, setCounselorId] = useState<string | null>(ownOnly ? userId : null);
  const [weekday, setWeekday] = useState("1");
  const [startsAt, setStartsAt] = useState<Time | null>(null);
  const [endsAt, setEndsAt] = useState<Time | null>(null);
  const [channels, setChannels] = useState<string[]>(["in_person"]);
  const [validFrom, setValidFrom] = useState<CalendarDate | null>(() => parseDate(dayIn(new Date(), setup.timeZone)));
  const [validUntil, setValidUntil] = useState<CalendarDate | null>(null);
  const counselorName = (id: string | null) => setup.counselors.find((c) => c.id === id)?.displayName ?? "";
  const hhmm = (time: Time | null) => (time ? time.toString().slice(0, 5) : "");

  return (
    <div className="subsection">
      <h3 id="add-weekly-hours">{t("appointments.rules.addTitle")}</h3>
      <ErrorAlert error={add.error} />
      <QuickForm
        className="form"
        aria-labelledby="add-weekly-hours"
        onSubmit={(e) => {
          e.preventDefault();
          onAdded("");
          const input = {
            counselorId: counselorId ?? "",
            weekday: Number(weekday),
            startsAt: hhmm(startsAt),
            endsAt: hhmm(endsAt),
            channels: channels as BookingChannel[],
            validFrom: validFrom?.toString() ?? "",
            validUntil: validUntil?.toString() ?? null,
          };
          add.mutate(input, {
            // The fields stay: the next weekday of the same hours is one change away.
            onSuccess: () =>
              onAdded(
                t("appointments.rules.added", {
                  weekday: t(`weekdays.${input.weekday}`),
                  from: input.startsAt,
                  until: input.endsAt,
                  name: isolate(counselorName(input.counselorId)),
                }),
              ),
          });
        }}
      >
        <div className="field-grid">
          {ownOnly ? (
            <p className="field-static">{t("appointments.rules.forSelf", { name: isolate(counselorName(userId)) })}</p>
          ) : (
            <SelectInput
              label={t("appointments.rules.counselor")}
              options={setup.counselors.map((c) => ({ id: c.id, label: c.displayName }))}
              selectedKey={counselorId}
              onSelectionChange={(key) => {
                setCounselorId(key ? String(key) : null);
                changed("counselorId");
              }}
              isRequired
              errorMessage={fieldError("counselorId")}
            />
          )}
          <SelectInput
            label={t("appointments.rules.weekday")}
            options={[1, 2, 3, 4, 5, 6, 7].map((d) => ({ id: String(d), label: t(`weekdays.${d}`) }))}
            selectedKey={weekday}
            onSelectionChange={(key) => {
              if (key) setWeekday(String(key));
              changed("weekday");
            }}
            isRequired
            errorMessage={fieldError("weekday")}
          />
          <TimeInputField
            label={t("appointments.rules.from")}
            value={startsAt}
            onChange={(v) => {
              setStartsAt(v);
              changed("startsAt", "endsAt");
            }}
            hourCycle={24}
            isRequired
            errorMessage={fieldError("startsAt")}
          />
          <TimeInputField
            label={t("appointments.rules.until")}
            value={endsAt}
            onChange={(v) => {
              setEndsAt(v);
              changed("startsAt", "endsAt");
            }}
            hourCycle={24}
            isRequired
            errorMessage={fieldError("endsAt")}
          />
        </div>
        <div className="field-grid">
          <CheckboxGroupInput
            label={t("appointments.rules.channels")}
            options={bookingChannels.map((c) => ({ id: c, label: t(`channels.${c}`) }))}
            value={channels}
            onChange={(v) => {
              setChannels(v);
              changed("channels");
            }}
            isRequired
            validate={(v) => (v.length > 0 ? null : t("appointments.rules.channelsRequired"))}
            errorMessage={fieldError("channels")}
          />
          <DateInputField
            label={t("appointments.rules.validFrom")}
            value={validFrom}
            onChange={(v) => {
              setValidFrom(v);
              changed("validFrom", "validUntil");
            }}
            isRequired
            errorMessage={fieldError("validFrom")}
          />
          <DateInputField
            label={t("appointments.rules.validUntil")}
            description={t("appointments.rules.validUntilHint")}
            value={validUntil}
            onChange={(v) => {
              setValidUntil(v);
              changed("validFrom", "validUntil");
            }}
            errorMessage={fieldError("validUntil")}
          />
        </div>
        <div className="form-actions">
          <PendingButton type="submit" className="button button-primary" isPending={add.isPending}>
            {t("appointments.rules.submit")}
          </PendingButton>
        </div>
      </QuickForm>
    </div>
  );
}
