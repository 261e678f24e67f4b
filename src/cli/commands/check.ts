import { parseArgs } from "node:util";
import type { Anomaly } from "../../model/annotations.js";
import { isIsoDate } from "../../stages/published/index.js";
import { defaultExtractor } from "../../runtime/extractor.js";
import { readTextInput } from "../../runtime/read-input.js";
import { EXIT_OK, EXIT_PARTIAL, UsageError, type Command } from "../command.js";

function oneLine(s: string, max = 70): string {
  const t = s.replace(/\s+/g, " ").trim();
  return t.length > max ? `${t.slice(0, max - 1)}…` : t;
}

/** Line and column (1-based) of an offset, for editors. */
function lineCol(text: string, at: number): string {
  let line = 1;
  let last = -1;
  for (let i = text.indexOf("\n"); i >= 0 && i < at; i = text.indexOf("\n", i + 1)) {
    line++;
    last = i;
  }
  return `${line}:${at - last}`;
}

export function formatAnomalies(text: string, anomalies: readonly Anomaly[]): string {
  if (anomalies.length === 0) return "No anomalies found.\n";
  const lines = anomalies.map(
    (a) =>
      `${lineCol(text, a.start).padEnd(7)} ${a.kind.padEnd(20)} "${oneLine(a.text, 40)}"${a.suggestion ? ` -> ${a.suggestion}` : ""}  (conf ${a.confidence.toFixed(2)})\n        ${a.message}`,
  );
  return `${anomalies.length} anomal${anomalies.length === 1 ? "y" : "ies"}:\n${lines.join("\n")}\n`;
}

export const checkCommand: Command = {
  name: "check",
  summary: "Flag what is wrong in the source text: swapped country names, wrong institutions, removed-text marks, conflicting numbers",
  usage: "sitrep check <file|-> [--published YYYY-MM-DD] [--format table|json] [--fail-on-anomaly]",
  run(argv) {
    const { values, positionals } = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        published: { type: "string" },
        format: { type: "string", default: "table" },
        "fail-on-anomaly": { type: "boolean", default: false },
      },
    });
    if (positionals.length !== 1) throw new UsageError("give exactly one input file, or - for standard input");
    const published = values.published;
    if (published !== undefined && !isIsoDate(published))
      throw new UsageError(`--published "${published}" is not a valid date (YYYY-MM-DD)`);
    const format = values.format;
    if (format !== "json" && format !== "table") throw new UsageError(`--format must be table or json, not "${format}"`);
    const text = readTextInput(positionals[0]);
    const { anomalies } = defaultExtractor().extract({ text, published: published ?? null });
    if (format === "json") process.stdout.write(`${JSON.stringify({ anomalies }, null, 2)}\n`);
    else process.stdout.write(formatAnomalies(text, anomalies));
    return values["fail-on-anomaly"] && anomalies.length > 0 ? EXIT_PARTIAL : EXIT_OK;
  },
};
