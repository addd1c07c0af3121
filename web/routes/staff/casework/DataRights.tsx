/**
 * Data subject rights on the client page: the access export (Auskunft), merging a duplicate
 * record into this one (Zusammenführen) and erasure on request (Löschung). Merge and erasure
 * cannot be undone, so each asks for a confirmation that says what happens.
 */
import { useEffect, useRef, useState } from "react";
import { Form } from "react-aria-components";
import { useTranslation } from "react-i18next";
import { clientNumberPattern } from "../../../../common/domain/clients.js";
import { fetchClientExport, useEraseClient, useMergeClient } from "../../../api/casework.js";
import { ApiError, get } from "../../../api/client.js";
import { useClientSearch } from "../../../api/hooks.js";
import type { Client, ClientSummary } from "../../../api/types.js";
import { useDebounced } from "../../../components/debounce.js";
import { DialogActions, ModalDialog } from "../../../components/dialog.js";
import { ErrorAlert, Loading } from "../../../components/feedback.js";
import { CheckboxFieldInput, RadioGroupInput, TextInput } from "../../../components/fields.js";
import { todayInBerlin } from "../../../components/format.js";
import { countryName, namesOf } from "../../../components/names.js";
import { ChangeError } from "./parts.js";

/** Hands a file to the browser's download (the object URL is released once it started). */
function saveFile(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement("a");
  link.href = url;
  link.download = filename;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Downloads everything stored about the client as a JSON file (an audited read on the server). */
export async function downloadClientExport(client: Client): Promise<void> {
  const data = await fetchClientExport(client.id);
  saveFile(new Blob([JSON.stringify(data, null, 2)], { type: "application/json" }), `auskunft-${client.number}-${todayInBerlin()}.json`);
}

/** The same export as a readable PDF to hand to the person (an audited read on the server). */
export async function downloadClientExportPdf(client: Client): Promise<void> {
  let response: Response;
  try {
    response = await fetch(`/api/clients/${client.id}/export.pdf`, { credentials: "same-origin" });
  } catch {
    throw new ApiError(0, { type: "about:blank", title: "", titleEn: "", status: 0, code: "network", instance: "" });
  }
  if (!response.ok) {
    const problem = await response.json().catch(() => null);
    throw new ApiError(
      response.status,
      problem?.code ? problem : { type: "about:blank", title: "", titleEn: "", status: response.status, code: "internal", instance: "" },
    );
  }
  saveFile(await response.blob(), `auskunft-${client.number}-${todayInBerlin()}.pdf`);
}

type DialogProps = { client: Client; isOpen: boolean; onOpenChange: (open: boolean) => void; onDone: (message: string) => void };

const fullName = (c: Pick<Client, "firstName" | "lastName">) => `${c.firstName} ${c.lastName}`;

export function MergeDialog({ client, isOpen, onOpenChange, onDone }: DialogProps) {
  const { t } = useTranslation();
  return (
    <ModalDialog title={t("clientLifecycle.merge.title")} isOpen={isOpen} onOpenChange={onOpenChange}>
      {(close) => (
        <MergeForm
          client={client}
          onCancel={close}
          onDone={(message) => {
            close();
            onDone(message);
          }}
        />
      )}
    </ModalDialog>
  );
}

function MergeForm({ client, onCancel, onDone }: { client: Client; onCancel: () => void; onDone: (message: string) => void }) {
  const { t, i18n } = useTranslation();
  const merge = useMergeClient(client.id);
  // Search-first, started with this person's name: the search is accent- and typo-tolerant.
  const [q, setQ] = useState(`${client.firstName} ${client.lastName}`);
  const query = useDebounced(q.trim(), 350);
  const [chosen, setChosen] = useState<ClientSummary | null>(null);
  const [confirming, setConfirming] = useState(false);
  const intro = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    if (confirming) intro.current?.focus();
  }, [confirming]);
  const [preparing, setPreparing] = useState(false);
  const [prepareError, setPrepareError] = useState<unknown>(null);
  const searchable = clientNumberPattern.test(query.toUpperCase()) || /\p{L}{2}/u.test(query);
  const search = useClientSearch(query, searchable);
  const candidates = (searchable ? (search.data?.items ?? []) : []).filter((c) => c.id !== client.id);
  const describe = (c: ClientSummary) =>
    t("clientLifecycle.merge.candidate", {
      name: t("clients.sortName", { firstName: c.firstName, lastName: c.lastName }),
      year: c.birthYear,
      number: c.number,
      nationalities: namesOf(c.nationalities, countryName, i18n.language),
      unit: c.unit.name,
    });

  if (confirming && chosen) {
    return (
      <>
        {/* Focus lands here when the step changes (the "Weiter" button is gone). */}
        <p ref={intro} tabIndex={-1} className="focus-quiet">
          {t("clientLifecycle.merge.confirmIntro", { kept: client.number, duplicate: chosen.number })}
        </p>
        <ul className="plain-list">
          <li>{t("clientLifecycle.merge.keeps", { number: client.number, name: fullName(client) })}</li>
          <li>{t("clientLifecycle.merge.moves", { number: chosen.number, name: fullName(chosen) })}</li>
          <li>{t("clientLifecycle.merge.fills")}</li>
        </ul>
        <div className="alert alert-warning">
          <p>{t("clientLifecycle.merge.irreversible")}</p>
        </div>
        <ChangeError error={merge.error ?? prepareError} onReload={onCancel} conflictText={t("clientLifecycle.conflict")} />
        <DialogActions
          submitLabel={t("clientLifecycle.merge.submit")}
          tone="danger"
          isPending={merge.isPending || preparing}
          onCancel={onCancel}
          onSubmit={async () => {
            // The duplicate's current version goes with the merge (optimistic locking on both records).
            setPreparing(true);
            setPrepareError(null);
            try {
              const duplicate = await get<Client>(`/api/clients/${chosen.id}`);
              merge.mutate(
                { duplicateId: chosen.id, version: client.version, duplicateVersion: duplicate.version },
                {
                  onSuccess: (result) => {
                    const moved = Object.values(result.moved).reduce((sum, n) => sum + n, 0);
                    onDone(t("clientLifecycle.merge.done", { duplicate: chosen.number, count: moved }));
                  },
                },
              );
            } catch (error) {
              setPrepareError(error);
            } finally {
              setPreparing(false);
            }
          }}
        />
      </>
    );
  }

  return (
    <Form
      className="form"
      onSubmit={(e) => {
        e.preventDefault();
        if (chosen) setConfirming(true);
      }}
    >
      <p>{t("clientLifecycle.merge.intro", { number: client.number })}</p>
      <TextInput
        label={t("clientLifecycle.merge.search")}
        description={t("clientLifecycle.merge.searchHint")}
        value={q}
        onChange={setQ}
        inputProps={{ autoComplete: "off", spellCheck: false }}
        autoFocus
      />
      {searchable && search.isPending ? (
        <Loading />
      ) : candidates.length === 0 ? (
        <p className="muted" role="status">
          {t("clientLifecycle.merge.none")}
        </p>
      ) : (
        <RadioGroupInput
          label={t("clientLifecycle.merge.candidates")}
          options={candidates.map((c) => ({ id: c.id, label: describe(c) }))}
          value={chosen?.id ?? null}
          onChange={(id) => setChosen(candidates.find((c) => c.id === id) ?? null)}
          isRequired
          validate={(v) => (v ? null : t("validation.chooseOption"))}
        />
      )}
      <ErrorAlert error={search.error} />
      <DialogActions submitLabel={t("clientLifecycle.merge.next")} isPending={false} onCancel={onCancel} />
    </Form>
  );
}

