import type { Facts } from "./facts.js";
import { searchNameOf } from "./recognition.js";

/**
 * The facts as CSV for `COPY … FROM STDIN (FORMAT csv)`: an empty unquoted field is NULL, text is
 * quoted when it must be, arrays are PostgreSQL array literals.
 */
const text = (v: string) => (/[",\n\r]/.test(v) || v === "" ? `"${v.replace(/"/g, '""')}"` : v);
const nul = (v: string | null) => (v === null ? "" : text(v));
const array = (values: string[]) => text(`{${values.join(",")}}`);

export type Table = { name: string; columns: string[]; lines: () => Iterable<string> };

export function tables(facts: Facts): Table[] {
  return [
    {
      name: "clients",
      columns: [
        "id",
        "unit_id",
        "first_name",
        "last_name",
        "search_name",
        "birth_year",
        "gender",
        "nationalities",
        "state_code",
        "refugee_background",
        "qualification_kind",
        "counselor_id",
        "last_contact_on",
        "is_demo",
        "created_at",
        "updated_at",
      ],
      *lines() {
        for (const c of facts.clients) {
          yield `${c.id},${c.unitId},${text(c.firstName)},${text(c.lastName)},${text(searchNameOf(c))},${c.birthYear},${c.gender},${array([c.nationality])},${c.stateCode},${c.refugee === null ? "" : c.refugee},${c.qualificationKind},${c.counselorId},${c.lastContactOn},true,${c.createdAt},${c.createdAt}\n`;
        }
      },
    },
    {
      name: "consultations",
      columns: [
        "id",
        "client_id",
        "unit_id",
        "counselor_id",
        "date",
        "funding_period",
        "kind",
        "channel",
        "languages",
        "reference_profession_id",
        "fi_reasons",
        "is_demo",
        "created_at",
        "updated_at",
      ],
      *lines() {
        for (const c of facts.consultations) {
          yield `${c.id},${c.clientId},${c.unitId},${c.counselorId},${c.date},${c.fundingPeriod},${c.kind},${c.channel},${array(c.languages)},${nul(c.professionId)},${array(c.fiReasons)},true,${c.createdAt},${c.createdAt}\n`;
        }
      },
    },
    {
      name: "referrals",
      columns: [
        "id",
        "client_id",
        "consultation_id",
        "from_unit_id",
        "from_user_id",
        "to_unit_id",
        "external_service",
        "status",
        "sent_at",
        "updated_at",
      ],
      *lines() {
        for (const r of facts.referrals) {
          yield `${r.id},${r.clientId},${r.consultationId},${r.fromUnitId},${r.fromUserId},${nul(r.toUnitId)},${nul(r.externalService)},${r.status},${r.sentAt},${r.sentAt}\n`;
        }
      },
    },
    {
      name: "procedures",
      columns: [
        "id",
        "client_id",
        "unit_id",
        "reference_profession_id",
        "competent_authority",
        "legal_basis",
        "application_date",
        "decision_date",
        "outcome",
        "compensation_measure",
        "is_demo",
        "created_at",
        "updated_at",
      ],
      *lines() {
        for (const p of facts.procedures) {
          yield `${p.id},${p.clientId},${p.unitId},${p.professionId},${text(p.authority)},${p.legalBasis},${p.applicationDate},${nul(p.decisionDate)},${p.outcome},${nul(p.compensation)},true,${p.createdAt},${p.createdAt}\n`;
        }
      },
    },
    {
      name: "group_events",
      columns: ["id", "unit_id", "date", "title", "channel", "languages", "participants", "refugee_participants", "is_demo", "created_at"],
      *lines() {
        for (const g of facts.groupEvents) {
          yield `${g.id},${g.unitId},${g.date},${text(g.title)},${g.channel},${array(g.languages)},${g.participants},${g.refugeeParticipants ?? ""},true,${g.createdAt}\n`;
        }
      },
    },
  ];
}

/** Lines joined into chunks of about a megabyte (fewer, larger writes to the COPY stream). */
export function* chunks(lines: Iterable<string>, size = 1 << 20): Generator<string> {
  let buffer = "";
  for (const line of lines) {
    buffer += line;
    if (buffer.length >= size) {
      yield buffer;
      buffer = "";
    }
  }
  if (buffer) yield buffer;
}
