import { defineConfig } from "vitest/config";

// Unit and integration tests. On PGlite by default; on PostgreSQL when TEST_DATABASE_URL is set
// (scripts/test.sh does both). Browser tests live in e2e/ with their own config.
export default defineConfig({
  test: {
    include: ["server/**/*.test.ts", "common/**/*.test.ts", "scripts/**/*.test.ts", "web/**/*.test.ts"],
    globalSetup: ["server/test/global-setup.ts"],
    pool: "forks",
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