export function EraseDialog({ client, isOpen, onOpenChange, onDone }: DialogProps) {
  const { t } = useTranslation();
  const erase = useEraseClient(client.id);
  const [understood, setUnderstood] = useState(false);
  const [tried, setTried] = useState(false);
  return (
    <ModalDialog
      title={t("clientLifecycle.erase.title", { number: client.number })}
      isOpen={isOpen}
      onOpenChange={(open) => {
        onOpenChange(open);
        if (!open) {
          erase.reset();
          setUnderstood(false);
          setTried(false);
        }
      }}
    >
      {(close) => (
        <>
          <p>{t("clientLifecycle.erase.intro")}</p>
          <h3 className="dialog-subtitle">{t("clientLifecycle.erase.goesTitle")}</h3>
          <ul className="plain-list">
            <li>{t("clientLifecycle.erase.goes.personal")}</li>
            <li>{t("clientLifecycle.erase.goes.texts")}</li>
            <li>{t("clientLifecycle.erase.goes.tasks")}</li>
            <li>{t("clientLifecycle.erase.goes.sharing")}</li>
          </ul>
          <h3 className="dialog-subtitle">{t("clientLifecycle.erase.staysTitle")}</h3>
          <ul className="plain-list">
            <li>{t("clientLifecycle.erase.stays.number")}</li>
            <li>{t("clientLifecycle.erase.stays.facts")}</li>
            <li>{t("clientLifecycle.erase.stays.records")}</li>
            <li>{t("clientLifecycle.erase.stays.audit")}</li>
          </ul>
          <CheckboxFieldInput
            isSelected={understood}
            onChange={setUnderstood}
            errorMessage={tried && !understood ? t("clientLifecycle.erase.confirmRequired") : undefined}
          >
            {t("clientLifecycle.erase.confirm")}
          </CheckboxFieldInput>
          <ChangeError error={erase.error} onReload={close} conflictText={t("clientLifecycle.conflict")} />
          <DialogActions
            submitLabel={t("clientLifecycle.erase.submit")}
            tone="danger"
            isPending={erase.isPending}
            onCancel={close}
            onSubmit={() => {
              setTried(true);
              if (!understood) return;
              erase.mutate(client.version, {
                onSuccess: () => {
                  close();
                  onDone(t("clientLifecycle.erase.done", { number: client.number }));
                },
              });
            }}
          />
        </>
      )}
    </ModalDialog>
  );
}

/** The dialogs opened from the client page's secondary menu. */
export function DataRightsDialogs({
  client,
  open,
  onClose,
  onDone,
}: {
  client: Client;
  open: "merge" | "erase" | null;
  onClose: () => void;
  onDone: (message: string) => void;
}) {
  const onOpenChange = (isOpen: boolean) => !isOpen && onClose();
  return (
    <>
      <MergeDialog client={client} isOpen={open === "merge"} onOpenChange={onOpenChange} onDone={onDone} />
      {/* Always mounted: the erasure takes the erase ability away before its own success callback runs. */}
      <EraseDialog client={client} isOpen={open === "erase"} onOpenChange={onOpenChange} onDone={onDone} />
    </>
  );
}
