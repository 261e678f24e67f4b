import { readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { createExtractor } from "../../runtime/extractor.js";
import { DATA_DIR } from "../../runtime/paths.js";
import { EXIT_OK, type Command } from "../command.js";

/**
 * Loads every data file through its stage's loader (each validates its files with a zod
 * schema and throws with the file and entry on a bad one), then lists the files. Runs in CI. The resource
 * cache is not read: every file is validated.
 */
export const dataLintCommand: Command = {
  name: "data-lint",
  summary: "Validate the data files (dictionaries, gazetteer, ontology) against their schemas",
  usage: "sitrep data-lint",
  run() {
    const t0 = performance.now();
    const extractor = createExtractor({ resourceCache: { mode: "off" } });
    const ms = performance.now() - t0;
    let files = 0;
    let bytes = 0;
    const walk = (dir: string): void => {
      for (const name of readdirSync(dir)) {
        const p = join(dir, name);
        const st = statSync(p);
        if (st.isDirectory()) walk(p);
        else {
          files++;
          bytes += st.size;
        }
      }
    };
    walk(DATA_DIR);
    process.stdout.write(
      `data-lint: ${files} files (${(bytes / 1024 / 1024).toFixed(1)} MB) valid; ${extractor.pipeline.stages.length} stages loaded in ${ms.toFixed(0)} ms\n`,
    );
    return EXIT_OK;
  },
};
