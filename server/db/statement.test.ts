import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { createTestDatabase, type TestDatabase } from "../test/database.js";
import { fixedStatement } from "./statement.js";

describe("fixed statements (SQL text built once)", () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase();
    await database.db.execute(sql`create table fixed_statement_probe (id uuid primary key, label text, details jsonb)`);
  });
  afterAll(() => database.drop());

  const insert = fixedStatement<{ id: string; label: string | null; details: string | null }>(
    (p) =>
      sql`insert into fixed_statement_probe (id, label, details) values (${p("id")}::uuid, ${p("label")}, ${p("details")}::text::jsonb)`,
  );
  const find = fixedStatement<{ id: string }, { label: string | null; kind: string | null }>(
    (p) => sql`select label, details->>'kind' as kind from fixed_statement_probe where id = ${p("id")}::uuid`,
  );
  const ids = ["00000000-0000-4000-8000-000000000001", "00000000-0000-4000-8000-000000000002", "00000000-0000-4000-8000-000000000003"];

  test("runs with new values each time, on the database and inside a transaction, and reads back what it wrote", async () => {
    await insert(database.db, { id: ids[0]!, label: "one", details: JSON.stringify({ kind: "first" }) });
    await database.db.transaction(async (tx) => {
      await insert(tx, { id: ids[1]!, label: null, details: null });
      expect(await find(tx, { id: ids[1]! })).toEqual([{ label: null, kind: null }]);
    });
    expect(await find(database.db, { id: ids[0]! })).toEqual([{ label: "one", kind: "first" }]);
    expect(await find(database.db, { id: ids[2]! })).toEqual([]);
  });

  test("belongs to the caller's transaction: a rollback takes its write with it", async () => {
    await expect(
      database.db.transaction(async (tx) => {
        await insert(tx, { id: ids[2]!, label: "rolled back", details: null });
        throw new Error("abort");
      }),
    ).rejects.toThrow("abort");
    expect(await find(database.db, { id: ids[2]! })).toEqual([]);
  });

  test("a missing value is an error, not a null", async () => {
    await expect(insert(database.db, { id: ids[2]!, label: "x" } as never)).rejects.toThrow(/details/);
  });
});
