import { createRequire } from "node:module";
import PDFDocument from "pdfkit";
import type { ClientExport } from "../../../common/contracts/client-lifecycle.js";

/**
 * The access export (Art. 15 GDPR) as a readable PDF for the person: the same content as the
 * JSON, with German headings and labels, one section per module. DejaVu Sans covers Latin,
 * Cyrillic and Arabic script; fontkit shapes and orders a right-to-left value by itself, so a
 * name written in Arabic prints correctly. Values are printed as stored (codes stay codes: the
 * JSON beside it is the complete, machine-readable form).
 */
const fontPath = createRequire(import.meta.url).resolve("dejavu-fonts-ttf/ttf/DejaVuSans.ttf");
const boldPath = fontPath.replace("DejaVuSans.ttf", "DejaVuSans-Bold.ttf");

const sectionTitles: Record<string, string> = {
  client: "Ihre Angaben",
  consents: "Einwilligungen",
  tasks: "Wiedervorlagen",
  accessGrants: "Begründete Zugriffe anderer Teilprojekte",
  consultations: "Beratungen",
  procedures: "Anerkennungsverfahren",
  referrals: "Verweise",
};

const labels: Record<string, string> = {
  number: "Klientennummer",
  firstName: "Vorname",
  lastName: "Nachname",
  email: "E-Mail",
  phone: "Telefon",
  preferredLanguages: "Bevorzugte Sprachen",
  birthYear: "Geburtsjahr",
  gender: "Geschlecht",
  nationalities: "Staatsangehörigkeiten",
  postcode: "Postleitzahl",
  district: "Kreis",
  stateCode: "Bundesland",
  refugeeBackground: "Fluchthintergrund",
  residenceStatus: "Aufenthaltsstatus",
  germanLevel: "Deutschkenntnisse",
  qualificationCountry: "Land des Abschlusses",
  qualificationKind: "Art des Abschlusses",
  qualificationYear: "Jahr des Abschlusses",
  employmentStatus: "Erwerbsstatus",
  lastContactOn: "Letzter Kontakt",
  createdAt: "Erfasst am",
  updatedAt: "Geändert am",
  erasedAt: "Gelöscht am",
  kind: "Art",
  givenOn: "Gegeben am",
  textVersion: "Textfassung",
  withdrawnAt: "Widerrufen am",
  title: "Titel",
  dueOn: "Fällig am",
  doneAt: "Erledigt am",
  reason: "Begründung",
  grantedAt: "Gewährt am",
  expiresAt: "Gültig bis",
  date: "Datum",
  channel: "Kanal",
  languages: "Sprachen",
  interpreter: "Dolmetschung",
  durationMinutes: "Dauer (Minuten)",
  topics: "Themen",
  nextSteps: "Vereinbarte nächste Schritte",
  status: "Status",
  outcome: "Ergebnis",
  sentAt: "Gesendet am",
  message: "Nachricht",
};
/** Internal keys that mean nothing to the person (ids, versions, who recorded what). */
const hidden = new Set([
  "id",
  "clientId",
  "unitId",
  "version",
  "isDemo",
  "createdBy",
  "recordedBy",
  "withdrawnBy",
  "doneBy",
  "userId",
  "counselorId",
  "mergedIntoId",
  "partnerUnitId",
]);

function show(value: unknown): string {
  if (value === null || value === undefined || value === "") return "–";
  if (typeof value === "boolean") return value ? "ja" : "nein";
  if (Array.isArray(value)) return value.length ? value.map(show).join(", ") : "–";
  if (typeof value === "object") return JSON.stringify(value);
  const text = String(value);
  // ISO timestamps as Berlin date and time; plain days stay as they are.
  if (/^\d{4}-\d{2}-\d{2}T/.test(text))
    return new Date(text).toLocaleString("de-DE", { timeZone: "Europe/Berlin", dateStyle: "medium", timeStyle: "short" });
  return text;
}

export async function renderClientExportPdf(data: ClientExport): Promise<Buffer> {
  const doc = new PDFDocument({
    size: "A4",
    margin: 56,
    info: { Title: `Auskunft ${String(data.client.number)}`, Author: "Lotse" },
    lang: "de-DE",
  });
  doc.registerFont("text", fontPath);
  doc.registerFont("bold", boldPath);
  const chunks: Buffer[] = [];
  doc.on("data", (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve) => doc.on("end", () => resolve(Buffer.concat(chunks))));

  doc.font("bold").fontSize(16).text("Auskunft über Ihre gespeicherten Daten");
  doc
    .font("text")
    .fontSize(9)
    .fillColor("#444")
    .text(`nach Art. 15 DSGVO · Klientennummer ${show(data.client.number)} · erstellt ${show(data.exportedAt)}`);
  doc.fillColor("#000").moveDown();

  const record = (row: Record<string, unknown>) => {
    for (const [key, value] of Object.entries(row)) {
      if (hidden.has(key) || value === undefined) continue;
      doc
        .font("bold")
        .fontSize(9)
        .text(`${labels[key] ?? key}: `, { continued: true })
        .font("text")
        .text(show(value));
    }
    doc.moveDown(0.5);
  };
  const section = (key: string, rows: Record<string, unknown>[]) => {
    doc
      .moveDown(0.5)
      .font("bold")
      .fontSize(12)
      .text(sectionTitles[key] ?? key);
    doc.moveDown(0.3);
    if (rows.length === 0) doc.font("text").fontSize(9).text("Keine Einträge.").moveDown(0.5);
    for (const row of rows) record(row);
  };
  section("client", [data.client]);
  section("consents", data.consents);
  section("tasks", data.tasks);
  section("accessGrants", data.accessGrants);
  for (const [module, rows] of Object.entries(data.records)) section(module, rows);
  doc.end();
  return done;
}
