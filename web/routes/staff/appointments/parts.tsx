/** Pieces shared by the calendar and the availability page: the site of the address bar and its picker. */
import type { UseMutationResult } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { Button } from "react-aria-components";
import { useTranslation } from "react-i18next";
import { useSearchParams } from "react-router";
import { useSession, useUnits } from "../../../api/hooks.js";
import type { Unit } from "../../../api/types.js";
import { DialogActions, ModalDialog } from "../../../components/dialog.js";
import { ErrorAlert, QueryState } from "../../../components/feedback.js";
import { SelectInput } from "../../../components/select-field.js";
import { UnitPicker } from "../../../components/UnitPicker.js";
import { caseworkUnits } from "../../../session/access.js";
import { fieldErrorOf } from "../clients/ClientForm.js";

/** Up to this many sites are offered in a plain list; more are searched by name. */
const LIST_LIMIT = 30;

/**
 * The sites the user counsels at: those below (or equal to) a unit of their casework grants.
 * The unit list is already the caller's scope; this narrows it for someone who also holds
 * other roles (an administrator who also counsels).
 */
export function useCounselingSites() {
  const user = useSession().data!.user;
  const units = useUnits({ type: "site" });
  const grantUnits = new Set(caseworkUnits(user).map((g) => g.unitId));
  const all = (units.data?.items ?? []).filter((u) => !u.closedOn);
  const own = all.filter((u) => grantUnits.has(u.id) || (u.parentId && grantUnits.has(u.parentId)));
  return { query: units, sites: own.length > 0 ? own : all };
}

/** The chosen site lives in the address bar (`?site=`), so a link or the back button keeps it. */
export function useSiteParam(sites: Unit[]): [string | null, (id: string) => void] {
  const [params, setParams] = useSearchParams();
  const wanted = params.get("site");
  const siteId = wanted ?? sites[0]?.id ?? null;
  const setSite = (id: string) =>
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        next.set("site", id);
        return next;
      },
      { replace: true },
    );
  return [siteId, setSite];
}

export function SitePicker({
  sites,
  query,
  siteId,
  onChange,
}: {
  sites: Unit[];
  query: { isPending: boolean; error: unknown };
  siteId: string | null;
  onChange: (id: string) => void;
}) {
  const { t } = useTranslation();
  return (
    <QueryState query={query}>
      {() =>
        sites.length === 0 ? (
          <div className="alert alert-warning">
            <p>{t("appointments.noSites")}</p>
          </div>
        ) : sites.length <= LIST_LIMIT ? (
          <SelectInput
            label={t("appointments.site")}
            options={sites.map((s) => ({ id: s.id, label: s.name }))}
            selectedKey={siteId}
            onSelectionChange={(key) => key && onChange(String(key))}
          />
        ) : (
          <UnitPicker
            label={t("appointments.site")}
            type="site"
            value={siteId}
            initialName={sites.find((s) => s.id === siteId)?.name}
            onChange={(unit) => unit && onChange(unit.id)}
          />
        )
      }
    </QueryState>
  );
}

/** A name from outside (a person's, a counselor's), kept in its own direction inside a sentence. */
export const isolate = (text: string) => `\u2068${text}\u2069`;

/**
 * The server's field errors of a form, each shown until its field (or a field it depends on) is
 * changed: a field marked invalid would otherwise block the form's next submission.
 */
export function useServerFieldErrors(error: unknown) {
  const [edited, setEdited] = useState<{ error: unknown; fields: Set<string> }>({ error, fields: new Set() });
  const current = edited.error === error ? edited.fields : new Set<string>();
  const serverError = fieldErrorOf(error);
  return {
    fieldError: (field: string) => (current.has(field) ? undefined : serverError(field)),
    changed: (...fields: string[]) => setEdited({ error, fields: new Set([...current, ...fields]) }),
  };
}

/**
 * After removing an entry of a list: once the reloaded list no longer holds it, the focus goes to
 * the list's heading (the button that removed it, and the dialog's way back to it, are gone).
 */
export function useFocusAfterRemoval(headingId: string, ids: string[]) {
  const [removed, setRemoved] = useState<string | null>(null);
  useEffect(() => {
    if (removed && !ids.includes(removed)) {
      setRemoved(null);
      document.getElementById(headingId)?.focus();
    }
  }, [removed, ids, headingId]);
  return setRemoved;
}

/**
 * The "remove" button of a row of weekly hours or of exceptions, with its confirmation dialog.
 * `texts` names the i18n section holding removeTitle, removeLabel, remove, removeConfirm and
 * removed; `what` fills their placeholders (the row as a person reads it).
 */
export function RemoveEntryDialog({
  texts,
  what,
  id,
  remove,
  onRemoved,
  onGone,
}: {
  texts: "appointments.rules" | "appointments.exceptions";
  what: Record<string, string>;
  id: string;
  remove: UseMutationResult<unknown, Error, string>;
  onRemoved: (message: string) => void;
  onGone: (id: string) => void;
}) {
  const { t } = useTranslation();
  return (
    <ModalDialog
      title={t(`${texts}.removeTitle`)}
      trigger={
        <Button className="button button-quiet button-small" aria-label={t(`${texts}.removeLabel`, what)}>
          {t(`${texts}.remove`)}
        </Button>
      }
    >
      {(close) => (
        <>
          <p>{t(`${texts}.removeConfirm`, what)}</p>
          <ErrorAlert error={remove.error} />
          <DialogActions
            submitLabel={t(`${texts}.remove`)}
            tone="danger"
            isPending={remove.isPending}
            onCancel={close}
            onSubmit={() =>
              remove.mutate(id, {
                onSuccess: () => {
                  close();
                  onRemoved(t(`${texts}.removed`, what));
                  onGone(id);
                },
              })
            }
          />
        </>
      )}
    </ModalDialog>
  );
}
