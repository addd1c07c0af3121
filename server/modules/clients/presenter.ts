import type { Client, ClientAbilities, ClientSummary } from "../../../common/contracts/clients.js";
import type {
  ConsentKind,
  EmploymentStatus,
  Gender,
  GermanLevel,
  QualificationKind,
  ResidenceStatus,
} from "../../../common/domain/clients.js";
import { formatClientNumber } from "../../../common/domain/clients.js";
import type { ClientHitRow, ClientRow, ConsentRow } from "./repository.js";

export type UnitNames = Map<string, string>;

const unitRef = (names: UnitNames, id: string) => ({ id, name: names.get(id) ?? "?" });
const pgArray = (value: string[] | string): string[] =>
  Array.isArray(value)
    ? value
    : value
        .replace(/^\{|\}$/g, "")
        .split(",")
        .filter(Boolean);

export function presentClientHit(row: ClientHitRow, names: UnitNames): ClientSummary & { similarity: number } {
  return {
    id: row.id,
    number: formatClientNumber(Number(row.number)),
    firstName: row.first_name,
    lastName: row.last_name,
    birthYear: row.birth_year,
    nationalities: pgArray(row.nationalities),
    unit: unitRef(names, row.unit_id),
    similarity: Math.round(Number(row.score) * 100) / 100,
  };
}

export function presentConsent(row: ConsentRow, names: UnitNames) {
  return {
    id: row.id,
    kind: row.kind as ConsentKind,
    partnerUnit: row.partnerUnitId ? unitRef(names, row.partnerUnitId) : null,
    givenOn: row.givenOn,
    textVersion: row.textVersion,
    withdrawnAt: row.withdrawnAt?.toISOString() ?? null,
    recordedAt: row.recordedAt.toISOString(),
  };
}

export function presentClient(row: ClientRow, consents: ConsentRow[], names: UnitNames, abilities: ClientAbilities): Client {
  return {
    id: row.id,
    number: formatClientNumber(row.number),
    firstName: row.firstName,
    lastName: row.lastName,
    birthYear: row.birthYear,
    nationalities: row.nationalities,
    unit: unitRef(names, row.unitId),
    email: row.email,
    phone: row.phone,
    preferredLanguages: row.preferredLanguages,
    gender: row.gender as Gender,
    postcode: row.postcode,
    district: row.district,
    stateCode: row.stateCode,
    refugeeBackground: row.refugeeBackground,
    residenceStatus: row.residenceStatus as ResidenceStatus,
    germanLevel: row.germanLevel as GermanLevel,
    qualificationCountry: row.qualificationCountry,
    qualificationKind: row.qualificationKind as QualificationKind,
    qualificationYear: row.qualificationYear,
    employmentStatus: row.employmentStatus as EmploymentStatus,
    consents: consents.map((c) => presentConsent(c, names)),
    erasedAt: row.erasedAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    version: row.version,
    abilities,
  };
}
