import { existsSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

/**
 * The project root, found by walking up from this file to package.json, so the same
 * code works from `server/` (tsx, vitest) and from the compiled `dist/server/`.
 */
function findProjectRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, "package.json"))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`package.json not found above ${fileURLToPath(import.meta.url)}`);
    dir = parent;
  }
  return dir;
}

export const projectRoot = findProjectRoot();
export const migrationsFolder = join(projectRoot, "server/db/migrations");
export const webDistFolder = join(projectRoot, "dist/web");
export const resolveFromRoot = (...parts: string[]) => resolve(projectRoot, ...parts);
