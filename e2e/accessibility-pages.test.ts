import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { expectAccessible, expectNoHorizontalScroll, launchBrowser, login, mainNav, newPage, runTag, screenshot } from "./support.js";

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** The server refuses a public form sent sooner than PUBLIC_FORM_MIN_FILL_SECONDS (3) after it opened. */
const MIN_FILL_MS = 3_500;
const waitUntilFilled = async (page: Page, openedAt: number) => page.waitForTimeout(Math.max(0, MIN_FILL_MS - (Date.now() - openedAt)));

const texts = {
  de: {
    title: "Erklärung zur Barrierefreiheit",
    form: "Barriere melden",
    submit: "Meldung senden",
    description: "Was funktioniert nicht? (Pflichtfeld)",
    missing: "Bitte beschreiben Sie das Problem.",
    badEmail: "Bitte geben Sie eine gültige E-Mail-Adresse ein",
    email: "Ihre E-Mail-Adresse (freiwillig)",
    success: "Vielen Dank! Ihre Meldung ist bei uns angekommen.",
    easyRead: "Leichte Sprache",
  },
  ar: {
    title: "بيان إمكانية الوصول",
    form: "الإبلاغ عن عائق",
    submit: "إرسال البلاغ",
    description: "ما الذي لا يعمل؟ (حقل إلزامي)",
    missing: "يرجى وصف المشكلة.",
    badEmail: "يرجى إدخال بريد إلكتروني صحيح",
    email: "بريدك الإلكتروني (اختياري)",
    success: "شكرًا لك! وصلنا بلاغك.",
    easyRead: "الألمانية المبسّطة",
  },
} as const;

