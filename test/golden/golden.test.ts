/**
 * Golden extraction files: test/golden/<case>/expected.json is the reviewed output for
 * <case>/input.txt (or the file meta.json's "source" names). A change in output fails here
 * and is reviewed as a diff: refresh with `npm run test:update`, then `git diff test/golden`.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { ExtractionSchema } from "../../src/model/schema.js";
import { createExtractor } from "../../src/runtime/extractor.js";
import { PROJECT_ROOT } from "../../src/runtime/paths.js";

const dir = join(PROJECT_ROOT, "test", "golden");
const update = process.env.UPDATE_GOLDEN === "1";
const extractor = createExtractor();

interface Meta {
  source?: string;
  published?: string | null;
}

const cases = readdirSync(dir, { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => d.name)
  .sort();

describe("golden extractions", () => {
  it("has cases", () => expect(cases.length).toBeGreaterThanOrEqual(5));

  for (const name of cases) {
    const caseDir = join(dir, name);
    const meta = JSON.parse(readFileSync(join(caseDir, "meta.json"), "utf8")) as Meta;
    const inputPath = meta.source ? resolve(PROJECT_ROOT, meta.source) : join(caseDir, "input.txt");
    const available = existsSync(inputPath);
    it.skipIf(!available)(name, () => {
      const text = readFileSync(inputPath, "utf8");
      const actual = extractor.extract({ id: name, text, published: meta.published ?? null });
      expect(() => ExtractionSchema.parse(actual)).not.toThrow();
      const expectedPath = join(caseDir, "expected.json");
      const json = `${JSON.stringify(actual, null, 2)}\n`;
      if (update) writeFileSync(expectedPath, json);
      expect(existsSync(expectedPath), `${expectedPath} is missing: run npm run test:update and review it`).toBe(true);
      expect(JSON.parse(json)).toEqual(JSON.parse(readFileSync(expectedPath, "utf8")));
    });
  }
});
