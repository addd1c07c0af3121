/**
 * Lighthouse on the public pages people seeking advice use: the search, a site's page and its
 * booking page, in German and Arabic, as a phone on a slow 4G line (Lighthouse's default mobile
 * profile: Moto G Power, 4× CPU slowdown, simulated throttling). Debian's Chromium via CHROME_PATH.
 *
 *   npm run build && npx tsx bench/lighthouse/run.ts        (or: npm run bench:lighthouse)
 *
 * The same pages also with Lighthouse's desktop profile.
 *
 * Writes bench/results/<date>-lighthouse.json and prints a table. Targets (issue 4):
 * performance ≥ 90, accessibility 100 on every page. Exits 1 when a page misses one.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import * as chromeLauncher from "chrome-launcher";
import lighthouse from "lighthouse";
import desktopConfig from "lighthouse/core/config/desktop-config.js";
import { startServer } from "../../e2e/global-setup.js";

const TARGETS = { performance: 90, accessibility: 100 };
const root = join(import.meta.dirname, "..", "..");

type Row = {
  profile: string;
  page: string;
  lang: string;
  url: string;
  performance: number;
  accessibility: number;
  bestPractices: number;
  seo: number;
  lcpMs: number;
  tbtMs: number;
  cls: number;
};

async function main() {
  const server = await startServer({ LOG_LEVEL: "warn" });
  const chrome = await chromeLauncher.launch({
    chromePath: process.env.CHROME_PATH ?? "/usr/bin/chromium",
    chromeFlags: ["--headless=new", "--no-sandbox", "--disable-gpu"],
  });
  try {
    const site = await bookableSite(server.baseUrl);
    const pages = [
      ["search", `/beratung-finden?search=1&where=10115&language=ar`],
      ["site", `/beratung-finden/standorte/${site}`],
      ["booking", `/beratung-finden/standorte/${site}/termin`],
    ] as const;
    const rows: Row[] = [];
    for (const profile of ["mobile", "desktop"] as const) {
      for (const lang of ["de", "ar"]) {
        for (const [page, path] of pages) {
          const url = `${server.baseUrl}${path}${path.includes("?") ? "&" : "?"}lang=${lang}`;
          // A first visit warms the server (PGlite, query plans), as a running instance would be.
          await fetch(url);
          const result = await lighthouse(
            url,
            {
              port: chrome.port,
              output: "json",
              logLevel: "error",
              onlyCategories: ["performance", "accessibility", "best-practices", "seo"],
            },
            profile === "desktop" ? desktopConfig : undefined,
          );
          if (!result) throw new Error(`no Lighthouse result for ${url}`);
          const { categories, audits } = result.lhr;
          const score = (id: string) => Math.round((categories[id]?.score ?? 0) * 100);
          rows.push({
            profile,
            page,
            lang,
            url: path,
            performance: score("performance"),
            accessibility: score("accessibility"),
            bestPractices: score("best-practices"),
            seo: score("seo"),
            lcpMs: Math.round(audits["largest-contentful-paint"]?.numericValue ?? 0),
            tbtMs: Math.round(audits["total-blocking-time"]?.numericValue ?? 0),
            cls: Number((audits["cumulative-layout-shift"]?.numericValue ?? 0).toFixed(3)),
          });
          const failing = Object.values(audits).filter(
            (a) => a.score !== null && a.score < 1 && categories.accessibility?.auditRefs.some((r) => r.id === a.id),
          );
          for (const audit of failing) console.error(`  ${lang} ${page}: accessibility audit ${audit.id} – ${audit.title}`);
        }
      }
    }
    report(rows);
    const missed = rows.filter((r) => r.performance < TARGETS.performance || r.accessibility < TARGETS.accessibility);
    if (missed.length) {
      console.error(`targets missed on: ${missed.map((r) => `${r.profile} ${r.lang} ${r.page}`).join(", ")}`);
      process.exitCode = 1;
    }
  } finally {
    chrome.kill();
    await server.stop();
  }
}

async function bookableSite(baseUrl: string): Promise<string> {
  const res = await fetch(`${baseUrl}/api/public/sites?postcode=10115&topic=recognition`);
  const { items } = (await res.json()) as { items: { id: string; nextFreeSlot: unknown }[] };
  const site = items.find((s) => s.nextFreeSlot);
  if (!site) throw new Error("no bookable demo site near 10115");
  return site.id;
}

function report(rows: Row[]) {
  const date = new Date().toISOString().slice(0, 10);
  const dir = join(root, "bench", "results");
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `${date}-lighthouse.json`);
  writeFileSync(
    file,
    `${JSON.stringify({ date, lighthouse: "12.2.3", profiles: { mobile: "Lighthouse default: Moto G Power, slow 4G, 4× CPU, simulated throttling", desktop: "Lighthouse desktop config: 10 Mbit/s, 40 ms RTT, 1× CPU" }, targets: TARGETS, rows }, null, 2)}\n`,
  );
  console.log("| profile | page | lang | performance | accessibility | best practices | SEO | LCP ms | TBT ms | CLS |");
  console.log("| --- | --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
  for (const r of rows) {
    console.log(
      `| ${r.profile} | ${r.page} | ${r.lang} | ${r.performance} | ${r.accessibility} | ${r.bestPractices} | ${r.seo} | ${r.lcpMs} | ${r.tbtMs} | ${r.cls} |`,
    );
  }
  console.log(`written to ${file}`);
}

await main();
