import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { consultations, supportRequests } from "../../db/schema/index.js";
import { createTestApp, type Persona, type TestApp } from "../../test/harness.js";
import { seedId } from "../directory/seed.js";
import { consultationRecordKeeper } from "./service.js";

const fiBerlin = seedId("unit", "fi:be");

/** This module's part in export, erasure and merge of a client (called by the clients module). */
describe("consultations as client records", () => {
  let t: TestApp;
  const as = (who: Persona) => t.as(who);
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  let serial = 0;
  const newClient = async (who: Persona = "counselorBerlin", unitId?: string) =>
    (
      await (
        await as(who)
      ).post("/api/clients", {
        firstName: "Akte",
        lastName: `Person ${++serial}`,
        birthYear: 1979,
        unitId,
        consent: { processing: true },
      })
    ).json().id as string;
  const record = async (clientId: string, body: Record<string, unknown>, who: Persona = "counselorBerlin") => {
    const res = await (await as(who)).post("/api/consultations", { clientId, ...body });
    expect(res.statusCode).toBe(201);
    return res.json() as { id: string };
  };
  const kindsOf = async (clientId: string) =>
    (await t.database.db.select().from(consultations).where(eq(consultations.clientId, clientId))).map((r) => `${r.date}:${r.kind}`).sort();

  it("merges two records so that each period's earliest contact is its first consultation", async () => {
    const kept = await newClient();
    const duplicate = await newClient();
    await record(kept, { date: "2024-03-01" });
    await record(kept, { date: "2024-04-01" });
    await record(duplicate, { date: "2024-02-01" });
    await record(duplicate, { date: "2021-06-01" });
    const moved = await t.database.db.transaction((tx) => consultationRecordKeeper.moveRecords(tx, duplicate, kept));
    expect(moved).toBe(2);
    expect(await kindsOf(kept)).toEqual([
      "2021-06-01:first_consultation",
      "2024-02-01:first_consultation",
      "2024-03-01:follow_up",
      "2024-04-01:follow_up",
    ]);
    expect(await kindsOf(duplicate)).toEqual([]);
    // A repeat finds nothing to move.
    expect(await t.database.db.transaction((tx) => consultationRecordKeeper.moveRecords(tx, duplicate, kept))).toBe(0);
  });

  it("exports everything, then erases the free texts once and keeps the facts", async () => {
    const clientId = await newClient("faireIntegrationBerlin", fiBerlin);
    const fi = await as("faireIntegrationBerlin");
    const consultation = await record(
      clientId,
      {
        date: "2024-05-02",
        fiReasons: ["other"],
        fiReasonOther: "Lohn seit März nicht gezahlt",
        employerSector: "logistics_delivery",
        nextSteps: "Brief an Arbeitgeber",
      },
      "faireIntegrationBerlin",
    );
    await fi.post(`/api/consultations/${consultation.id}/support-requests`, { question: "Frist für Klage?" });

    const exported = await t.database.db.transaction((tx) => consultationRecordKeeper.exportRecords(tx, clientId));
    expect(exported).toEqual([
      expect.objectContaining({
        date: "2024-05-02",
        kind: "first_consultation",
        counselor: "Fatma Faire-Integration (Demo)",
        fiReasonOther: "Lohn seit März nicht gezahlt",
        nextSteps: "Brief an Arbeitgeber",
        supportRequests: [expect.objectContaining({ question: "Frist für Klage?", answer: null })],
      }),
    ]);

    expect(await t.database.db.transaction((tx) => consultationRecordKeeper.erasePersonalData(tx, clientId))).toBe(2);
    expect(await t.database.db.transaction((tx) => consultationRecordKeeper.erasePersonalData(tx, clientId))).toBe(0);
    const [row] = await t.database.db.select().from(consultations).where(eq(consultations.id, consultation.id));
    expect(row).toMatchObject({
      nextSteps: null,
      fiReasonOther: null,
      fiReasons: ["other"],
      employerSector: "logistics_delivery",
      kind: "first_consultation",
      date: "2024-05-02",
    });
    const [request] = await t.database.db.select().from(supportRequests).where(eq(supportRequests.consultationId, consultation.id));
    expect(request).toMatchObject({ question: "", answer: null });
  });

  it("gives the timeline lines without auditing", async () => {
    const clientId = await newClient();
    await record(clientId, { date: "2024-01-09", channel: "video" });
    const entries = await t.database.db.transaction((tx) => consultationRecordKeeper.timelineEntries(tx, clientId));
    expect(entries).toEqual([
      expect.objectContaining({ type: "consultation", at: "2024-01-09", channel: "video", kind: "first_consultation" }),
    ]);
  });
});
