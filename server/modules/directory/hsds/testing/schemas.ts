import { readdirSync, readFileSync } from "node:fs";
import { Ajv2020, type ValidateFunction } from "ajv/dist/2020.js";
import addFormatsModule, { type FormatsPlugin } from "ajv-formats";
import { resolveFromRoot } from "../../../../platform/paths.js";

/**
 * Validators for the copied HSDS 3.0 schemas (server/modules/directory/data/hsds/, "Human Services
 * Data Specification: an Open Referral resource", CC BY-SA 4.0). The files carry no `$schema`;
 * they are referenced from the OpenAPI 3.1 template, whose dialect is JSON Schema 2020-12, so
 * Ajv2020 it is, with ajv-formats for `uuid`, `uri`, `email` and `date-time`.
 */
const dir = resolveFromRoot("server/modules/directory/data/hsds");
const readJson = (file: string) => JSON.parse(readFileSync(`${dir}/${file}`, "utf8")) as Record<string, unknown>;
// ajv-formats is CommonJS; under ESM its function sits on `default`.
const addFormats = ((addFormatsModule as unknown as { default?: FormatsPlugin }).default ?? addFormatsModule) as unknown as FormatsPlugin;

/** The HSDS objects the export produces, by the key under which HSDS nests them. */
export const nestedTypes = {
  organization: "organization",
  locations: "location",
  location: "location",
  services: "service",
  service_at_locations: "service_at_location",
  languages: "language",
  addresses: "address",
  phones: "phone",
  schedules: "schedule",
  accessibility: "accessibility",
} as const;
export type HsdsType =
  | "organization"
  | "service"
  | "location"
  | "service_at_location"
  | "language"
  | "address"
  | "phone"
  | "schedule"
  | "accessibility";

export function hsdsValidators() {
  const ajv = new Ajv2020({ allErrors: true });
  addFormats(ajv);
  // Keywords of the HSDS tabular data package, not of JSON Schema: declared, so strict mode knows them.
  ajv.addVocabulary(["name", "path", "datapackage_metadata", "constraints", "example", "core", "datapackage_type", "tabular_required"]);
  const files = readdirSync(dir).filter((f) => f.endsWith(".json") && f !== "openapi.json");
  // Each schema under its file name, so that "$ref": "location.json" resolves.
  for (const file of files) ajv.addSchema(readJson(file), file);
  const schema = (type: HsdsType): ValidateFunction => ajv.getSchema(`${type}.json`)!;
  const openapi = readJson("openapi.json") as { components: { schemas: { Page: Record<string, unknown> } } };
  const page = ajv.compile({
    ...openapi.components.schemas.Page,
    required: Object.keys(openapi.components.schemas.Page.properties as object),
  });
  return { schema, page, fileCount: files.length };
}

/**
 * Validates an object and, one by one, every HSDS object nested in it (also those the schema
 * itself does not list, such as an organization's `services`), counting them by type. Returns
 * the errors found as readable lines.
 */
export function validateDeep(
  validators: ReturnType<typeof hsdsValidators>,
  type: HsdsType,
  value: unknown,
  counts: Map<HsdsType, number>,
  where: string = type,
): string[] {
  const validate = validators.schema(type);
  const errors = validate(value) ? [] : (validate.errors ?? []).map((e) => `${where}${e.instancePath}: ${e.message}`);
  counts.set(type, (counts.get(type) ?? 0) + 1);
  for (const [key, child] of Object.entries(value as Record<string, unknown>)) {
    const childType = nestedTypes[key as keyof typeof nestedTypes];
    if (!childType) continue;
    const items = Array.isArray(child) ? child : [child];
    for (const [i, item] of items.entries()) errors.push(...validateDeep(validators, childType, item, counts, `${where}.${key}[${i}]`));
  }
  return errors;
}
