import { CURRENT_CONSENT_TEXT_VERSION, normalizeName } from "../../../common/domain/clients.js";
import type { Executor } from "../../db/index.js";
import type { AppContext } from "../../platform/context.js";
import { lookupPostcode } from "../directory/service.js";
import * as repo from "./repository.js";

type DemoClient = Omit<repo.ClientInsert, "unitId" | "searchName" | "district" | "stateCode"> & { unitKey: string; contact: boolean };

/**
 * Invented people for the demo sub-projects (marked is_demo), so that search, client pages and
 * statistics have something to show. Not one of them is a real person.
 */
const demoClients: DemoClient[] = [
  {
    unitKey: "demo-sub-project:DE-BE",
    firstName: "Layla",
    lastName: "Nasser",
    birthYear: 1991,
    gender: "female",
    nationalities: ["SY"],
    postcode: "10247",
    refugeeBackground: true,
    residenceStatus: "protection_status",
    germanLevel: "B1",
    qualificationCountry: "SY",
    qualificationKind: "academic",
    qualificationYear: 2014,
    employmentStatus: "employed_below_qualification",
    preferredLanguages: ["ar", "de"],
    contact: true,
  },
  {
    unitKey: "demo-sub-project:DE-BE",
    firstName: "Oleksandr",
    lastName: "Bondarenko",
    birthYear: 1984,
    gender: "male",
    nationalities: ["UA"],
    postcode: "12043",
    refugeeBackground: true,
    residenceStatus: "temporary_residence",
    germanLevel: "A2",
    qualificationCountry: "UA",
    qualificationKind: "vocational",
    qualificationYear: 2005,
    employmentStatus: "unemployed",
    preferredLanguages: ["uk", "ru"],
    contact: true,
  },
  {
    unitKey: "demo-sub-project:DE-BE",
    firstName: "Farzaneh",
    lastName: "Karimi",
    birthYear: 1996,
    gender: "female",
    nationalities: ["IR"],
    postcode: "13353",
    refugeeBackground: false,
    residenceStatus: "visa",
    germanLevel: "B2",
    qualificationCountry: "IR",
    qualificationKind: "academic",
    qualificationYear: 2019,
    employmentStatus: "in_training",
    preferredLanguages: ["fa", "en"],
    contact: false,
  },
  {
    unitKey: "demo-sub-project:DE-BY",
    firstName: "Emre",
    lastName: "Yıldız",
    birthYear: 1989,
    gender: "male",
    nationalities: ["TR"],
    postcode: "80331",
    refugeeBackground: false,
    residenceStatus: "temporary_residence",
    germanLevel: "B1",
    qualificationCountry: "TR",
    qualificationKind: "vocational",
    qualificationYear: 2010,
    employmentStatus: "employed_below_qualification",
    preferredLanguages: ["tr", "de"],
    contact: true,
  },
  {
    unitKey: "demo-sub-project:DE-BY",
    firstName: "Ana",
    lastName: "Popescu",
    birthYear: 1993,
    gender: "female",
    nationalities: ["RO"],
    postcode: "90402",
    refugeeBackground: false,
    residenceStatus: "eu_citizen",
    germanLevel: "A2",
    qualificationCountry: "RO",
    qualificationKind: "academic",
    qualificationYear: 2016,
    employmentStatus: "not_employed_other",
    preferredLanguages: ["ro", "en"],
    contact: false,
  },
];

export async function seedDemoClients(ctx: AppContext, exec: Executor, unitIds: Map<string, string>): Promise<void> {
  const givenOn = new Date().toISOString().slice(0, 10);
  for (const { unitKey, contact, ...person } of demoClients) {
    const unitId = unitIds.get(unitKey);
    if (!unitId) throw new Error(`demo unit ${unitKey} missing from the network seed`);
    const [place] = person.postcode ? await lookupPostcode(ctx, person.postcode, exec) : [];
    const client = await repo.insertClient(exec, {
      ...person,
      unitId,
      searchName: normalizeName(person.firstName, person.lastName),
      district: place?.district ?? null,
      stateCode: place?.stateCode ?? null,
      isDemo: true,
    });
    for (const kind of contact ? (["processing", "contact"] as const) : (["processing"] as const)) {
      await repo.insertConsent(exec, { clientId: client.id, kind, givenOn, textVersion: CURRENT_CONSENT_TEXT_VERSION });
    }
  }
}
