import { defineConfig } from "vitest/config";

// Browser tests: expect a built app (`npm run build`), start the real server once
// (e2e/global-setup.ts) and drive Debian's Chromium. Files run one after another.
export default defineConfig({
  test: {
    include: ["e2e/**/*.test.ts"],
    globalSetup: ["e2e/global-setup.ts"],
    fileParallelism: false,
    pool: "forks",
    testTimeout: 120_000,
    hookTimeout: 180_000,
    sequence: { concurrent: false },
  },
});
