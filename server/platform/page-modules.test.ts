import { existsSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { type Manifest, pageDataPreload, pageModuleOf, pagePreloads, publicPageModules, withPreloads } from "./page-modules.js";
import { projectRoot } from "./paths.js";

describe("the code of a public page", () => {
  it("is found by the page's path, with or without language prefix and query", () => {
    expect(pageModuleOf("/")).toBe("routes/public/Landing.tsx");
    expect(pageModuleOf("/ar")).toBe("routes/public/Landing.tsx");
    expect(pageModuleOf("/beratung-finden?search=1&where=10115&lang=ar")).toBe("routes/public/FindCounselingPage.tsx");
    expect(pageModuleOf("/fa/beratung-finden/standorte/abc")).toBe("routes/public/SitePage.tsx");
    expect(pageModuleOf("/beratung-finden/standorte/abc/termin?lang=de")).toBe("routes/public/booking/BookingPage.tsx");
    expect(pageModuleOf("/termin/xyz?token=t")).toBe("routes/public/booking/ManageBookingPage.tsx");
  });

  it("is none for the staff app and unknown pages", () => {
    expect(pageModuleOf("/staff/login")).toBeNull();
    expect(pageModuleOf("/nirgendwo")).toBeNull();
    expect(pageModuleOf("/arabic/beratung-finden")).toBeNull();
  });

  it("preloads the site a site's pages show", () => {
    const link = '<link rel="preload" as="fetch" crossorigin href="/api/public/sites/6f1c-22ab">';
    expect(pageDataPreload("/beratung-finden/standorte/6f1c-22ab?lang=ar")).toBe(link);
    expect(pageDataPreload("/ar/beratung-finden/standorte/6f1c-22ab/termin")).toBe(link);
    expect(pageDataPreload("/beratung-finden/standorte/6f1c-22ab/anfrage")).toBe(link);
    expect(pageDataPreload("/beratung-finden?search=1")).toBe("");
    expect(pageDataPreload("/beratung-finden/standorte/%22%3E%3Cscript%3E")).toBe("");
  });

  it("names modules of the web app", () => {
    for (const [, module] of publicPageModules) expect(existsSync(join(projectRoot, "web", module)), module).toBe(true);
  });

  it("is preloaded without the chunks index.html names already", () => {
    const index = '<head><script type="module" crossorigin src="/assets/index-1.js"></script>\n</head>';
    const manifest: Manifest = {
      "index.html": { file: "assets/index-1.js", imports: ["_react-2.js"] },
      "_react-2.js": { file: "assets/react-2.js" },
      "_fields-3.js": { file: "assets/fields-3.js", imports: ["_react-2.js"] },
      "routes/public/FindCounselingPage.tsx": { file: "assets/FindCounselingPage-4.js", imports: ["_fields-3.js", "_react-2.js"] },
      "routes/public/SitePage.tsx": { file: "assets/SitePage-5.js", imports: ["_react-2.js"] },
      "i18n/ar.json": { file: "assets/ar-6.js" },
    };
    const preloads = pagePreloads(manifest, index);
    expect(preloads("routes/public/FindCounselingPage.tsx", null)).toBe(
      '<link rel="modulepreload" crossorigin href="/assets/FindCounselingPage-4.js"><link rel="modulepreload" crossorigin href="/assets/fields-3.js">',
    );
    expect(preloads("routes/public/SitePage.tsx", "de")).toBe('<link rel="modulepreload" crossorigin href="/assets/SitePage-5.js">');
    expect(preloads("routes/public/SitePage.tsx", "ar")).toBe(
      '<link rel="modulepreload" crossorigin href="/assets/SitePage-5.js"><link rel="modulepreload" crossorigin href="/assets/ar-6.js">',
    );
    expect(preloads(null, "ar")).toBe('<link rel="modulepreload" crossorigin href="/assets/ar-6.js">');
    expect(preloads(null, null)).toBe("");
    expect(withPreloads("<html><head><title>x</title></head></html>", preloads("routes/public/SitePage.tsx", null))).toContain(
      '<link rel="modulepreload" crossorigin href="/assets/SitePage-5.js">\n  </head>',
    );
  });
});
