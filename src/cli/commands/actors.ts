import { parseArgs } from "node:util";
import { openStore, queryActors } from "../../store/index.js";
import { EXIT_OK, UsageError, type Command } from "../command.js";
import { dbOption, renderTable } from "./events.js";

export const actorsCommand: Command = {
  name: "actors",
  summary: "List actors by the number of merged events they take part in",
  usage: "sitrep actors [--country ISO3] [--q NAME] [--limit N] [--format table|jsonl] [--db FILE|URL]",
  async run(argv) {
    const { values, positionals } = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        db: { type: "string" },
        country: { type: "string" },
        q: { type: "string" },
        limit: { type: "string" },
        format: { type: "string", default: "table" },
      },
    });
    if (positionals.length > 0) throw new UsageError(`unexpected argument "${positionals[0]}"`);
    const limit = values.limit === undefined ? 100 : Number(values.limit);
    if (!Number.isInteger(limit) || limit < 0) throw new UsageError(`--limit must be a whole number, not "${values.limit}"`);
    if (values.format !== "table" && values.format !== "jsonl") throw new UsageError(`--format must be table or jsonl`);
    const store = await openStore(dbOption(values.db), { mustExist: true });
    try {
      const rows = await queryActors(store, {
        ...(values.country ? { country: values.country } : {}),
        ...(values.q ? { q: values.q } : {}),
        limit,
      });
      if (values.format === "jsonl") for (const r of rows) process.stdout.write(`${JSON.stringify(r)}\n`);
      else {
        process.stdout.write(
          renderTable(
            ["actor", "id", "country", "sector", "events", "as source", "as target"],
            rows.map((r) => [r.name, r.entityId ?? "", r.country ?? "", r.sector ?? "", r.events, r.asSource, r.asTarget]),
          ),
        );
        process.stdout.write(`${rows.length} actor(s)\n`);
      }
      return EXIT_OK;
    } finally {
      await store.close();
    }
  },
};
