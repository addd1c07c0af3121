/**
 * "Mein Ordner": the ordered list of documents of a procedure, each present, translated and
 * certified. Edited here as a whole and saved at once at the procedure's version.
 */
import { useEffect, useRef, useState } from "react";
import { Button } from "react-aria-components";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { type DocumentKind, documentKinds } from "../../../../common/domain/procedures.js";
import { ApiError } from "../../../api/client.js";
import { type DocumentEntry, type Procedure, useReplaceDocuments } from "../../../api/records.js";
import { ErrorAlert } from "../../../components/feedback.js";
import { CheckboxInput, TextInput } from "../../../components/fields.js";
import { PendingButton } from "../../../components/PendingButton.js";
import { QuickForm } from "../../../components/QuickForm.js";
import { SelectInput } from "../../../components/select-field.js";
import { fieldErrorOf } from "../clients/ClientForm.js";

type Row = { key: string; kind: DocumentKind; label: string; present: boolean; translated: boolean; certified: boolean; note: string };

const rowsOf = (p: Procedure): Row[] =>
  p.documents.map((d) => ({
    key: d.id,
    kind: d.kind,
    label: d.label ?? "",
    present: d.present,
    translated: d.translated,
    certified: d.certified,
    note: d.note ?? "",
  }));

const entriesOf = (rows: Row[]): DocumentEntry[] =>
  rows.map((r) => ({
    kind: r.kind,
    label: r.label.trim() || null,
    present: r.present,
    translated: r.present && r.translated,
    certified: r.present && r.certified,
    note: r.note.trim() || null,
  }));

let added = 0;

