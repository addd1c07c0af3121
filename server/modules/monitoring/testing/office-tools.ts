import { execFile } from "node:child_process";
import { mkdtemp, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { parse } from "csv-parse/sync";

/**
 * The real programs the export tests check files with: LibreOffice (opens the XLSX as a user's
 * spreadsheet would) and poppler (reads and renders the PDF). A missing program fails the test
 * with the package to install; it is never a reason to skip (.ci/run installs both).
 */
const run = promisify(execFile);

const packages = { soffice: "libreoffice-calc-nogui", pdftotext: "poppler-utils", pdftoppm: "poppler-utils", pdfinfo: "poppler-utils" };

export async function requireTool(name: keyof typeof packages): Promise<void> {
  try {
    await run("sh", ["-c", `command -v ${name}`]);
  } catch {
    throw new Error(`${name} is missing: install the Debian package ${packages[name]} (apt-get install ${packages[name]}); .ci/run does.`);
  }
}

export const tempDir = (label: string) => mkdtemp(join(tmpdir(), `lotse-${label}-`));

/**
 * Opens workbooks with LibreOffice headless and saves their first sheet as CSV, with the raw
 * cell values (not as formatted), so that numbers compare exactly. A profile of its own per
 * run keeps parallel runs from colliding.
 */
export async function xlsxToRows(files: Record<string, Buffer>): Promise<Record<string, string[][]>> {
  await requireTool("soffice");
  const dir = await tempDir("xlsx");
  const names = Object.keys(files);
  for (const name of names) await writeFile(join(dir, `${name}.xlsx`), files[name]!);
  // CSV filter: comma, double quote, UTF-8, from line 1, …, token 9 false = values, not as shown.
  const filter = "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false";
  await run(
    "soffice",
    [
      `-env:UserInstallation=file://${join(dir, "profile")}`,
      "--headless",
      "--convert-to",
      filter,
      "--outdir",
      join(dir, "out"),
      ...names.map((n) => join(dir, `${n}.xlsx`)),
    ],
    { timeout: 120_000 },
  );
  const out: Record<string, string[][]> = {};
  for (const name of names) {
    const text = await readFile(join(dir, "out", `${name}.csv`), "utf8");
    out[name] = parse(text, { relax_column_count: true }) as string[][];
  }
  return out;
}

/** The text of a PDF in its layout (pdftotext -layout). */
export async function pdfText(pdf: Buffer): Promise<{ text: string; pages: number; dir: string; file: string }> {
  await requireTool("pdftotext");
  await requireTool("pdfinfo");
  const dir = await tempDir("pdf");
  const file = join(dir, "sheet.pdf");
  await writeFile(file, pdf);
  const { stdout: text } = await run("pdftotext", ["-layout", file, "-"]);
  const { stdout: info } = await run("pdfinfo", [file]);
  const pages = Number(/^Pages:\s+(\d+)/m.exec(info)?.[1] ?? 0);
  return { text, pages, dir, file };
}

/** Renders the first page to PNG at 80 dpi (pdftoppm); returns the image's path. */
export async function pdfToPng(file: string, dir: string): Promise<string> {
  await requireTool("pdftoppm");
  const prefix = join(dir, "page");
  await run("pdftoppm", ["-png", "-r", "80", "-f", "1", "-l", "1", "-singlefile", file, prefix]);
  return `${prefix}.png`;
}
