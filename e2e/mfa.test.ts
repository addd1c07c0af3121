/**
 * Sign-in security end to end, on a server of its own with REQUIRE_MFA=true (so lockouts and
 * enrolments do not disturb the other files): lockout message, the forced
 * set-up screen, enabling TOTP, and the code step at the next sign-in.
 */
import * as OTPAuth from "otpauth";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { type RunningServer, startServer } from "./global-setup.js";
import { DEMO_PASSWORD, expectAccessible, expectNoHorizontalScroll, launchBrowser, newPage, screenshot } from "./support.js";

let browser: Browser;
let server: RunningServer;
beforeAll(async () => {
  [browser, server] = await Promise.all([launchBrowser(), startServer({ REQUIRE_MFA: "true" })]);
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

async function signIn(page: Page, email: string) {
  await page.goto("/staff/login");
  await page.getByLabel("E-Mail-Adresse").fill(email);
  await page.getByLabel("Passwort", { exact: true }).fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Anmelden", exact: true }).click();
}

/** A code from a time step that has not been used yet (the server refuses a replayed step). */
async function freshCode(totp: OTPAuth.TOTP, usedStep: number | null): Promise<{ code: string; step: number }> {
  for (;;) {
    const step = Math.floor(Date.now() / 1000 / 30);
    if (step !== usedStep) return { code: totp.generate(), step };
    await new Promise((r) => setTimeout(r, 1000));
  }
}

describe("lockout", () => {
  test("after repeated wrong passwords the account is locked and the wait is named in minutes", async () => {
    const { context, page } = await newPage(browser, 1280, server.baseUrl);
    await page.goto("/staff/login");
    await page.getByLabel("E-Mail-Adresse").fill("bund@lotse.demo");
    const password = page.getByLabel("Passwort", { exact: true });
    for (let i = 0; i < 6; i++) {
      await password.fill(`falsch-${i}`);
      await page.getByRole("button", { name: "Anmelden", exact: true }).click();
      await page.getByRole("alert").waitFor();
      await page.waitForLoadState("networkidle");
    }
    const alert = page.getByRole("alert");
    await alert.getByText(/vorübergehend gesperrt/).waitFor();
    expect(await alert.textContent()).toMatch(/in (einer Minute|\d+ Minuten) erneut/);
    await expectAccessible(page, "login locked");
    await screenshot(page, "login-locked");
    await context.close();
  });
});

describe("second factor", () => {
  test("a counselor must set up TOTP first, then signs in with a code", async () => {
    const { context, page } = await newPage(browser, 1280, server.baseUrl);
    await signIn(page, "berater.berlin@lotse.demo");

    // Forced set-up: no navigation, QR code, key and code field
    await page.getByRole("heading", { level: 1, name: "Zwei-Faktor-Anmeldung einrichten" }).waitFor();
    expect(await page.getByRole("navigation", { name: "Hauptnavigation", includeHidden: true }).count()).toBe(0);
    await page.getByRole("img", { name: /QR-Code/ }).waitFor();
    await expectAccessible(page, "forced TOTP set-up");
    await screenshot(page, "mfa-forced");
    await page.setViewportSize({ width: 360, height: 780 });
    await expectNoHorizontalScroll(page, "forced TOTP set-up 360");
    await screenshot(page, "mfa-forced");
    await page.setViewportSize({ width: 1280, height: 900 });

    const secret = ((await page.locator("code.secret").textContent()) ?? "").replace(/\s/g, "");
    const totp = new OTPAuth.TOTP({ secret: OTPAuth.Secret.fromBase32(secret), digits: 6, period: 30, algorithm: "SHA1" });
    const first = await freshCode(totp, null);
    await page.getByLabel("Sechsstelliger Code").fill(first.code);
    await page.getByRole("button", { name: "Bestätigen und aktivieren" }).click();
    await page.getByRole("navigation", { name: "Hauptnavigation" }).waitFor();

    // Next sign-in asks for the code
    await page.getByRole("button", { name: "Abmelden" }).click();
    await page.getByRole("heading", { level: 1, name: "Anmelden" }).waitFor();
    await signIn(page, "berater.berlin@lotse.demo");
    const codeField = page.getByLabel("Sechsstelliger Code");
    await codeField.waitFor();
    expect(await codeField.getAttribute("autocomplete")).toBe("one-time-code");
    expect(await page.evaluate(() => document.activeElement?.getAttribute("autocomplete"))).toBe("one-time-code");
    await expectAccessible(page, "login TOTP step");
    await screenshot(page, "login-totp");

    await codeField.fill("000000");
    await page.getByRole("button", { name: "Anmelden", exact: true }).click();
    await page
      .getByRole("alert")
      .getByText(/Code ist falsch/)
      .waitFor();
    await expectAccessible(page, "login TOTP wrong code");

    const second = await freshCode(totp, first.step);
    await codeField.fill(second.code);
    await page.getByRole("button", { name: "Anmelden", exact: true }).click();
    await page.getByRole("heading", { level: 1, name: /Guten Tag/ }).waitFor();
    await context.close();
  });
});
