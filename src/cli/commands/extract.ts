import { createReadStream } from "node:fs";
import { createInterface } from "node:readline";
import { parseArgs } from "node:util";
import { isIsoDate } from "../../stages/published/index.js";
import { defaultExtractor } from "../../runtime/extractor.js";
import { InputError, readTextInput } from "../../runtime/read-input.js";
import { EXIT_OK, EXIT_PARTIAL, UsageError, type Command } from "../command.js";
import { formatTable } from "../format-table.js";

export const extractCommand: Command = {
  name: "extract",
  summary: "Extract events, actors, places, times and numbers from one article (or a JSONL corpus)",
  usage:
    "sitrep extract <file|-> [--published YYYY-MM-DD] [--format json|table] [--compact]\n       sitrep extract --jsonl <file|-> [--published YYYY-MM-DD]",
  async run(argv) {
    const { values, positionals } = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        published: { type: "string" },
        format: { type: "string", default: "json" },
        jsonl: { type: "boolean", default: false },
        compact: { type: "boolean", default: false },
      },
    });
    if (positionals.length !== 1) throw new UsageError("give exactly one input file, or - for standard input");
    const published = values.published;
    if (published !== undefined && !isIsoDate(published))
      throw new UsageError(`--published "${published}" is not a valid date (YYYY-MM-DD)`);
    const format = values.format;
    if (format !== "json" && format !== "table") throw new UsageError(`--format must be json or table, not "${format}"`);
    const input = positionals[0];
    if (values.jsonl) return extractJsonl(input, published);

    const text = readTextInput(input);
    const extraction = defaultExtractor().extract({ text, published: published ?? null });
    if (format === "table") process.stdout.write(formatTable(extraction));
    else process.stdout.write(`${JSON.stringify(extraction, null, values.compact ? 0 : 2)}\n`);
    return EXIT_OK;
  },
};

/**
 * One output line per input line, in order, in one process: `{id?, text, published?}` in,
 * the extraction plus `id` out; a bad line gives `{id?, line, error}` and the run goes on.
 */
async function extractJsonl(path: string, defaultPublished: string | undefined): Promise<number> {
  const extractor = defaultExtractor();
  const stream = path === "-" ? process.stdin : createReadStream(path);
  stream.on("error", () => undefined);
  const openError = await new Promise<Error | null>((resolve) => {
    if (path === "-") return resolve(null);
    stream.once("open", () => resolve(null));
    stream.once("error", (e: Error) => resolve(e));
  });
  if (openError) throw new InputError(`${path}: cannot be read (${(openError as NodeJS.ErrnoException).code ?? openError.message})`);
  const lines = createInterface({ input: stream, crlfDelay: Infinity });
  let lineNo = 0;
  let failed = 0;
  for await (const raw of lines) {
    lineNo++;
    if (raw.trim() === "") continue;
    let id: unknown;
    try {
      let item: unknown;
      try {
        item = JSON.parse(raw);
      } catch {
        throw new InputError("line is not valid JSON");
      }
      if (typeof item !== "object" || item === null || Array.isArray(item)) throw new InputError("line is not a JSON object");
      const rec = item as Record<string, unknown>;
      id = rec.id;
      if (typeof rec.text !== "string" || rec.text.trim() === "") throw new InputError('"text" is missing or empty');
      const pub = rec.published ?? defaultPublished ?? null;
      if (pub !== null && (typeof pub !== "string" || !isIsoDate(pub.slice(0, 10))))
        throw new InputError(`"published" is not a valid date: ${JSON.stringify(pub)}`);
      const extraction = extractor.extract({
        ...(id !== undefined ? { id: String(id) } : {}),
        text: rec.text,
        published: pub === null ? null : (pub as string).slice(0, 10),
      });
      process.stdout.write(`${JSON.stringify({ ...(id !== undefined ? { id } : {}), ...extraction })}\n`);
    } catch (e) {
      if (!(e instanceof InputError) && !(e instanceof RangeError)) throw e;
      failed++;
      process.stdout.write(`${JSON.stringify({ ...(id !== undefined ? { id } : {}), line: lineNo, error: e.message })}\n`);
      process.stderr.write(`sitrep extract: line ${lineNo}: ${e.message}\n`);
    }
  }
  return failed > 0 ? EXIT_PARTIAL : EXIT_OK;
}