export function DocumentChecklist({
  procedure,
  onSaved,
  onError,
}: {
  procedure: Procedure;
  onSaved: (p: Procedure) => void;
  onError: (error: unknown) => void;
}) {
  const { t } = useTranslation();
  const replace = useReplaceDocuments(procedure.id);
  const [saved, setSaved] = useState(() => rowsOf(procedure));
  const [rows, setRows] = useState(saved);
  // Moves and removals are announced quietly; a save shows its confirmation.
  const [message, setMessage] = useState<{ text: string; visible: boolean } | null>(null);
  const [newKind, setNewKind] = useState<DocumentKind | null>(null);
  const [newLabel, setNewLabel] = useState("");
  const [focus, setFocus] = useState<{ key: string; action: "up" | "down" } | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const table = useRef<HTMLTableElement>(null);
  const editable = procedure.abilities.editDocuments;
  const dirty = JSON.stringify(entriesOf(rows)) !== JSON.stringify(entriesOf(saved));
  const fieldError = fieldErrorOf(replace.error);
  const conflict = replace.error instanceof ApiError && replace.error.code === "conflict";
  const kindLabel = (r: Pick<Row, "kind" | "label">) =>
    r.kind === "other" ? r.label.trim() || t("procedures.codes.documentKinds.other") : t(`procedures.codes.documentKinds.${r.kind}`);
  const present = rows.filter((r) => r.present).length;

  // A moved row keeps the focus on the button that moved it (or its twin at the list's end).
  useEffect(() => {
    if (!focus) return;
    const cell = table.current?.querySelector(`[data-row="${focus.key}"]`);
    const wanted = cell?.querySelector<HTMLButtonElement>(`[data-move="${focus.action}"]:not([disabled])`);
    (wanted ?? cell?.querySelector<HTMLButtonElement>("[data-move]:not([disabled])"))?.focus();
    setFocus(null);
  }, [focus]);

  const change = (key: string, patch: Partial<Row>) => {
    setMessage(null);
    setRows((all) =>
      all.map((r) => {
        if (r.key !== key) return r;
        const next = { ...r, ...patch };
        // Without the document itself there is nothing translated or certified.
        return next.present ? next : { ...next, translated: false, certified: false };
      }),
    );
  };
  const move = (index: number, by: -1 | 1) => {
    const next = [...rows];
    const [row] = next.splice(index, 1);
    next.splice(index + by, 0, row!);
    setRows(next);
    setFocus({ key: row!.key, action: by < 0 ? "up" : "down" });
    setMessage({ text: t("procedures.documents.moved", { document: kindLabel(row!), position: index + by + 1 }), visible: false });
  };
  const remove = (index: number) => {
    const row = rows[index]!;
    setRows(rows.filter((_, i) => i !== index));
    setMessage({ text: t("procedures.documents.removed", { document: kindLabel(row) }), visible: false });
    // The row and its buttons are gone: focus goes to the list's heading.
    heading.current?.focus();
  };
  const add = () => {
    if (!newKind || (newKind === "other" && !newLabel.trim())) return;
    const row: Row = {
      key: `new-${++added}`,
      kind: newKind,
      label: newLabel.trim(),
      present: false,
      translated: false,
      certified: false,
      note: "",
    };
    setRows([...rows, row]);
    setNewKind(null);
    setNewLabel("");
    setMessage({ text: t("procedures.documents.added", { document: kindLabel(row) }), visible: false });
  };

  return (
    <section className="panel checklist-panel" aria-labelledby="procedure-documents">
      <div className="page-heading with-actions">
        <h2 id="procedure-documents" ref={heading} tabIndex={-1}>
          {t("procedures.documents.title")}
        </h2>
        <span className="badge">{t("procedures.documents.count", { present, total: rows.length })}</span>
      </div>
      <p className="muted">{t("procedures.documents.intro")}</p>
      <div role="status" className="checklist-status">
        {message && !message.visible && <p className="visually-hidden">{message.text}</p>}
        {message?.visible && (
          <div className="alert alert-success">
            <p>{message.text}</p>
          </div>
        )}
      </div>
      {!conflict && <ErrorAlert error={replace.error} />}
      <QuickForm
        className="form"
        onSubmit={(e) => {
          e.preventDefault();
          replace.mutate(
            { version: procedure.version, documents: entriesOf(rows) },
            {
              onSuccess: (data) => {
                const next = rowsOf(data);
                setSaved(next);
                setRows(next);
                setMessage({ text: t("procedures.documents.saved"), visible: true });
                onError(null);
                onSaved(data);
              },
              onError,
            },
          );
        }}
      >
        {rows.length === 0 ? (
          <p className="muted">{t("procedures.documents.none")}</p>
        ) : (
          <table className="simple-table stack-table checklist-table" ref={table}>
            <caption className="visually-hidden">{t("procedures.documents.title")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("procedures.documents.document")}</th>
                <th scope="col">{t("procedures.documents.present")}</th>
                <th scope="col">{t("procedures.documents.translated")}</th>
                <th scope="col">{t("procedures.documents.certified")}</th>
                <th scope="col">{t("procedures.documents.note")}</th>
                {editable && (
                  <th scope="col">
                    <span className="visually-hidden">{t("common.actions")}</span>
                  </th>
                )}
              </tr>
            </thead>
            <tbody>
              {rows.map((r, i) => {
                const name = kindLabel(r);
                const rowErrors = ["translated", "certified"].map((f) => fieldError(`documents.${i}.${f}`)).filter(Boolean);
                return (
                  <tr key={r.key} className={r.present ? "is-present" : undefined}>
                    <th scope="row" data-label={t("procedures.documents.document")}>
                      <div className="document-name">
                        <span>
                          <span className="document-position">{i + 1}.</span>{" "}
                          {r.kind === "other" ? t("procedures.codes.documentKinds.other") : name}
                        </span>
                        {r.kind === "other" && editable ? (
                          <TextInput
                            label={<span className="visually-hidden">{t("procedures.documents.labelFor", { position: i + 1 })}</span>}
                            value={r.label}
                            onChange={(v) => change(r.key, { label: v })}
                            isRequired
                            maxLength={200}
                            validate={(v) => (v.trim() ? null : t("procedures.documents.labelMissing"))}
                            errorMessage={fieldError(`documents.${i}.label`)}
                          />
                        ) : (
                          (r.kind === "other" || r.label) && (
                            <span className={r.kind === "other" ? undefined : "muted small"}>{r.label}</span>
                          )
                        )}
                        {rowErrors.map((m) => (
                          <span key={m} className="field-error">
                            {m}
                          </span>
                        ))}
                      </div>
                    </th>
                    {(["present", "translated", "certified"] as const).map((flag) => (
                      <td key={flag} data-label={t(`procedures.documents.${flag}`)} className="cell-check">
                        <CheckboxInput
                          isSelected={r[flag]}
                          isDisabled={!editable || (flag !== "present" && !r.present)}
                          onChange={(v) => change(r.key, { [flag]: v })}
                        >
                          <span className="visually-hidden">{t(`procedures.documents.${flag}For`, { document: name })}</span>
                        </CheckboxInput>
                      </td>
                    ))}
                    <td data-label={t("procedures.documents.note")}>
                      {editable ? (
                        <TextInput
                          label={<span className="visually-hidden">{t("procedures.documents.noteFor", { document: name })}</span>}
                          value={r.note}
                          onChange={(v) => change(r.key, { note: v })}
                          maxLength={500}
                          errorMessage={fieldError(`documents.${i}.note`)}
                        />
                      ) : (
                        r.note || "–"
                      )}
                    </td>
                    {editable && (
                      <td className="cell-actions" data-row={r.key}>
                        <div className="row-actions">
                          <Button
                            className="button button-quiet button-small"
                            data-move="up"
                            isDisabled={i === 0}
                            aria-label={t("procedures.documents.moveUp", { document: name })}
                            onPress={() => move(i, -1)}
                          >
                            <span aria-hidden="true">↑</span>
                          </Button>
                          <Button
                            className="button button-quiet button-small"
                            data-move="down"
                            isDisabled={i === rows.length - 1}
                            aria-label={t("procedures.documents.moveDown", { document: name })}
                            onPress={() => move(i, 1)}
                          >
                            <span aria-hidden="true">↓</span>
                          </Button>
                          <Button
                            className="button button-quiet button-small"
                            aria-label={t("procedures.documents.remove", { document: name })}
                            onPress={() => remove(i)}
                          >
                            {t("procedures.documents.removeShort")}
                          </Button>
                        </div>
                      </td>
                    )}
                  </tr>
                );
              })}
            </tbody>
          </table>
        )}

        {editable && (
          // biome-ignore lint/a11y/useSemanticElements: a fieldset inside the form would submit it with Enter; this group adds a row
          <div className="add-document" role="group" aria-labelledby="add-document-title">
            <h3 id="add-document-title">{t("procedures.documents.addTitle")}</h3>
            <div className="field-grid">
              <SelectInput
                label={t("procedures.documents.kind")}
                options={documentKinds.map((k) => ({ id: k, label: t(`procedures.codes.documentKinds.${k}`) }))}
                selectedKey={newKind}
                onSelectionChange={(k) => setNewKind(k ? (k as DocumentKind) : null)}
              />
              <TextInput
                label={t(newKind === "other" ? "procedures.documents.labelRequired" : "procedures.documents.label")}
                value={newLabel}
                onChange={setNewLabel}
                maxLength={200}
                onKeyDown={(e) => {
                  // Enter here adds the document instead of saving the list.
                  if (e.key === "Enter" && !e.ctrlKey && !e.metaKey) {
                    e.preventDefault();
                    add();
                  }
                }}
              />
            </div>
            <Button className="button button-secondary" isDisabled={!newKind || (newKind === "other" && !newLabel.trim())} onPress={add}>
              {t("procedures.documents.add")}
            </Button>
          </div>
        )}

        {editable && (
          <div className="form-actions sticky-actions">
            <PendingButton type="submit" className="button button-primary" isPending={replace.isPending}>
              {t("procedures.documents.save")}
            </PendingButton>
            {dirty && <span className="muted">{t("procedures.documents.unsaved")}</span>}
            <Link to={`/staff/procedures/${procedure.id}/checklist`}>{t("procedures.detail.print")}</Link>
          </div>
        )}
      </QuickForm>
    </section>
  );
}
