import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { queryRows } from "../db/index.js";
import { fakeClock } from "../modules/identity/testing/fake-clock.js";
import { createTestApp, type TestApp } from "../test/harness.js";
import { AppError } from "./errors.js";
import { clientAddressKey, guardPublicForm, issueFormToken, type PublicFormSubmission } from "./public-form-guard.js";

describe("public form guard", () => {
  let t: TestApp;
  const clock = fakeClock();
  const seconds = (n: number) => n * 1000;
  beforeAll(async () => {
    t = await createTestApp({ clock });
  });
  afterAll(() => t.close());

  /** A token as the form got it `age` ms ago. */
  const tokenAged = (ageMs: number) => issueFormToken(t.ctx, new Date(clock.now().getTime() - ageMs));
  const guard = (submission: Partial<PublicFormSubmission>) =>
    t.database.db.transaction((tx) =>
      guardPublicForm(t.ctx, tx, { form: "test_form", token: tokenAged(seconds(10)), honeypot: "", ip: "192.0.2.1", ...submission }),
    );
  /** The problem a refused submission throws: code, field error code, Retry-After. */
  const refusal = async (submission: Partial<PublicFormSubmission>) => {
    const error = await guard(submission).then(
      () => null,
      (e: unknown) => e,
    );
    expect(error, "the submission should have been refused").toBeInstanceOf(AppError);
    const { code, options } = error as AppError;
    return { code, field: options.errors?.[0], retryAfter: options.retryAfterSeconds };
  };
  const rowCount = async (form = "test_form") =>
    (await queryRows<{ n: number }>(t.database.db, sql`select count(*)::int as n from public_form_submissions where form = ${form}`))[0]!.n;

  it("hands out a token over HTTP that is accepted once the minimum fill time has passed", async () => {
    const res = await t.anonymous().get("/api/public/form-token");
    expect(res.statusCode).toBe(200);
    expect(res.headers["cache-control"]).toBe("no-store");
    const { token } = res.json() as { token: string };
    expect(await refusal({ form: "http", token })).toMatchObject({
      code: "validation_failed",
      field: { field: "formToken", code: "form_too_fast" },
    });
    clock.advance(seconds(3));
    expect(await guard({ form: "http", token })).toEqual({ accepted: true });
  });

  it("refuses a token younger than PUBLIC_FORM_MIN_FILL_SECONDS (3) with a field error asking to send again", async () => {
    const { code, field } = await refusal({ token: tokenAged(seconds(2)) });
    expect(code).toBe("validation_failed");
    expect(field).toMatchObject({ field: "formToken", code: "form_too_fast" });
    expect(field?.message).toMatch(/noch einmal/);
    expect(await guard({ token: tokenAged(seconds(3)) })).toEqual({ accepted: true });
  });

  it("refuses a token older than PUBLIC_FORM_MAX_AGE_HOURS (24)", async () => {
    expect((await refusal({ token: tokenAged(24 * 3_600_000 + 1_000) })).field?.code).toBe("form_expired");
    expect(await guard({ token: tokenAged(24 * 3_600_000 - 1_000) })).toEqual({ accepted: true });
  });

  it("refuses forged, altered and malformed tokens", async () => {
    const good = tokenAged(seconds(60));
    const [version, time, nonce, mac] = good.split(".") as [string, string, string, string];
    const older = (Number.parseInt(time, 36) - 3_600_000).toString(36);
    const flipped = mac.slice(0, -1) + (mac.endsWith("A") ? "B" : "A");
    const otherSecret = issueFormToken({ ...t.ctx, secret: Buffer.from("a different instance secret of 32+ chars") }, new Date(0));
    for (const token of [
      `${version}.${older}.${nonce}.${mac}`,
      `${version}.${time}.${nonce}x.${mac}`,
      `${version}.${time}.${nonce}.${flipped}`,
      `${version}.${time}.${nonce}.${mac.slice(0, 20)}`,
      `f0.${time}.${nonce}.${mac}`,
      otherSecret,
      "",
      "nonsense",
      `${version}.${time}.${nonce}`,
    ])
      expect((await refusal({ token })).field?.code, token).toBe("form_token_invalid");
    // A signed token from the far future (not clock skew) is refused too.
    expect((await refusal({ token: tokenAged(-3_600_000) })).field?.code).toBe("form_token_invalid");
  });

  it("accepts a token once", async () => {
    const token = tokenAged(seconds(30));
    expect(await guard({ form: "once", token })).toEqual({ accepted: true });
    expect((await refusal({ form: "once", token })).field?.code).toBe("form_token_used");
    expect(await rowCount("once")).toBe(1);
  });

  it("answers a filled honeypot like a success but writes nothing, whatever the token", async () => {
    expect(await guard({ form: "honeypot", honeypot: "https://spam.example" })).toEqual({ accepted: false, reason: "honeypot" });
    expect(await guard({ form: "honeypot", honeypot: "x", token: "forged" })).toEqual({ accepted: false, reason: "honeypot" });
    expect(await rowCount("honeypot")).toBe(0);
    // Blank counts as empty (a browser may send whitespace from autofill).
    expect(await guard({ form: "honeypot", honeypot: "  " })).toEqual({ accepted: true });
  });

  it("limits submissions per e-mail (5 an hour, any case, any address) with Retry-After until the oldest leaves the window", async () => {
    const email = "Person@Example.org";
    for (let i = 0; i < 5; i++) {
      expect(await guard({ form: "per_email", email: i % 2 ? email.toLowerCase() : email, ip: `198.51.100.${i}` })).toEqual({
        accepted: true,
      });
      clock.advance(seconds(60));
    }
    const limited = await refusal({ form: "per_email", email: "person@example.org", ip: "198.51.100.200" });
    expect(limited.code).toBe("rate_limited");
    // The first of the five was 5 minutes ago: it leaves the 60-minute window in 55 minutes.
    expect(limited.retryAfter).toBe(55 * 60);
    // Another e-mail from the same address, and the same form without an e-mail, still pass.
    expect(await guard({ form: "per_email", email: "other@example.org", ip: "198.51.100.0" })).toEqual({ accepted: true });
    expect(await guard({ form: "per_email", ip: "198.51.100.1" })).toEqual({ accepted: true });
    // Limits count per form.
    expect(await guard({ form: "per_email_other_form", email, ip: "198.51.100.201" })).toEqual({ accepted: true });

    clock.advance(seconds(55 * 60) - 1_000);
    expect((await refusal({ form: "per_email", email, ip: "198.51.100.202" })).retryAfter).toBe(1);
    clock.advance(1_000);
    expect(await guard({ form: "per_email", email, ip: "198.51.100.203" })).toEqual({ accepted: true });
  });

  it("limits submissions per client address (20 an hour), an IPv6 client by its /64", async () => {
    for (let i = 0; i < 20; i++)
      expect(await guard({ form: "per_ip", ip: `2001:db8:1:2::${i.toString(16)}`, email: `p${i}@example.org` })).toEqual({
        accepted: true,
      });
    const limited = await refusal({ form: "per_ip", ip: "2001:db8:1:2:ffff:ffff:ffff:ffff", email: "new@example.org" });
    expect(limited.code).toBe("rate_limited");
    expect(limited.retryAfter).toBe(60 * 60);
    expect(await guard({ form: "per_ip", ip: "2001:db8:1:3::1" })).toEqual({ accepted: true });
    // A route may choose its own limit.
    expect((await refusal({ form: "per_ip", ip: "2001:db8:1:3::2", limits: { perIp: 1 } })).code).toBe("rate_limited");
    clock.advance(seconds(60 * 60));
    expect(await guard({ form: "per_ip", ip: "2001:db8:1:2::1" })).toEqual({ accepted: true });
  });

  it("answers the rate limit over HTTP as 429 problem details with Retry-After", async () => {
    const send = (email: string) =>
      t.app.inject({
        method: "POST",
        url: "/api/public/accessibility-feedback",
        remoteAddress: "203.0.113.9",
        payload: { description: "Zu wenig Kontrast", email, formToken: tokenAged(seconds(5)) },
      });
    for (let i = 0; i < 5; i++) expect((await send("limit@example.org")).statusCode).toBe(202);
    const res = await send("limit@example.org");
    expect(res.statusCode).toBe(429);
    expect(res.headers["content-type"]).toMatch(/^application\/problem\+json/);
    expect(res.json()).toMatchObject({ code: "rate_limited", type: "/problems/rate-limited" });
    expect(Number(res.headers["retry-after"])).toBe(60 * 60);
  });

  it("keeps only keyed hashes of address and e-mail, and deletes rows past the window and token lifetime on the next write", async () => {
    await guard({ form: "privacy", ip: "192.0.2.77", email: "secret.person@example.org" });
    const rows = await queryRows<Record<string, unknown>>(t.database.db, sql`select * from public_form_submissions where form = 'privacy'`);
    const stored = JSON.stringify(rows);
    expect(stored).not.toContain("192.0.2.77");
    expect(stored).not.toContain("secret.person");
    expect(rows[0]).toMatchObject({ ip_hash: expect.stringMatching(/^[\w-]{43}$/), email_hash: expect.stringMatching(/^[\w-]{43}$/) });

    clock.advance(24 * 3_600_000 + 1_000);
    expect(await rowCount("privacy")).toBe(1);
    await guard({ form: "cleanup" });
    expect(await rowCount("privacy")).toBe(0);
    expect(await rowCount("cleanup")).toBe(1);
  });

  it("counts IPv4-mapped IPv6 as the IPv4 address and an IPv6 address by its /64", () => {
    expect(clientAddressKey("::ffff:192.0.2.1")).toBe("192.0.2.1");
    expect(clientAddressKey("192.0.2.1")).toBe("192.0.2.1");
    expect(clientAddressKey("2001:db8:0:2::1")).toBe("2001:db8:0:2::/64");
    expect(clientAddressKey("2001:0db8:0000:0002:abcd:0:0:1")).toBe("2001:db8:0:2::/64");
    expect(clientAddressKey("2001:db8::1")).toBe("2001:db8:0:0::/64");
    expect(clientAddressKey("::1")).toBe("0:0:0:0::/64");
  });
});
