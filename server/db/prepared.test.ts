import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { createTestDatabase, type TestDatabase } from "../test/database.js";
import { MAX_PREPARED_TEXT, statementName } from "./prepared.js";

/** Only PostgreSQL has named statements per connection; PGlite runs in-process. */
describe("prepared statements on PostgreSQL", () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(() => database.drop());

  const preparedNames = async (client: { query: (text: string) => Promise<{ rows: { name: string }[] }> }) =>
    (await client.query("select name from pg_prepared_statements")).rows.map((r) => r.name);

  test("a parameterised query is prepared once per connection under the hash of its text and answers as before", async (ctx) => {
    if (database.kind !== "postgres") ctx.skip();
    const client = await database.pool!.connect();
    try {
      const text = "select $1::int + 1 as next";
      const first = await client.query({ text, values: [41] });
      const second = await client.query({ text, values: [1] });
      expect([first.rows[0].next, second.rows[0].next]).toEqual([42, 2]);
      expect(await preparedNames(client)).toContain(statementName(text));
    } finally {
      client.release();
    }
  });

  test("drizzle's queries are named too; plain strings and queries without parameters are not", async (ctx) => {
    if (database.kind !== "postgres") ctx.skip();
    await database.db.transaction(async (tx) => {
      await tx.execute(sql`select ${"drizzle"}::text as marker`);
      await tx.execute(sql`select 'no parameters' as marker`);
      const names = (
        (await tx.execute(sql`select name, statement from pg_prepared_statements`)) as unknown as {
          rows: { name: string; statement: string }[];
        }
      ).rows;
      expect(names.some((r) => r.statement === "select $1::text as marker" && r.name === statementName(r.statement))).toBe(true);
      expect(names.some((r) => r.statement.includes("no parameters"))).toBe(false);
    });
  });

  test("a very long text (a bulk insert) stays unnamed", async (ctx) => {
    if (database.kind !== "postgres") ctx.skip();
    const client = await database.pool!.connect();
    try {
      // Each term is at least 9 characters: enough of them to pass the limit whatever it is set to.
      const count = Math.ceil(MAX_PREPARED_TEXT / 9) + 1;
      const values = Array.from({ length: count }, (_, i) => i);
      const text = `select ${values.map((i) => `$${i + 1}::int`).join(" + ")} as total`;
      expect(text.length).toBeGreaterThan(MAX_PREPARED_TEXT);
      const result = await client.query({ text, values });
      expect(Number(result.rows[0].total)).toBe(((count - 1) * count) / 2);
      expect(await preparedNames(client)).not.toContain(statementName(text));
    } finally {
      client.release();
    }
  });
});
