import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";
import react from "@vitejs/plugin-react";
import { defineConfig, type Plugin } from "vite";

// The web app lives in web/ and is built to dist/web, which the server serves with an
// SPA fallback. In development, /api is proxied to a server started with `npm run dev`.
const root = fileURLToPath(new URL("./web", import.meta.url));
const outDir = fileURLToPath(new URL("./dist/web", import.meta.url));

/**
 * Brotli and gzip copies of every text file next to it (the server's static files send them
 * to browsers that accept them, `preCompressed`): on a phone with a slow line the app's
 * JavaScript is a quarter of the bytes. Compressed once at build, never per request.
 */
function precompress(): Plugin {
  return {
    name: "lotse-precompress",
    apply: "build",
    closeBundle() {
      const files = readdirSync(outDir, { recursive: true, encoding: "utf8" }).filter((f) => /\.(js|css|html|svg|json)$/.test(f));
      for (const file of files) {
        const path = join(outDir, file);
        const content = readFileSync(path);
        if (content.length < 1024) continue;
        writeFileSync(`${path}.br`, brotliCompressSync(content, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }));
        writeFileSync(`${path}.gz`, gzipSync(content, { level: 9 }));
      }
    },
  };
}

export default defineConfig({
  root,
  plugins: [react(), precompress()],
  build: {
    outDir,
    emptyOutDir: true,
    sourcemap: true,
    // Tells the server which chunks a public page needs, to name them in the page (server/platform/page-modules.ts).
    manifest: true,
    rolldownOptions: {
      output: {
        // Few, larger chunks: a phone on HTTP/1.1 fetches six files at a time, each a round trip.
        // `app` is everything the app starts with (React, router, i18n, the public layout); the
        // public pages share `public` (their API calls and site facts) and `forms` (the form
        // widgets), the booking pages also `calendar`; each page has its own small chunk, and the
        // staff app chunks as Rolldown sees fit. The search and the booking page load `forms` and
        // `calendar` only after their heading has painted (their form is a lazy chunk of its own).
        codeSplitting: {
          groups: [
            { name: "app", tags: ["$initial"], priority: 3 },
            {
              name: "public",
              test: /web[\\/](api[\\/](public|booking)\.ts|components[\\/]names\.ts|routes[\\/]public[\\/](site-facts\.tsx|find-search\.ts))$|common[\\/]domain[\\/](units|appointments|requests|public-languages)\.ts$/,
              priority: 2,
            },
            { name: "forms", test: /web[\\/]components[\\/](fields|select-field|PendingButton|public-form)\.tsx$/, priority: 1 },
            { name: "calendar", test: /web[\\/]routes[\\/]public[\\/]booking[\\/]SlotPicker\.tsx$/ },
          ],
        },
      },
    },
  },
  server: { proxy: { "/api": "http://localhost:3000" } },
});
