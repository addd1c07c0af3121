/** Shared helpers for the browser tests: Chromium, sign-in, axe, screenshots. */
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { AxeBuilder } from "@axe-core/playwright";
import { type Browser, type BrowserContext, chromium, type Page } from "playwright-core";
import { expect, inject } from "vitest";

export const DEMO_PASSWORD = "lotse-demo-2026";
export const baseUrl = () => inject("baseUrl");
const screenshotDir = join(import.meta.dirname, "screenshots");

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
}

export async function newPage(browser: Browser, width = 1280, base = baseUrl()): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({
    baseURL: base,
    viewport: { width, height: width < 600 ? 780 : 900 },
    locale: "de-DE",
    timezoneId: "Europe/Berlin",
  });
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  return { context, page };
}

export async function login(page: Page, email: string, password = DEMO_PASSWORD): Promise<void> {
  await page.goto("/staff/login");
  await page.getByLabel("E-Mail-Adresse").fill(email);
  await page.getByLabel("Passwort", { exact: true }).fill(password);
  await page.getByRole("button", { name: "Anmelden", exact: true }).click();
  // At 360 px the navigation is collapsed (hidden), so hidden elements count here.
  await page.getByRole("navigation", { name: "Hauptnavigation", includeHidden: true }).waitFor({ state: "attached", timeout: 30_000 });
}

/** Zero violations of WCAG 2.0/2.1 A and AA; the message lists what axe found. */
export async function expectAccessible(page: Page, label: string): Promise<void> {
  const result = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  const summary = result.violations.map(
    (v) =>
      `${v.id} (${v.impact}): ${v.help}\n    ${v.nodes
        .map((n) => n.target.join(" "))
        .slice(0, 5)
        .join("\n    ")}`,
  );
  expect(summary, `axe violations on ${label}`).toEqual([]);
}

/** No horizontal scrolling of the page (360 px phones). */
export async function expectNoHorizontalScroll(page: Page, label: string): Promise<void> {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow, `horizontal overflow on ${label}`).toBeLessThanOrEqual(0);
}

export async function screenshot(page: Page, name: string, keepFocus = false): Promise<void> {
  mkdirSync(screenshotDir, { recursive: true });
  const width = page.viewportSize()?.width ?? 0;
  // A focus ring left from the test's own keyboard steps is not part of the picture.
  if (!keepFocus) await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  await page.screenshot({ path: join(screenshotDir, `${name}-${width}.png`), fullPage: true });
}

/**
 * True when the server has the route (the staff API answers 401 without a session and 404
 * only for routes it does not have). Tests for endpoints still being built skip until then.
 */
export async function endpointExists(path: string): Promise<boolean> {
  const res = await fetch(`${baseUrl()}${path}`);
  return res.status !== 404;
}

/** Types into a searchable combobox and clicks the option; a multiple choice's list is closed again. */
export async function pick(page: Page, field: string, text: string, option: string | RegExp): Promise<void> {
  const combobox = page.getByRole("combobox", { name: field });
  // Scrolling the page closes an open list: scroll first, then type.
  await combobox.scrollIntoViewIfNeeded();
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
  await combobox.fill(text);
  await page
    .getByRole("option", { name: option, exact: typeof option === "string" })
    .first()
    .click();
  // A multiple choice keeps its list open for more.
  if (await page.getByRole("listbox").isVisible()) await page.keyboard.press("Escape");
}

/**
 * Chooses an option of a select named after its field: the platform's own select of the public
 * pages (components/native-select.tsx), or React Aria's (a button opening a list box) elsewhere.
 */
export async function choose(page: Page, field: RegExp, option: string): Promise<void> {
  // React Aria's select keeps a hidden native one for autofill (tabindex -1): not that one.
  const native = page.locator('select:not([tabindex="-1"])').and(page.getByLabel(field));
  if (await native.count()) {
    await native.selectOption({ label: option });
    return;
  }
  await page.getByRole("button", { name: field }).click();
  await page.getByRole("option", { name: option, exact: true }).click();
}

/** Letters only (digits of Date.now() mapped to a–j): names unique to a run that a typo search can still find. */
export function runTag(): string {
  return String(Date.now())
    .split("")
    .map((d) => String.fromCharCode(97 + Number(d)))
    .join("");
}

/** The staff app's main navigation. */
export const mainNav = (page: Page) => page.getByRole("navigation", { name: "Hauptnavigation" });

export async function csrfOf(page: Page): Promise<string> {
  return (await (await page.request.get("/api/auth/session")).json()).csrfToken as string;
}

/** Records a client through the API as the signed-in user (for tests about other things). */
export async function createClientByApi(
  page: Page,
  data: Record<string, unknown>,
): Promise<{ id: string; number: string; version: number }> {
  const res = await page.request.post("/api/clients", {
    headers: { "x-csrf-token": await csrfOf(page) },
    data: { ...data, consent: { processing: true } },
  });
  expect(res.status()).toBe(201);
  return res.json();
}

/** Checks the page at 360 px (no horizontal scroll, a screenshot) and returns to 1280 px. */
export async function atPhoneWidth(page: Page, name: string): Promise<void> {
  await page.setViewportSize({ width: 360, height: 780 });
  await expectNoHorizontalScroll(page, `${name} 360`);
  await screenshot(page, name);
  await page.setViewportSize({ width: 1280, height: 900 });
}
