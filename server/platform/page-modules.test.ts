import { existsSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { type Manifest, pageModuleOf, pagePreloads, publicPageModules, withPreloads } from "./page-modules.js";
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
    };
    const links = pagePreloads(manifest, index);
    expect(links.get("routes/public/FindCounselingPage.tsx")).toBe(
      '<link rel="modulepreload" crossorigin href="/assets/FindCounselingPage-4.js"><link rel="modulepreload" crossorigin href="/assets/fields-3.js">',
    );
    expect(links.get("routes/public/SitePage.tsx")).toBe('<link rel="modulepreload" crossorigin href="/assets/SitePage-5.js">');
    expect(withPreloads("<html><head><title>x</title></head></html>", links.get("routes/public/SitePage.tsx")!)).toContain(
      '<link rel="modulepreload" crossorigin href="/assets/SitePage-5.js">\n  </head>',
    );
  });
});
