import { parseArgs } from "node:util";
import { getDocument, openStore, queryDocuments } from "../../store/index.js";
import { EXIT_OK, UsageError, type Command } from "../command.js";
import { checkDate, dbOption, renderTable } from "./events.js";

export const docsCommand: Command = {
  name: "docs",
  summary: "List stored documents (text search, outlet, dates) or show one with its events",
  usage:
    "sitrep docs [--q TEXT] [--outlet NAME] [--from DATE] [--to DATE] [--limit N] [--offset N] [--format table|jsonl] [--db FILE|URL]\n       sitrep docs --show ID",
  async run(argv) {
    const { values, positionals } = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        db: { type: "string" },
        q: { type: "string" },
        outlet: { type: "string" },
        from: { type: "string" },
        to: { type: "string" },
        limit: { type: "string" },
        offset: { type: "string" },
        show: { type: "string" },
        format: { type: "string", default: "table" },
      },
    });
    if (positionals.length > 0) throw new UsageError(`unexpected argument "${positionals[0]}"`);
    if (values.format !== "table" && values.format !== "jsonl") throw new UsageError(`--format must be table or jsonl`);
    const int = (flag: string, v: string | undefined, d: number) => {
      if (v === undefined) return d;
      const n = Number(v);
      if (!Number.isInteger(n) || n < 0) throw new UsageError(`${flag} must be a whole number, not "${v}"`);
      return n;
    };
    const limit = int("--limit", values.limit, 100);
    const offset = int("--offset", values.offset, 0);
    const from = checkDate("--from", values.from);
    const to = checkDate("--to", values.to);
    const store = await openStore(dbOption(values.db), { mustExist: true });
    try {
      if (values.show) {
        const d = await getDocument(store, values.show);
        if (!d) throw new UsageError(`no document with id ${values.show}`);
        if (values.format === "jsonl") process.stdout.write(`${JSON.stringify(d)}\n`);
        else {
          process.stdout.write(
            `${d.id}  ${d.published ?? "no date"} (${d.publishedSource})  ${d.outlet ?? ""}\n${d.title ?? ""}\n${d.url ?? d.origin}\n\n${d.text}\n\n${d.events.length} event(s):\n`,
          );
          for (const e of d.events)
            process.stdout.write(
              `  ${String(e.id)}  ${String(e.type)}  -> ${e.mergedId ?? "(not merged)"}  "${String(
                (e.evidence as { text?: string })?.text ?? "",
              )
                .replace(/\s+/g, " ")
                .trim()
                .slice(0, 120)}"\n`,
            );
        }
        return EXIT_OK;
      }
      const rows = await queryDocuments(store, {
        ...(values.q ? { q: values.q } : {}),
        ...(values.outlet ? { outlet: values.outlet } : {}),
        ...(from ? { from } : {}),
        ...(to ? { to } : {}),
        limit,
        offset,
      });
      if (values.format === "jsonl") for (const r of rows) process.stdout.write(`${JSON.stringify(r)}\n`);
      else {
        process.stdout.write(
          renderTable(
            ["id", "published", "outlet", "title", "events", "origin"],
            rows.map((r) => [r.id, r.published ?? "", r.outlet ?? "", r.title ?? "", r.events, r.origin]),
            50,
          ),
        );
        process.stdout.write(`${rows.length} document(s)\n`);
      }
      return EXIT_OK;
    } finally {
      await store.close();
    }
  },
};
