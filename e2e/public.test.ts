import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { baseUrl, expectAccessible, expectNoHorizontalScroll, launchBrowser, newPage, screenshot } from "./support.js";

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe("the page language in the first byte", () => {
  test("/?lang=ar and /ar/… answer with <html lang=ar dir=rtl>; the app keeps it and drops the prefix", async () => {
    for (const path of ["/?lang=ar", "/ar/beratung-finden", "/fa"]) {
      const html = await (await fetch(`${baseUrl()}${path}`)).text();
      const lang = path.includes("fa") ? "fa" : "ar";
      expect(html, path).toContain(`<html lang="${lang}" dir="rtl">`);
    }
    expect(await (await fetch(`${baseUrl()}/beratung-finden`)).text()).toContain('<html lang="de" dir="ltr">');

    const { context, page } = await newPage(browser, 360);
    await page.goto("/ar/beratung-finden");
    await page.getByRole("heading", { level: 1 }).waitFor();
    expect(await page.getAttribute("html", "lang")).toBe("ar");
    expect(new URL(page.url()).pathname).toBe("/beratung-finden");
    await context.close();
  });
});

describe("public landing page", () => {
  for (const width of [1280, 360]) {
    test(`renders in German with landmarks, skip link and footer (${width} px)`, async () => {
      const { context, page } = await newPage(browser, width);
      await page.goto("/");
      await expect.poll(() => page.getAttribute("html", "lang")).toBe("de");
      expect(await page.getAttribute("html", "dir")).toBe("ltr");
      await page.getByRole("heading", { level: 1 }).waitFor();
      expect(await page.getByRole("heading", { level: 1 }).textContent()).toContain("Beruf");
      expect(await page.getByRole("main").count()).toBe(1);
      expect(await page.getByRole("banner").count()).toBe(1);
      expect(await page.getByRole("contentinfo").count()).toBe(1);
      await page.getByRole("link", { name: "Erklärung zur Barrierefreiheit" }).waitFor();
      await page.getByRole("link", { name: "Impressum" }).waitFor();
      expect(await page.getByRole("link", { name: "Anmeldung für Mitarbeitende" }).count()).toBeGreaterThan(0);

      // The skip link is the first stop and becomes visible on focus.
      await page.keyboard.press("Tab");
      const focused = page.locator(":focus");
      expect(await focused.textContent()).toBe("Zum Inhalt springen");
      expect(await focused.isVisible()).toBe(true);

      await expectAccessible(page, `landing de ${width}`);
      await expectNoHorizontalScroll(page, `landing de ${width}`);
      await page.keyboard.press("Escape");
      await screenshot(page, "landing-de");
      await context.close();
    });

    test(`switches to Arabic, right to left (${width} px)`, async () => {
      const { context, page } = await newPage(browser, width);
      await page.goto("/");
      await page.getByRole("button", { name: /Sprache wählen/ }).click();
      const arabic = page.getByRole("menuitemradio", { name: "العربية" }).or(page.getByRole("menuitem", { name: "العربية" }));
      // The menu's code arrives when it is first wanted: wait for it.
      await expect.poll(() => arabic.locator("[lang=ar]").count()).toBe(1);
      await arabic.click();
      await expect.poll(() => page.getAttribute("html", "lang")).toBe("ar");
      expect(await page.getAttribute("html", "dir")).toBe("rtl");
      expect(await page.getByRole("heading", { level: 1 }).textContent()).toContain("مهنتك");
      await expectAccessible(page, `landing ar ${width}`);
      await expectNoHorizontalScroll(page, `landing ar ${width}`);
      await screenshot(page, "landing-ar");
      // The choice is remembered.
      await page.reload();
      await expect.poll(() => page.getAttribute("html", "dir")).toBe("rtl");
      await context.close();
    });
  }

  test("legal placeholder pages are reachable and accessible", async () => {
    const { context, page } = await newPage(browser);
    await page.goto("/");
    await page.getByRole("link", { name: "Erklärung zur Barrierefreiheit" }).click();
    await page.getByRole("heading", { level: 1, name: "Erklärung zur Barrierefreiheit" }).waitFor();
    await expectAccessible(page, "accessibility statement");
    await page.getByRole("link", { name: "Impressum" }).click();
    await page.getByRole("heading", { level: 1, name: "Impressum" }).waitFor();
    await expectAccessible(page, "imprint");
    await context.close();
  });
});
