/** Buchungsregeln of a site: length per channel, buffer, minimum notice, horizon. Leads edit, others read. */
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { bookingChannels } from "../../../../common/domain/appointments.js";
import { type SiteBookingSetup, useUpdateBookingSettings } from "../../../api/appointments.js";
import { TextInput } from "../../../components/fields.js";
import { PendingButton } from "../../../components/PendingButton.js";
import { QuickForm } from "../../../components/QuickForm.js";
import { ChangeError } from "../casework/parts.js";
import { useServerFieldErrors } from "./parts.js";
import { useBookingSetupReload } from "./setup-reload.js";

type Values = Record<"in_person" | "phone" | "video" | "bufferMinutes" | "minNoticeHours" | "horizonDays", string>;

const valuesOf = (s: SiteBookingSetup["settings"]): Values => ({
  in_person: String(s.durations.in_person),
  phone: String(s.durations.phone),
  video: String(s.durations.video),
  bufferMinutes: String(s.bufferMinutes),
  minNoticeHours: String(s.minNoticeHours),
  horizonDays: String(s.horizonDays),
});

export function SettingsSection({ setup }: { setup: SiteBookingSetup }) {
  const { t } = useTranslation();
  const settings = setup.settings;
  const [saved, setSaved] = useState(false);
  return (
    <section className="panel section" aria-labelledby="booking-settings">
      <h2 id="booking-settings">{t("appointments.settings.title")}</h2>
      {setup.abilities.manageAll ? (
        <SettingsForm setup={setup} saved={saved} onSaved={setSaved} />
      ) : (
        <>
          <p className="muted">{t("appointments.settings.readOnly")}</p>
          <dl className="facts">
            {bookingChannels.map((c) => (
              <div key={c} className="fact">
                <dt>{t("appointments.settings.duration", { channel: t(`channels.${c}`) })}</dt>
                <dd>{t("appointments.settings.minutes", { count: settings.durations[c] })}</dd>
              </div>
            ))}
            <div className="fact">
              <dt>{t("appointments.settings.buffer")}</dt>
              <dd>{t("appointments.settings.minutes", { count: settings.bufferMinutes })}</dd>
            </div>
            <div className="fact">
              <dt>{t("appointments.settings.minNotice")}</dt>
              <dd>{t("appointments.settings.hours", { count: settings.minNoticeHours })}</dd>
            </div>
            <div className="fact">
              <dt>{t("appointments.settings.horizon")}</dt>
              <dd>{t("appointments.settings.days", { count: settings.horizonDays })}</dd>
            </div>
          </dl>
        </>
      )}
    </section>
  );
}

function SettingsForm({ setup, saved, onSaved }: { setup: SiteBookingSetup; saved: boolean; onSaved: (saved: boolean) => void }) {
  const { t } = useTranslation();
  const save = useUpdateBookingSettings(setup.siteId);
  const reload = useBookingSetupReload(setup.siteId);
  const [values, setValues] = useState<Values>(() => valuesOf(setup.settings));
  // Reloaded settings (after a save, or a reload after a conflict) replace what the form shows.
  const [version, setVersion] = useState(setup.settings.version);
  if (version !== setup.settings.version) {
    setVersion(setup.settings.version);
    setValues(valuesOf(setup.settings));
  }
  const { fieldError, changed } = useServerFieldErrors(save.error);
  const wholeNumber = (v: string) => (/^\d{1,4}$/.test(v.trim()) ? null : t("appointments.settings.wholeNumber"));
  const field = (key: keyof Values, label: string, apiField: string, description?: string) => (
    <TextInput
      label={label}
      description={description}
      value={values[key]}
      onChange={(v) => {
        setValues({ ...values, [key]: v });
        changed(apiField);
        onSaved(false);
      }}
      inputProps={{ inputMode: "numeric", autoComplete: "off" }}
      isRequired
      validate={wholeNumber}
      errorMessage={fieldError(apiField)}
    />
  );

  return (
    <QuickForm
      className="form"
      onSubmit={(e) => {
        e.preventDefault();
        onSaved(false);
        const n = (key: keyof Values) => Number(values[key].trim());
        save.mutate(
          {
            durations: { in_person: n("in_person"), phone: n("phone"), video: n("video") },
            bufferMinutes: n("bufferMinutes"),
            minNoticeHours: n("minNoticeHours"),
            horizonDays: n("horizonDays"),
            version: setup.settings.version,
          },
          { onSuccess: () => onSaved(true) },
        );
      }}
    >
      <p className="fieldset-intro">{t("appointments.settings.intro")}</p>
      <ChangeError error={save.error} onReload={reload} conflictText={t("appointments.settings.conflict")} />
      <div className="field-grid">
        {bookingChannels.map((c) => field(c, t("appointments.settings.duration", { channel: t(`channels.${c}`) }), `durations.${c}`))}
      </div>
      <div className="field-grid">
        {field("bufferMinutes", t("appointments.settings.buffer"), "bufferMinutes")}
        {field("minNoticeHours", t("appointments.settings.minNotice"), "minNoticeHours", t("appointments.settings.minNoticeHint"))}
        {field("horizonDays", t("appointments.settings.horizon"), "horizonDays")}
      </div>
      <div className="form-actions">
        <PendingButton type="submit" className="button button-primary" isPending={save.isPending}>
          {t("appointments.settings.submit")}
        </PendingButton>
      </div>
      <div role="status">
        {saved && (
          <div className="alert alert-success">
            <p>{t("appointments.settings.saved")}</p>
          </div>
        )}
      </div>
    </QuickForm>
  );
}
