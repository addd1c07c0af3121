import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { endpointExists, expectAccessible, expectNoHorizontalScroll, launchBrowser, login, newPage, screenshot } from "./support.js";

let browser: Browser;
let hasUsers = false;
beforeAll(async () => {
  browser = await launchBrowser();
  hasUsers = (await endpointExists("/api/users")) && (await endpointExists("/api/roles/grantable"));
});
afterAll(async () => {
  await browser?.close();
});

describe("user administration", () => {
  test("the Berlin coordination creates a counselor", async (ctx) => {
    if (!hasUsers) ctx.skip("the users API is not on the server yet");
    const { context, page } = await newPage(browser);
    await login(page, "koordination.berlin@lotse.demo");
    await page.getByRole("navigation", { name: "Hauptnavigation" }).getByRole("link", { name: "Benutzer" }).click();
    await page.getByRole("heading", { level: 1, name: "Benutzer" }).waitFor();
    await page.getByRole("grid", { name: "Benutzerkonten" }).getByText("Ben Berater (Demo)").waitFor();
    await expectAccessible(page, "user list");
    await screenshot(page, "user-admin");
    await page.setViewportSize({ width: 360, height: 780 });
    await expectNoHorizontalScroll(page, "user list 360");
    await screenshot(page, "user-admin");
    await page.setViewportSize({ width: 1280, height: 900 });

    const email = `neue.beraterin.${Date.now()}@lotse.demo`;
    await page.getByRole("button", { name: "Benutzer anlegen" }).click();
    const dialog = page.getByRole("dialog", { name: "Benutzer anlegen" });
    await dialog.waitFor();
    await expectAccessible(page, "create user dialog");
    await dialog.getByLabel("Name").fill("Nora Neu");
    await dialog.getByLabel("E-Mail-Adresse").fill(email);
    // The unit defaults to the working unit (IQ Netzwerk Berlin); choose a sub-project below it.
    const unit = dialog.getByRole("combobox", { name: "Einheit" });
    await unit.fill("Anerkennungsberatung Berlin");
    await page
      .getByRole("option", { name: /Anerkennungsberatung Berlin/ })
      .first()
      .click();
    await dialog.getByRole("button", { name: /Rolle/ }).click();
    await page.getByRole("option", { name: "Beratung" }).click();
    await dialog.getByRole("button", { name: "Anlegen" }).click();

    await page.getByRole("heading", { level: 1, name: "Nora Neu" }).waitFor();
    expect(await page.getByText(email).first().isVisible()).toBe(true);
    const roles = page.getByRole("region", { name: "Rollen" }).or(page.locator("section[aria-labelledby=user-grants]"));
    expect(await roles.first().textContent()).toContain("Beratung");
    await expectAccessible(page, "user detail");
    await screenshot(page, "user-detail");

    // Back in the list, the new account is found by search.
    await page.getByRole("link", { name: "Zurück zur Benutzerliste" }).click();
    await page.getByRole("searchbox", { name: "Suche" }).fill("Nora");
    await page.getByRole("grid", { name: "Benutzerkonten" }).getByText("Nora Neu").waitFor();
    await context.close();
  });

  test("an invited user with two grants sets a password and switches the working unit", async (ctx) => {
    if (!hasUsers || !(await endpointExists("/api/dev/outbox"))) ctx.skip("users API or dev outbox missing");
    const { context, page } = await newPage(browser);
    await login(page, "koordination.berlin@lotse.demo");
    await page.goto("/staff/users");
    const email = `zwei.einheiten.${Date.now()}@lotse.demo`;
    await page.getByRole("button", { name: "Benutzer anlegen" }).click();
    const dialog = page.getByRole("dialog", { name: "Benutzer anlegen" });
    await dialog.getByLabel("Name").fill("Zoe Zwei");
    await dialog.getByLabel("E-Mail-Adresse").fill(email);
    await dialog.getByRole("combobox", { name: "Einheit" }).fill("Anerkennungsberatung Berlin");
    await page.getByRole("option", { name: "Anerkennungsberatung Berlin (Demo)", exact: true }).click();
    await dialog.getByRole("button", { name: /Rolle/ }).click();
    await page.getByRole("option", { name: "Beratung" }).click();
    await dialog.getByRole("button", { name: "Anlegen" }).click();
    await page.getByRole("heading", { level: 1, name: "Zoe Zwei" }).waitFor();

    // A second grant, on another Berlin sub-project, through the detail page
    const subProjects = (await (await page.request.get("/api/units?type=sub_project&q=Berlin")).json()).items as {
      name: string;
      stateCode: string;
    }[];
    const other = subProjects.find((u) => u.stateCode === "DE-BE" && u.name !== "Anerkennungsberatung Berlin (Demo)");
    expect(other, "a second sub-project in Berlin").toBeTruthy();
    const grantForm = page.locator("form.subform");
    await grantForm.getByRole("combobox", { name: "Einheit" }).fill(other!.name);
    await page.getByRole("option", { name: other!.name, exact: true }).click();
    await grantForm.getByRole("button", { name: /Rolle/ }).first().click();
    await page.getByRole("option", { name: "Beratung" }).click();
    await grantForm.getByRole("button", { name: "Rolle vergeben" }).click();
    await page.getByText("Die Rolle wurde vergeben.").waitFor();
    expect(await page.locator(".grant").count()).toBe(2);
    await page.getByRole("button", { name: "Abmelden" }).click();
    await page.getByRole("heading", { level: 1, name: "Anmelden" }).waitFor();

    // The invitation link from the outbox (mails go out through the job queue)
    let link: string | undefined;
    await expect
      .poll(
        async () => {
          const { items } = (await (await page.request.get("/api/dev/outbox")).json()) as { items: { to: string; body: string }[] };
          const mail = items.find((m) => m.to.includes(email));
          const body = mail?.body.replace(/=\r?\n/g, "").replace(/=3D/gi, "=");
          link = body?.match(/\/staff\/reset-password\?token=[\w-]+/)?.[0];
          return link;
        },
        { timeout: 30_000, interval: 500 },
      )
      .toBeTruthy();
    await page.goto(link!);
    const password = "zwei Einheiten sind besser als eine";
    await page.getByLabel("Neues Passwort", { exact: true }).fill(password);
    await page.getByLabel("Neues Passwort wiederholen").fill(password);
    await page.getByRole("button", { name: "Passwort speichern" }).click();
    await page.getByText("Ihr neues Passwort ist gespeichert").waitFor();

    // Two grants: the working-unit switcher appears; the choice survives a reload.
    await login(page, email, password);
    const switcher = page.getByRole("button", { name: /Arbeitseinheit/ });
    await switcher.waitFor();
    await switcher.click();
    await page.getByRole("option", { name: other!.name }).click();
    await page.getByRole("heading", { level: 1 }).waitFor();
    expect(await page.getByText(`Sie arbeiten für: ${other!.name}`).count()).toBe(1);
    await expectAccessible(page, "home with unit switcher");
    await page.reload();
    await page.getByText(`Sie arbeiten für: ${other!.name}`).waitFor();
    await page.goto("/staff/directory");
    await page.getByRole("checkbox", { name: `Nur ${other!.name} und darunter` }).waitFor({ state: "attached" });
    await screenshot(page, "directory-two-units");
    await context.close();
  });

  test("a counselor has no user administration", async () => {
    const { context, page } = await newPage(browser);
    await login(page, "berater.berlin@lotse.demo");
    const nav = page.getByRole("navigation", { name: "Hauptnavigation" });
    expect(await nav.getByRole("link", { name: "Benutzer" }).count()).toBe(0);
    await context.close();
  });
});
