import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { choose, expectAccessible, expectNoHorizontalScroll, launchBrowser, newPage, screenshot } from "./support.js";

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe("finding counseling (public)", () => {
  for (const width of [1280, 360]) {
    test(`from the landing page to a Farsi-speaking site near 10115 and back (${width} px)`, async () => {
      const { context, page } = await newPage(browser, width);
      await page.goto("/");
      await page.getByRole("main").getByRole("link", { name: "Beratung finden" }).click();
      await page.getByRole("heading", { level: 1, name: "Beratungsstelle finden" }).waitFor();
      await expectAccessible(page, `find empty ${width}`);

      await page.getByRole("textbox", { name: "Postleitzahl oder Ort" }).fill("10115");
      await choose(page, /Sprache der Beratung/, "Persisch");
      await page.getByRole("button", { name: "Suchen", exact: true }).click();
      const count = page.getByRole("heading", { level: 2, name: /Beratungsstellen? gefunden/ });
      await count.waitFor();
      expect(await count.textContent()).toMatch(/^\d+ Beratungsstellen? gefunden$/);
      expect(new URL(page.url()).searchParams.get("where")).toBe("10115");
      await page.getByText("Die nächsten zuerst, Entfernung in Luftlinie ab").waitFor();

      const results = page.locator(".site-result");
      expect(await results.count()).toBeGreaterThan(0);
      const first = results.first();
      expect(await first.locator(".site-distance").textContent()).toMatch(/^[\d,]+ km entfernt$/);
      expect(await first.textContent()).toContain("Persisch");
      await expectAccessible(page, `find results ${width}`);
      await expectNoHorizontalScroll(page, `find results ${width}`);
      await screenshot(page, "find-results-de");

      const name = (await first.getByRole("heading", { level: 3 }).textContent())!;
      await first.getByRole("link").click();
      await page.getByRole("heading", { level: 1, name }).waitFor();
      await page.getByRole("heading", { level: 2, name: "Öffnungszeiten" }).waitFor();
      expect(await page.getByRole("row", { name: /Montag/ }).textContent()).toMatch(/\d\d:\d\d–\d\d:\d\d/);
      expect(await page.getByRole("row", { name: /Sonntag/ }).textContent()).toContain("geschlossen");
      await page.getByRole("heading", { level: 2, name: "So kommen Sie hin" }).waitFor();
      // Each language also named in itself, marked with its language for screen readers.
      expect(await page.locator(".language-list [lang=fa]").textContent()).toBe("فارسی");
      await expectAccessible(page, `site page ${width}`);
      await expectNoHorizontalScroll(page, `site page ${width}`);
      await screenshot(page, "site-de");

      await page.getByRole("link", { name: "Zurück zur Suche" }).click();
      await count.waitFor();
      expect(new URL(page.url()).searchParams.get("language")).toBe("fa");
      await context.close();
    });
  }

  test("names the field when the postcode is unknown, accessibly", async () => {
    const { context, page } = await newPage(browser, 360);
    await page.goto("/beratung-finden");
    const where = page.getByRole("textbox", { name: "Postleitzahl oder Ort" });
    await where.fill("10100");
    await where.press("Enter");
    await page.getByText("Diese Postleitzahl kennen wir nicht.").waitFor();
    expect(await where.getAttribute("aria-invalid")).toBe("true");
    // Postcodes near the unknown one are offered; one press searches there.
    const suggestions = page.getByRole("region", { name: "Meinten Sie einen dieser Orte?" });
    await suggestions.waitFor();
    await expectAccessible(page, "find error");
    await screenshot(page, "find-error-de");
    const first = suggestions.getByRole("button").first();
    const postcode = (await first.textContent())!.slice(0, 5);
    expect(postcode).toMatch(/^10\d{3}$/);
    await first.click();
    await page.getByText(`Entfernung in Luftlinie ab \u2068${postcode}`, { exact: false }).waitFor();
    expect(await where.inputValue()).toBe(postcode);

    // A place name without umlauts works, and the error is gone.
    await where.fill("Munchen");
    await where.press("Enter");
    await page.getByText(/Entfernung in Luftlinie ab \u2068München\u2069/).waitFor();
    expect(await where.getAttribute("aria-invalid")).toBeNull();
    await context.close();
  });

  for (const width of [1280, 360]) {
    test(`in Arabic: right to left, names isolated, Latin digits in distances (${width} px)`, async () => {
      const { context, page } = await newPage(browser, width);
      await page.goto("/beratung-finden?lang=ar&search=1&where=10115&topic=recognition");
      await expect.poll(() => page.getAttribute("html", "dir")).toBe("rtl");
      await page.getByRole("heading", { level: 1, name: "ابحث عن مركز استشارة" }).waitFor();
      const count = page.locator("#results-title");
      await expect.poll(() => count.textContent()).toMatch(/مراكز|مركز/);
      const first = page.locator(".site-result").first();
      expect(await first.locator("h3 bdi").count()).toBe(1);
      expect(await first.locator(".site-distance").textContent()).toMatch(/\d/);
      await expectAccessible(page, `find ar ${width}`);
      await expectNoHorizontalScroll(page, `find ar ${width}`);
      await screenshot(page, "find-results-ar");

      await first.getByRole("link").click();
      await page.getByRole("heading", { level: 2, name: "أوقات العمل" }).waitFor();
      await expectAccessible(page, `site ar ${width}`);
      await expectNoHorizontalScroll(page, `site ar ${width}`);
      await screenshot(page, "site-ar");
      await context.close();
    });
  }

  test("offers seven languages, each named in itself; Farsi right to left, Ukrainian with its plural forms", async () => {
    const { context, page } = await newPage(browser, 360);
    await page.goto("/beratung-finden");
    await page.getByRole("button", { name: /Sprache wählen/ }).click();
    const entries = page.getByRole("menu").locator("[lang]");
    await expect.poll(() => entries.count()).toBe(7);
    expect(await entries.evaluateAll((els) => els.map((e) => `${e.getAttribute("lang")}:${e.textContent}`))).toEqual([
      "de:Deutsch",
      "en:English",
      "ar:العربية",
      "fa:فارسی",
      "uk:Українська",
      "ru:Русский",
      "tr:Türkçe",
    ]);
    await page.getByRole("menuitemradio", { name: "فارسی" }).click();
    await expect.poll(() => page.getAttribute("html", "dir")).toBe("rtl");
    expect(await page.getAttribute("html", "lang")).toBe("fa");
    await page.getByRole("heading", { level: 1, name: "یافتن مرکز مشاوره" }).waitFor();
    await page.getByRole("textbox", { name: "کد پستی یا شهر" }).fill("04109");
    await page.getByRole("button", { name: "جست‌وجو", exact: true }).click();
    await expect.poll(() => page.locator("#results-title").textContent()).toMatch(/مرکز مشاوره پیدا شد/);
    await expectAccessible(page, "find fa 360");
    await expectNoHorizontalScroll(page, "find fa 360");
    await screenshot(page, "find-results-fa");

    await page.goto("/beratung-finden?lang=uk&search=1&where=10115&language=fa");
    await expect.poll(() => page.getAttribute("html", "lang")).toBe("uk");
    // 10–20 and 5–9 take "many" in Ukrainian ("центрів"), 2–4 "few" ("центри"), 1/21 "one".
    await expect
      .poll(() => page.locator("#results-title").textContent())
      .toMatch(/^Знайдено \d+ консультаційн(ий центр|і центри|их центрів)$/);
    await expectAccessible(page, "find uk 360");
    await context.close();
  });

  test("is usable with the keyboard alone", async () => {
    const { context, page } = await newPage(browser, 1280);
    await page.goto("/beratung-finden");
    await page.getByRole("heading", { level: 1 }).waitFor();
    // The form comes after the heading's first paint (its own chunk).
    await page.getByRole("textbox", { name: "Postleitzahl oder Ort" }).waitFor();
    // Skip link, then into the page: the first stop in the form is the place field.
    await page.keyboard.press("Tab");
    await page.keyboard.press("Enter");
    for (let i = 0; i < 30; i++) {
      await page.keyboard.press("Tab");
      if ((await page.evaluate(() => document.activeElement?.getAttribute("autocomplete"))) === "postal-code") break;
    }
    await page.keyboard.type("Leipzig");
    await page.keyboard.press("Enter");
    await page.getByText(/Entfernung in Luftlinie ab \u2068Leipzig\u2069/).waitFor();
    expect(await page.locator(".site-result").first().textContent()).toContain("km");
    await context.close();
  });
});
