import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checklistTexts } from "../../../common/domain/procedure-checklist-i18n.js";
import { auditEvents, clientAccessGrants, procedureDocuments, procedures, users } from "../../db/schema/index.js";
import { createTestApp, type Persona, type TestApp } from "../../test/harness.js";
import { seedId } from "../directory/seed.js";
import { erasePersonalData, exportRecords, timelineEntries } from "./service.js";

const berlinSub = seedId("unit", "demo-sub-project:DE-BE");

type ProcedureJson = {
  id: string;
  clientId: string;
  version: number;
  outcome: string;
  documents: { kind: string; label: string | null; present: boolean; translated: boolean; certified: boolean; note: string | null }[];
};

describe("procedures", () => {
  let t: TestApp;
  const as = (who: Persona) => t.as(who);
  const professions = new Map<string, string>();
  const professionId = async (name: string) => {
    if (!professions.has(name)) {
      const res = await (await as("counselorBerlin")).get(`/api/reference-professions?q=${encodeURIComponent(name)}&includeInactive=true`);
      const hit = (res.json().items as { id: string; name: string }[]).find((p) => p.name === name);
      if (!hit) throw new Error(`no reference profession ${name}`);
      professions.set(name, hit.id);
    }
    return professions.get(name)!;
  };

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  let n = 0;
  const newClient = async (body: Record<string, unknown> = {}) => {
    const res = await (await as("counselorBerlin")).post("/api/clients", {
      firstName: "Rania",
      lastName: `Verfahren ${++n}`,
      birthYear: 1987,
      nationalities: ["SY"],
      postcode: "10115",
      unitId: berlinSub,
      consent: { processing: true },
      ...body,
    });
    expect(res.statusCode).toBe(201);
    return res.json().id as string;
  };
  const open = async (body: Record<string, unknown>, who: Persona = "counselorBerlin") =>
    (await as(who)).post("/api/procedures", {
      referenceProfessionId: await professionId("Pflegefachfrau/Pflegefachmann"),
      competentAuthority: "Landesamt für Gesundheit und Soziales Berlin",
      legalBasis: "profession_law",
      ...body,
    });
  const openOk = async (body: Record<string, unknown>) => {
    const res = await open(body);
    expect(res.statusCode, res.body).toBe(201);
    return res.json() as ProcedureJson;
  };
  const auditOf = (action: string, recordId?: string) =>
    t.database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, action), recordId ? eq(auditEvents.recordId, recordId) : undefined));
  const countProcedures = async () => (await t.database.db.select({ n: sql<number>`count(*)::int` }).from(procedures))[0]!.n;
  const storedRow = async (id: string) => (await t.database.db.select().from(procedures).where(eq(procedures.id, id)))[0]!;
  const fieldsOf = (res: { json(): { errors?: { field: string }[] } }) => res.json().errors?.map((e) => e.field);

  describe("opening a procedure", () => {
    it("prefills the checklist for a regulated health profession under its profession law, and audits", async () => {
      const clientId = await newClient();
      const procedure = await openOk({ clientId, applicationDate: "2026-01-15" });
      expect(procedure).toMatchObject({
        clientId,
        unit: { id: berlinSub },
        referenceProfession: { name: "Pflegefachfrau/Pflegefachmann", regulated: true },
        legalBasis: "profession_law",
        outcome: "pending",
        decisionDate: null,
        compensationMeasure: null,
        version: 1,
        abilities: { update: true, editDocuments: true },
      });
      expect(procedure.documents.map((d) => d.kind)).toEqual([
        "identity_document",
        "qualification_certificate",
        "transcript_of_records",
        "proof_of_professional_experience",
        "cv",
        "declaration_no_prior_application",
        "certificate_of_good_conduct",
        "medical_certificate",
        "language_certificate",
      ]);
      expect(procedure.documents.every((d) => !d.present && !d.translated && !d.certified)).toBe(true);
      const [event] = await auditOf("procedure.create", procedure.id);
      expect(event!.details).toEqual({ clientId, documents: 9, defaultChecklist: true });
      expect(event!.recordType).toBe("procedure");
    });

    it("prefills by legal basis and regulation: BQFG for a non-regulated trade, state law for teachers", async () => {
      const clientId = await newClient();
      const trade = await openOk({
        clientId,
        referenceProfessionId: await professionId("Elektroniker/in"),
        competentAuthority: "IHK FOSA",
        legalBasis: "bqfg",
      });
      expect(trade.documents.map((d) => d.kind)).toEqual([
        "identity_document",
        "qualification_certificate",
        "transcript_of_records",
        "proof_of_professional_experience",
        "cv",
        "declaration_no_prior_application",
        "proof_of_residence_or_intent_to_work",
      ]);
      const teacher = await openOk({
        clientId,
        referenceProfessionId: await professionId("Lehrer/in"),
        competentAuthority: "Senatsverwaltung für Bildung, Jugend und Familie",
        legalBasis: "state_law",
      });
      expect(teacher.documents.map((d) => d.kind).slice(6)).toEqual([
        "proof_of_residence_or_intent_to_work",
        "certificate_of_good_conduct",
        "language_certificate",
      ]);
    });

    it("keeps a given document list in its order, an empty one too", async () => {
      const clientId = await newClient();
      const given = await openOk({
        clientId,
        documents: [
          { kind: "other", label: "Apostille", present: true },
          {
            kind: "qualification_certificate",
            label: "Bachelor Damaskus",
            present: true,
            translated: true,
            certified: true,
            note: "Original gesehen",
          },
        ],
      });
      expect(given.documents).toEqual([
        expect.objectContaining({ kind: "other", label: "Apostille", present: true, translated: false }),
        expect.objectContaining({
          kind: "qualification_certificate",
          label: "Bachelor Damaskus",
          certified: true,
          note: "Original gesehen",
        }),
      ]);
      expect((await openOk({ clientId, documents: [] })).documents).toEqual([]);
    });

    it("names a bad field: unknown or retired profession, future application date, bad legal basis", async () => {
      const clientId = await newClient();
      const before = await countProcedures();
      const unknown = await open({ clientId, referenceProfessionId: "00000000-0000-4000-8000-000000000000" });
      expect(unknown.statusCode).toBe(400);
      expect(unknown.json().errors).toEqual([expect.objectContaining({ field: "referenceProfessionId", code: "not_found" })]);

      const admin = await as("admin");
      const created = await admin.post("/api/reference-professions", {
        name: "Verfahrenstest-Beruf",
        regulated: false,
        professionalField: "crafts_construction",
        qualificationKind: "vocational",
      });
      await admin.patch(`/api/reference-professions/${created.json().id}`, { active: false });
      const retired = await open({ clientId, referenceProfessionId: created.json().id });
      expect(retired.statusCode).toBe(400);
      expect(retired.json().errors).toEqual([expect.objectContaining({ field: "referenceProfessionId", code: "inactive" })]);

      const future = await open({ clientId, applicationDate: "2999-01-01" });
      expect(future.statusCode).toBe(400);
      expect(future.json().errors).toEqual([expect.objectContaining({ field: "applicationDate", code: "in_future" })]);

      const bad = await open({ clientId, legalBasis: "gewohnheitsrecht", competentAuthority: "" });
      expect(bad.statusCode).toBe(400);
      expect(fieldsOf(bad)).toEqual(expect.arrayContaining(["legalBasis", "competentAuthority"]));
      expect(await countProcedures()).toBe(before);
    });

    it("refuses an invalid document of the list by its field, and writes nothing", async () => {
      const clientId = await newClient();
      const before = await countProcedures();
      const res = await open({
        clientId,
        documents: [
          { kind: "cv", present: true },
          { kind: "transcript_of_records", present: false, translated: true },
          { kind: "other", present: false },
          { kind: "identity_document", present: false, certified: true },
        ],
      });
      expect(res.statusCode).toBe(400);
      expect(fieldsOf(res)).toEqual(["documents.1.translated", "documents.2.label", "documents.3.certified"]);
      expect(await countProcedures()).toBe(before);
    });

    it("rolls the whole use case back when a later step fails: no procedure without its checklist", async () => {
      const clientId = await newClient();
      await t.database.db.execute(sql`create function fail_procedure_documents() returns trigger language plpgsql as $$
        begin raise exception 'simulated failure'; end $$`);
      await t.database.db.execute(
        sql`create trigger fail_procedure_documents before insert on procedure_documents for each row execute function fail_procedure_documents()`,
      );
      try {
        const before = await countProcedures();
        expect((await open({ clientId })).statusCode).toBe(500);
        expect(await countProcedures()).toBe(before);
        expect(await auditOf("procedure.create")).not.toContainEqual(
          expect.objectContaining({ details: expect.objectContaining({ clientId }) }),
        );
      } finally {
        await t.database.db.execute(sql`drop trigger fail_procedure_documents on procedure_documents`);
        await t.database.db.execute(sql`drop function fail_procedure_documents()`);
      }
    });
  });

  describe("decision and outcome", () => {
    let procedure: ProcedureJson;
    beforeAll(async () => {
      procedure = await openOk({ clientId: await newClient(), applicationDate: "2026-01-10" });
    });
    const patch = async (body: Record<string, unknown>) =>
      (await as("counselorBerlin")).patch(`/api/procedures/${procedure.id}`, { version: procedure.version, ...body });

    it("refuses each invalid combination by naming the field, and changes nothing", async () => {
      const cases: [Record<string, unknown>, string][] = [
        [{ outcome: "partial_equivalence", decisionDate: "2026-02-01" }, "compensationMeasure"],
        [{ outcome: "full_equivalence", decisionDate: "2026-02-01", compensationMeasure: "knowledge_test" }, "compensationMeasure"],
        [{ compensationMeasure: "aptitude_test" }, "compensationMeasure"],
        [{ outcome: "partial_equivalence", decisionDate: "2026-02-01", compensationMeasure: "language_course" }, "compensationMeasure"],
        [{ outcome: "full_equivalence" }, "decisionDate"],
        [{ outcome: "withdrawn" }, "decisionDate"],
        [{ decisionDate: "2026-02-01" }, "decisionDate"],
        [{ outcome: "no_equivalence", decisionDate: "2026-01-09" }, "decisionDate"],
        [{ outcome: "no_equivalence", decisionDate: "2999-01-01" }, "decisionDate"],
        [{ applicationDate: "2999-01-01" }, "applicationDate"],
        [{ outcome: "full_equivalence", decisionDate: "2026-02-01", applicationDate: null }, "applicationDate"],
        [{ outcome: "granted", decisionDate: "2026-02-01" }, "outcome"],
      ];
      for (const [body, field] of cases) {
        const res = await patch(body);
        expect(res.statusCode, JSON.stringify(body)).toBe(400);
        expect(fieldsOf(res), JSON.stringify(body)).toEqual([field]);
      }
      const row = await storedRow(procedure.id);
      expect(row).toMatchObject({
        version: 1,
        outcome: "pending",
        decisionDate: null,
        compensationMeasure: null,
        applicationDate: "2026-01-10",
      });
    });

    it("records a partial equivalence with its compensation measure; a change of outcome must clear it", async () => {
      const partial = await patch({ outcome: "partial_equivalence", decisionDate: "2026-03-02", compensationMeasure: "adaptation_course" });
      expect(partial.statusCode, partial.body).toBe(200);
      expect(partial.json()).toMatchObject({ outcome: "partial_equivalence", compensationMeasure: "adaptation_course", version: 2 });
      procedure = partial.json();
      const keepsMeasure = await patch({ outcome: "full_equivalence" });
      expect(fieldsOf(keepsMeasure)).toEqual(["compensationMeasure"]);
      const full = await patch({ outcome: "full_equivalence", compensationMeasure: null });
      expect(full.json()).toMatchObject({ outcome: "full_equivalence", compensationMeasure: null, decisionDate: "2026-03-02", version: 3 });
      procedure = full.json();
      const [event] = (await auditOf("procedure.update", procedure.id)).slice(-1);
      expect(event!.details).toEqual({ clientId: procedure.clientId, fields: ["compensationMeasure", "outcome"] });
    });

    it("answers a stale version with 409 and overwrites nothing", async () => {
      const stale = await (await as("leadBerlin")).patch(`/api/procedures/${procedure.id}`, {
        version: 1,
        competentAuthority: "Überschrieben",
      });
      expect(stale.statusCode).toBe(409);
      expect(stale.json()).toMatchObject({ code: "conflict", currentVersion: procedure.version });
      expect(await storedRow(procedure.id)).toMatchObject({
        version: procedure.version,
        competentAuthority: "Landesamt für Gesundheit und Soziales Berlin",
      });
    });

    it("allows a withdrawal before any application (the day of the withdrawal is its date)", async () => {
      const early = await openOk({ clientId: await newClient() });
      const res = await (await as("counselorBerlin")).patch(`/api/procedures/${early.id}`, {
        version: early.version,
        outcome: "withdrawn",
        decisionDate: "2026-01-20",
      });
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json()).toMatchObject({ outcome: "withdrawn", applicationDate: null, decisionDate: "2026-01-20" });
    });
  });

  describe("document checklist", () => {
    let procedure: ProcedureJson;
    beforeAll(async () => {
      procedure = await openOk({ clientId: await newClient() });
    });
    const put = async (version: number, documents: unknown[], who: Persona = "counselorBerlin") =>
      (await as(who)).put(`/api/procedures/${procedure.id}/documents`, { version, documents });

    it("replaces the ordered list at the procedure's version", async () => {
      const res = await put(procedure.version, [
        { kind: "identity_document", present: true, certified: true },
        { kind: "other", label: "Geburtsurkunde", present: false, note: "beim Konsulat beantragt" },
      ]);
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json().version).toBe(procedure.version + 1);
      expect(res.json().documents).toEqual([
        expect.objectContaining({ kind: "identity_document", present: true, certified: true, translated: false, label: null }),
        expect.objectContaining({ kind: "other", label: "Geburtsurkunde", note: "beim Konsulat beantragt" }),
      ]);
      procedure = res.json();
      const [event] = (await auditOf("procedure.documents_replace", procedure.id)).slice(-1);
      expect(event!.details).toEqual({ clientId: procedure.clientId, documents: 2, present: 1 });
      expect(JSON.stringify(event)).not.toContain("Konsulat");
    });

    it("lets one of two concurrent edits win and answers the other with 409: no lost update", async () => {
      const [a, b] = await Promise.all([
        put(procedure.version, [{ kind: "cv", present: true }]),
        put(procedure.version, [{ kind: "language_certificate", present: true, translated: true }], "leadBerlin"),
      ]);
      expect([a.statusCode, b.statusCode].sort()).toEqual([200, 409]);
      const winner = a.statusCode === 200 ? a.json() : b.json();
      const stored = await t.database.db.select().from(procedureDocuments).where(eq(procedureDocuments.procedureId, procedure.id));
      expect(stored.map((d) => d.kind)).toEqual(winner.documents.map((d: { kind: string }) => d.kind));
      // The list and the procedure share one version: a form loaded before is stale for both.
      const stalePatch = await (await as("counselorBerlin")).patch(`/api/procedures/${procedure.id}`, {
        version: procedure.version,
        competentAuthority: "Anders",
      });
      expect(stalePatch.statusCode).toBe(409);
      procedure = winner;
    });

    it("refuses a translation or certified copy of a missing document, and a nameless other, by field", async () => {
      const res = await put(procedure.version, [
        { kind: "cv", present: false, translated: true },
        { kind: "other", label: "  " },
      ]);
      expect(res.statusCode).toBe(400);
      expect(fieldsOf(res)).toEqual(["documents.0.translated", "documents.1.label"]);
      expect((await storedRow(procedure.id)).version).toBe(procedure.version);
    });
  });

  describe("printable checklist", () => {
    let procedure: ProcedureJson;
    beforeAll(async () => {
      const clientId = await newClient({ firstName: "Samir", lastName: "Haddad", preferredLanguages: ["ti", "fa", "ar"] });
      procedure = await openOk({
        clientId,
        applicationDate: "2026-01-05",
        documents: [
          { kind: "identity_document", present: true, certified: true },
          { kind: "qualification_certificate", label: "Diplom Universität Kabul", present: false },
          { kind: "other", label: "Praktikumsnachweis", present: true, translated: true },
        ],
      });
    });
    const checklist = async (query = "") => (await as("counselorBerlin")).get(`/api/procedures/${procedure.id}/checklist${query}`);

    it("speaks Arabic right to left when asked", async () => {
      const res = await checklist("?lang=ar");
      expect(res.statusCode, res.body).toBe(200);
      const body = res.json();
      expect(body).toMatchObject({
        lang: "ar",
        dir: "rtl",
        title: checklistTexts.ar.headings.title,
        client: { firstName: "Samir", lastName: "Haddad" },
        referenceProfession: "Pflegefachfrau/Pflegefachmann",
        competentAuthority: "Landesamt für Gesundheit und Soziales Berlin",
        legalBasis: { code: "profession_law", label: "قانون خاص بالمهنة" },
        applicationDate: "2026-01-05",
        summary: "المتوفر: 2 من 3",
      });
      expect(body.client.number).toMatch(/^K\d{7}$/);
      expect(body.documents).toEqual([
        expect.objectContaining({ position: 0, label: "إثبات الهوية (جواز السفر أو بطاقة الهوية)", state: "present", stateLabel: "متوفر" }),
        expect.objectContaining({
          position: 1,
          label: checklistTexts.ar.documentKinds.qualification_certificate,
          detail: "Diplom Universität Kabul",
          state: "missing",
          stateLabel: "ناقص",
        }),
        expect.objectContaining({ position: 2, kind: "other", label: "Praktikumsnachweis", detail: null, translated: true }),
      ]);
      expect(body.headings.document).toBe("المستند");
      expect(body.title).toMatch(/[\u0600-\u06FF]/);
    });

    it("speaks German left to right when asked", async () => {
      const body = (await checklist("?lang=de")).json();
      expect(body).toMatchObject({
        lang: "de",
        dir: "ltr",
        title: "Mein Ordner – Unterlagen für Ihr Anerkennungsverfahren",
        summary: "Vorhanden: 2 von 3",
        yes: "ja",
        no: "nein",
      });
      expect(body.documents[0]).toMatchObject({ label: "Identitätsnachweis (Reisepass oder Personalausweis)", stateLabel: "vorhanden" });
      expect(body.documents[1].stateLabel).toBe("fehlt");
    });

    it("defaults to the first preferred language it speaks (here Farsi, after Tigrinya), else German", async () => {
      const body = (await checklist()).json();
      expect(body).toMatchObject({ lang: "fa", dir: "rtl", title: checklistTexts.fa.headings.title });
      const plain = await openOk({ clientId: await newClient({ preferredLanguages: ["ro"] }) });
      const german = (await (await as("counselorBerlin")).get(`/api/procedures/${plain.id}/checklist`)).json();
      expect(german.lang).toBe("de");
    });

    it("has every text in all seven languages, with no language left equal to German", () => {
      const de = checklistTexts.de;
      for (const [lang, texts] of Object.entries(checklistTexts)) {
        if (lang === "de") continue;
        for (const kind of Object.keys(de.documentKinds) as (keyof typeof de.documentKinds)[]) {
          expect(texts.documentKinds[kind], `${lang} ${kind}`).toBeTruthy();
          expect(texts.documentKinds[kind], `${lang} ${kind}`).not.toBe(de.documentKinds[kind]);
        }
        expect(texts.summary).toContain("{present}");
        expect(texts.summary).toContain("{total}");
      }
    });

    it("refuses an unknown language by field", async () => {
      const res = await checklist("?lang=xx");
      expect(res.statusCode).toBe(400);
      expect(fieldsOf(res)).toEqual(["lang"]);
    });

    it("audits the read with the language, never the name", async () => {
      await checklist("?lang=uk");
      const [event] = (await auditOf("procedure.checklist_read", procedure.id)).slice(-1);
      expect(event!.details).toEqual({ clientId: procedure.clientId, lang: "uk" });
      expect(JSON.stringify(event)).not.toMatch(/Haddad|Samir/);
    });
  });

  describe("access", () => {
    let procedure: ProcedureJson;
    beforeAll(async () => {
      procedure = await openOk({ clientId: await newClient() });
    });

    it("reads a client's procedures as an audited list", async () => {
      const second = await openOk({ clientId: procedure.clientId, applicationDate: "2025-12-01" });
      const res = await (await as("leadBerlin")).get(`/api/procedures?clientId=${procedure.clientId}`);
      expect(res.statusCode).toBe(200);
      expect(
        res
          .json()
          .items.map((p: { id: string }) => p.id)
          .sort(),
      ).toEqual([procedure.id, second.id].sort());
      const [event] = (await auditOf("procedure.list")).filter((e) => (e.details as { clientId: string }).clientId === procedure.clientId);
      expect((event!.details as { shown: string[] }).shown.sort()).toEqual([procedure.id, second.id].sort());
    });

    it("gives a counselor in Bayern no answer about a Berlin procedure, and puts each attempt on record", async () => {
      const bavaria = await as("counselorBavaria");
      const deniedBefore = (await t.database.db.select().from(auditEvents).where(eq(auditEvents.outcome, "denied"))).length;
      const attempts = [
        await bavaria.get(`/api/procedures/${procedure.id}`),
        await bavaria.get(`/api/procedures/${procedure.id}/checklist`),
        await bavaria.get(`/api/procedures?clientId=${procedure.clientId}`),
        await bavaria.patch(`/api/procedures/${procedure.id}`, { version: procedure.version, competentAuthority: "Bayern" }),
        await bavaria.put(`/api/procedures/${procedure.id}/documents`, { version: procedure.version, documents: [] }),
        await open({ clientId: procedure.clientId }, "counselorBavaria"),
      ];
      expect(attempts.map((r) => r.statusCode)).toEqual([404, 404, 404, 404, 404, 404]);
      const denied = (await t.database.db.select().from(auditEvents).where(eq(auditEvents.outcome, "denied"))).slice(deniedBefore);
      expect(denied.map((e) => [e.action, e.recordId, e.actorLabel])).toEqual(
        [
          "procedure.read",
          "procedure.checklist_read",
          "procedure.list",
          "procedure.update",
          "procedure.documents_replace",
          "procedure.create",
        ].map((action) => [action, procedure.clientId, "berater.bayern@lotse.demo"]),
      );
      expect(await storedRow(procedure.id)).toMatchObject({
        version: procedure.version,
        competentAuthority: "Landesamt für Gesundheit und Soziales Berlin",
      });
    });

    it("answers roles without casework with 403, whatever the id", async () => {
      for (const who of ["monitoring", "coordinationBerlin", "federal", "admin"] as const) {
        const client = await as(who);
        expect((await client.get(`/api/procedures/${procedure.id}`)).statusCode, who).toBe(403);
        expect((await client.get("/api/procedures/00000000-0000-4000-8000-000000000000")).statusCode, who).toBe(403);
        expect((await open({ clientId: procedure.clientId }, who)).statusCode, who).toBe(403);
      }
      expect((await (await as("counselorBerlin")).get("/api/procedures/00000000-0000-4000-8000-000000000000")).statusCode).toBe(404);
    });

    it("lets a break-the-glass access read, audited as such, but never change", async () => {
      const fi = await as("faireIntegrationBerlin");
      expect((await fi.get(`/api/procedures/${procedure.id}`)).statusCode).toBe(403); // same state network, no grant yet
      const [user] = await t.database.db.select().from(users).where(eq(users.email, "fi.berlin@lotse.demo"));
      await t.database.db.insert(clientAccessGrants).values({
        clientId: procedure.clientId,
        userId: user!.id,
        reason: "Vertretung während Urlaub der Beraterin",
        expiresAt: new Date(Date.now() + 3_600_000),
      });
      const read = await fi.get(`/api/procedures/${procedure.id}`);
      expect(read.statusCode).toBe(200);
      expect(read.json().abilities).toEqual({ update: false, editDocuments: false });
      const [event] = (await auditOf("procedure.read", procedure.id)).slice(-1);
      expect(event!.details).toEqual({ clientId: procedure.clientId, via: "break_glass" });
      expect((await fi.get(`/api/procedures/${procedure.id}/checklist`)).statusCode).toBe(200);
      const change = await fi.patch(`/api/procedures/${procedure.id}`, { version: procedure.version, competentAuthority: "Anders" });
      expect(change.statusCode).toBe(403);
      expect((await fi.put(`/api/procedures/${procedure.id}/documents`, { version: procedure.version, documents: [] })).statusCode).toBe(
        403,
      );
      expect((await storedRow(procedure.id)).version).toBe(procedure.version);
    });
  });

  describe("for the clients module", () => {
    it("gives timeline lines without auditing: application date or opening day, missing documents counted", async () => {
      const clientId = await newClient();
      const applied = await openOk({
        clientId,
        applicationDate: "2026-01-12",
        documents: [{ kind: "cv", present: true }, { kind: "identity_document" }, { kind: "other", label: "Zeugnis" }],
      });
      const opened = await openOk({ clientId, documents: [] });
      const auditsBefore = (await t.database.db.select().from(auditEvents)).length;
      const entries = await timelineEntries(t.database.db, clientId);
      expect((await t.database.db.select().from(auditEvents)).length).toBe(auditsBefore);
      const created = await storedRow(opened.id);
      const openedDay = new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Berlin" }).format(created.createdAt);
      expect(entries).toEqual(
        expect.arrayContaining([
          {
            type: "procedure",
            id: applied.id,
            at: "2026-01-12",
            referenceProfessionName: "Pflegefachfrau/Pflegefachmann",
            competentAuthority: "Landesamt für Gesundheit und Soziales Berlin",
            outcome: "pending",
            documentsMissing: 2,
          },
          expect.objectContaining({ id: opened.id, at: openedDay, documentsMissing: 0 }),
        ]),
      );
      expect(entries).toHaveLength(2);
      expect(await timelineEntries(t.database.db, await newClient())).toEqual([]);
    });

    it("erases the free texts of the checklists, keeps the facts, and does nothing on a repeat", async () => {
      const clientId = await newClient();
      await openOk({
        clientId,
        documents: [
          { kind: "other", label: "Brief von Frau X", present: true, note: "persönlich" },
          { kind: "cv", label: "Lebenslauf 2024" },
          { kind: "identity_document" },
        ],
      });
      expect(await t.database.db.transaction((tx) => erasePersonalData(tx, clientId))).toBe(2);
      expect(await t.database.db.transaction((tx) => erasePersonalData(tx, clientId))).toBe(0);
      const [record] = await exportRecords(t.database.db, clientId);
      expect(record!.documents).toEqual([
        { kind: "other", label: "–", present: true, translated: false, certified: false, note: null },
        { kind: "cv", label: null, present: false, translated: false, certified: false, note: null },
        { kind: "identity_document", label: null, present: false, translated: false, certified: false, note: null },
      ]);
    });
  });
});
