import { createWriteStream } from "node:fs";
import { once } from "node:events";
import { parseArgs } from "node:util";
import { EXPORT_FORMATS, openStore, toCsv, toGeoJson, toGexf, toJsonl, type ExportFormat, type Sink } from "../../store/index.js";
import { EXIT_OK, UsageError, type Command } from "../command.js";
import { dbOption, eventFilter, FILTER_OPTIONS } from "./events.js";

export const exportCommand: Command = {
  name: "export",
  summary: "Export merged events: ACLED-style CSV, PLOVER JSONL, GeoJSON (RFC 7946) or a GEXF actor network",
  usage: "sitrep export --format csv|jsonl|geojson|gexf [--out FILE] [the filters of `sitrep events`] [--db FILE|URL]",
  async run(argv) {
    const { values, positionals } = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        db: { type: "string" },
        format: { type: "string" },
        out: { type: "string", short: "o" },
        ...FILTER_OPTIONS,
      },
    });
    if (positionals.length > 0) throw new UsageError(`unexpected argument "${positionals[0]}"`);
    const format = values.format as ExportFormat | undefined;
    if (!format || !EXPORT_FORMATS.includes(format)) throw new UsageError(`--format must be one of ${EXPORT_FORMATS.join(", ")}`);
    const filter = eventFilter(values);
    const store = await openStore(dbOption(values.db), { mustExist: true });
    const file = values.out && values.out !== "-" ? createWriteStream(values.out) : null;
    const stream = file ?? process.stdout;
    const sink: Sink = async (chunk) => {
      if (!stream.write(chunk)) await once(stream, "drain");
    };
    try {
      const write = { csv: toCsv, jsonl: toJsonl, geojson: toGeoJson, gexf: toGexf }[format];
      const n = await write(store, filter, sink);
      if (file) {
        file.end();
        await once(file, "finish");
        process.stderr.write(`${n} event(s) written to ${values.out} (${format})\n`);
      }
      return EXIT_OK;
    } finally {
      await store.close();
    }
  },
};