describe("accessibility statement, report a barrier, Leichte Sprache", () => {
  for (const lang of ["de", "ar"] as const) {
    const text = texts[lang];
    for (const width of [1280, 360]) {
      test(`statement and its form in ${lang}: errors at the fields, then sent (${width} px)`, async () => {
        const { context, page } = await newPage(browser, width);
        await page.goto(`/barrierefreiheit?lang=${lang}`);
        await page.getByRole("heading", { level: 1, name: text.title }).waitFor();
        const openedAt = Date.now();
        expect(await page.getAttribute("html", "dir")).toBe(lang === "ar" ? "rtl" : "ltr");
        // The parts of the model statement, and the conciliation body's address in German.
        expect(await page.getByRole("heading", { level: 2 }).count()).toBeGreaterThanOrEqual(7);
        expect(await page.locator('.postal-address[dir="ltr"]').textContent()).toContain("Mauerstraße 53");
        expect(await page.getByText("4", { exact: false }).filter({ hasText: "2026" }).count()).toBeGreaterThan(0);
        await expectAccessible(page, `statement ${lang} ${width}`);
        await expectNoHorizontalScroll(page, `statement ${lang} ${width}`);
        await screenshot(page, `statement-${lang}`);

        // Sent empty (and with a broken e-mail): the server names the fields, focus goes to the first.
        const form = page.getByRole("form", { name: text.form });
        await form.getByRole("textbox", { name: text.email }).fill("kein-at-zeichen");
        await form.getByRole("button", { name: text.submit }).click();
        await form.getByText(text.missing).waitFor();
        await form.getByText(text.badEmail).waitFor();
        const description = form.getByRole("textbox", { name: text.description });
        expect(await description.getAttribute("aria-invalid")).toBe("true");
        await expect.poll(() => description.evaluate((el) => el === document.activeElement)).toBe(true);
        await expectAccessible(page, `statement errors ${lang} ${width}`);
        await expectNoHorizontalScroll(page, `statement errors ${lang} ${width}`);
        await screenshot(page, `statement-errors-${lang}`, true);

        await description.fill(`Test ${lang} ${width}: Die Tabelle ist mit dem Screenreader schwer zu lesen.`);
        await form.getByRole("textbox", { name: text.email }).fill("");
        await waitUntilFilled(page, openedAt);
        await form.getByRole("button", { name: text.submit }).click();
        await page.getByRole("status").filter({ hasText: text.success }).waitFor();
        expect(await description.inputValue()).toBe("");
        expect(await description.getAttribute("aria-invalid")).toBeNull();
        await expectAccessible(page, `statement sent ${lang} ${width}`);
        await screenshot(page, `statement-sent-${lang}`);
        await context.close();
      });

      test(`Leichte Sprache with ${lang} page chrome: German text marked as German (${width} px)`, async () => {
        const { context, page } = await newPage(browser, width);
        await page.goto(`/leichte-sprache?lang=${lang}`);
        await page.getByRole("heading", { level: 1, name: text.easyRead }).waitFor();
        const content = page.locator(".easy-read-text");
        expect(await content.getAttribute("lang")).toBe(lang === "de" ? null : "de");
        expect(await content.textContent()).toContain("Die Beratung kostet nichts.");
        expect(await content.textContent()).toContain("Sie können einen Termin machen.");
        expect(await page.getByRole("link", { name: "Hier machen Sie einen Termin" }).getAttribute("href")).toBe("/beratung-finden");
        await expectAccessible(page, `easy read ${lang} ${width}`);
        await expectNoHorizontalScroll(page, `easy read ${lang} ${width}`);
        await screenshot(page, `easy-read-${lang}`);
        await context.close();
      });
    }
  }

  test("the landing page and every public footer lead to Leichte Sprache", async () => {
    const { context, page } = await newPage(browser, 1280);
    await page.goto("/");
    await page.getByRole("main").getByRole("link", { name: "Informationen in Leichter Sprache" }).click();
    await page.getByRole("heading", { level: 1, name: "Leichte Sprache" }).waitFor();
    await page.goto("/beratung-finden");
    await page.getByRole("contentinfo").getByRole("link", { name: "Leichte Sprache" }).click();
    await page.getByRole("heading", { level: 1, name: "Leichte Sprache" }).waitFor();
    await context.close();
  });

  test("“Barriere melden” in the footer opens the form with the page filled in; too fast is refused kindly", async () => {
    const { context, page } = await newPage(browser, 360);
    await page.goto("/beratung-finden");
    await page.getByRole("heading", { level: 1 }).waitFor();
    await page.getByRole("contentinfo").getByRole("link", { name: "Barriere melden" }).click();
    const form = page.getByRole("form", { name: "Barriere melden" });
    await form.waitFor();
    const openedAt = Date.now();
    const url = new URL(page.url());
    expect([url.pathname, url.searchParams.get("seite"), url.hash]).toEqual(["/barrierefreiheit", "/beratung-finden", "#feedback"]);
    expect(await form.getByRole("textbox", { name: "Seite mit dem Problem" }).inputValue()).toBe("/beratung-finden");
    // Focus moved to the form's heading (and the form is in view).
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("feedback-title");
    const top = await page.locator("#feedback-title").evaluate((el) => el.getBoundingClientRect().top);
    expect(top).toBeGreaterThanOrEqual(0);
    expect(top).toBeLessThan(780);

    await form.getByRole("textbox", { name: "Was funktioniert nicht? (Pflichtfeld)" }).fill("Die Karte lässt sich nicht vergrößern.");
    await form.getByRole("button", { name: "Meldung senden" }).click();
    await form.getByRole("alert").filter({ hasText: "Das ging sehr schnell." }).waitFor();
    await expectAccessible(page, "too fast");
    await waitUntilFilled(page, openedAt);
    await form.getByRole("button", { name: "Meldung senden" }).click();
    await page.getByRole("status").filter({ hasText: "Ihre Meldung ist bei uns angekommen" }).waitFor();
    expect(await form.getByRole("alert").count()).toBe(0);
    await context.close();
  });

  test("report a barrier with the keyboard alone; the confirmation mail goes out in the page's language", async () => {
    const { context, page } = await newPage(browser, 1280);
    const email = `tastatur-${runTag()}@example.org`;
    await page.goto("/leichte-sprache");
    await page.getByRole("heading", { level: 1 }).waitFor();
    const focused = () =>
      page.evaluate(() => {
        const el = document.activeElement as HTMLElement | null;
        return { text: el?.textContent?.trim() ?? "", label: el?.getAttribute("aria-labelledby") ?? "", name: el?.getAttribute("name") };
      });
    // Tab through the page to the footer's "Barriere melden" and follow it.
    for (let i = 0; i < 40 && (await focused()).text !== "Barriere melden"; i++) await page.keyboard.press("Tab");
    expect((await focused()).text).toBe("Barriere melden");
    await page.keyboard.press("Enter");
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe("feedback-title");
    const openedAt = Date.now();
    const form = page.getByRole("form", { name: "Barriere melden" });
    expect(await form.getByRole("textbox", { name: "Seite mit dem Problem" }).inputValue()).toBe("/leichte-sprache");

    const visited: (string | null | undefined)[] = [];
    const tabAndType = async (value: string) => {
      await page.keyboard.press("Tab");
      visited.push((await focused()).name);
      if (value) await page.keyboard.type(value);
    };
    await tabAndType(""); // the page, already filled in
    await tabAndType("Die Schrift lässt sich nicht vergrößern.");
    await tabAndType("Kim Tastatur");
    await tabAndType(email);
    await page.keyboard.press("Tab");
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe("Meldung senden");
    // The honeypot is never a stop.
    expect(visited).not.toContain("website");
    await waitUntilFilled(page, openedAt);
    await page.keyboard.press("Enter");
    await page.getByRole("status").filter({ hasText: "Wir haben Ihnen eine Bestätigung per E-Mail geschickt" }).waitFor();

    // Without SMTP_URL the mails land in the dev outbox (the job runner sends them after commit).
    await expect
      .poll(
        async () => {
          const { items } = (await (await page.request.get("/api/dev/outbox")).json()) as { items: { to: string; subject: string }[] };
          return items.find((m) => m.to.includes(email))?.subject ?? null;
        },
        { timeout: 15_000 },
      )
      .toBe("Lotse: Ihre Meldung einer Barriere ist angekommen");
    await context.close();
  });

  test("the network administrator reads reports under “Barrieren”; the staff footer reports from the staff page", async () => {
    const { context, page } = await newPage(browser, 1280);
    const tag = runTag();
    // A report through the API, as the form sends it (with a token old enough).
    const { token } = (await (await page.request.get("/api/public/form-token")).json()) as { token: string };
    await page.waitForTimeout(MIN_FILL_MS);
    const sent = await page.request.post("/api/public/accessibility-feedback", {
      data: { page: "/beratung-finden", description: `Bericht ${tag}`, name: "Rania", email: `r-${tag}@example.org`, formToken: token },
    });
    expect(sent.status()).toBe(202);

    await login(page, "admin@lotse.demo");
    await mainNav(page).getByRole("link", { name: "Barrieren" }).click();
    await page.getByRole("heading", { level: 1, name: "Gemeldete Barrieren" }).waitFor();
    const report = page.getByRole("listitem").filter({ hasText: `Bericht ${tag}` });
    await report.waitFor();
    expect(await report.textContent()).toContain("Rania");
    expect(await report.getByRole("link", { name: `r-${tag}@example.org` }).getAttribute("href")).toBe(`mailto:r-${tag}@example.org`);
    await expectAccessible(page, "staff feedback list");
    await screenshot(page, "staff-feedback");

    await page.getByRole("contentinfo").getByRole("link", { name: "Barriere melden" }).click();
    const form = page.getByRole("form", { name: "Barriere melden" });
    await form.waitFor();
    expect(await form.getByRole("textbox", { name: "Seite mit dem Problem" }).inputValue()).toBe("/staff/feedback");
    await context.close();
  });

  test("a counselor has no “Barrieren” in the navigation", async () => {
    const { context, page } = await newPage(browser, 1280);
    await login(page, "berater.berlin@lotse.demo");
    expect(await mainNav(page).getByRole("link", { name: "Barrieren" }).count()).toBe(0);
    await context.close();
  });
});
