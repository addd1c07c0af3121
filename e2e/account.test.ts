import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { endpointExists, expectAccessible, expectNoHorizontalScroll, launchBrowser, login, newPage, screenshot } from "./support.js";

let browser: Browser;
let hasMe = false;
beforeAll(async () => {
  browser = await launchBrowser();
  hasMe = await endpointExists("/api/me/sessions");
});
afterAll(async () => {
  await browser?.close();
});

describe("Mein Konto", () => {
  test("lists the sessions and starts the TOTP set-up with QR code and key", async (ctx) => {
    if (!hasMe) ctx.skip("the /api/me endpoints are not on the server yet");
    const { context, page } = await newPage(browser);
    await login(page, "monitoring@lotse.demo");
    await page.getByRole("navigation", { name: "Hauptnavigation" }).getByRole("link", { name: "Mein Konto" }).click();
    await page.getByRole("heading", { level: 1, name: "Mein Konto" }).waitFor();
    await page.getByText("Dieses Gerät").waitFor();
    await expectAccessible(page, "account");
    await screenshot(page, "account");
    await page.getByRole("button", { name: "Einrichtung starten" }).click();
    await page.getByRole("img", { name: /QR-Code/ }).waitFor();
    expect(await page.getByRole("img", { name: /QR-Code/ }).evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(0);
    expect(await page.locator("code.secret").textContent()).toMatch(/^[A-Z2-7 ]{16,}$/);
    expect(await page.getByLabel("Sechsstelliger Code").getAttribute("autocomplete")).toBe("one-time-code");
    await page.getByLabel("Sechsstelliger Code").fill("000000");
    await page.getByRole("button", { name: "Bestätigen und aktivieren" }).click();
    await page.getByRole("alert").waitFor();
    await expectAccessible(page, "account totp set-up with error");
    await page.setViewportSize({ width: 360, height: 780 });
    await expectNoHorizontalScroll(page, "account 360");
    await screenshot(page, "account-totp");
    await context.close();
  });
});
