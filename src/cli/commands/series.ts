import { parseArgs } from "node:util";
import { COUNTED_ROLES } from "../../model/annotations.js";
import { openStore, querySeries } from "../../store/index.js";
import { EXIT_OK, UsageError, type Command } from "../command.js";
import { checkDate, dbOption, num, range, renderTable } from "./events.js";

const ROLES: readonly string[] = COUNTED_ROLES;

export const seriesCommand: Command = {
  name: "series",
  summary: "A quantity over time (troops, killed, displaced, ...) with dates and sources",
  usage: `sitrep series <${ROLES.join("|")}> [--actor ISO3] [--country ISO3] [--from DATE] [--to DATE] [--format table|csv|jsonl] [--db FILE|URL]`,
  async run(argv) {
    const { values, positionals } = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        db: { type: "string" },
        actor: { type: "string" },
        country: { type: "string" },
        from: { type: "string" },
        to: { type: "string" },
        limit: { type: "string" },
        format: { type: "string", default: "table" },
      },
    });
    if (positionals.length !== 1) throw new UsageError("give one quantity role, e.g. sitrep series troops --actor USA --country IRQ");
    const role = positionals[0].toLowerCase();
    if (!ROLES.includes(role)) throw new UsageError(`"${role}" is not a quantity role (${ROLES.join(", ")})`);
    for (const [flag, v] of [
      ["--actor", values.actor],
      ["--country", values.country],
    ] as const)
      if (v !== undefined && !/^[A-Za-z]{3}$/.test(v))
        throw new UsageError(`${flag} must be an ISO 3166-1 alpha-3 code such as USA, not "${v}"`);
    const from = checkDate("--from", values.from);
    const to = checkDate("--to", values.to);
    const format = values.format;
    if (format !== "table" && format !== "csv" && format !== "jsonl") throw new UsageError("--format must be table, csv or jsonl");
    const store = await openStore(dbOption(values.db), { mustExist: true });
    try {
      const points = await querySeries(store, {
        role,
        ...(values.actor ? { actor: values.actor } : {}),
        ...(values.country ? { country: values.country } : {}),
        ...(from ? { from } : {}),
        ...(to ? { to } : {}),
        ...(values.limit ? { limit: Number(values.limit) } : {}),
      });
      if (format === "jsonl") for (const p of points) process.stdout.write(`${JSON.stringify(p)}\n`);
      else if (format === "csv") {
        const q = (s: unknown) => {
          const t = s === null || s === undefined ? "" : String(s);
          return /[",\r\n]/.test(t) ? `"${t.replace(/"/g, '""')}"` : t;
        };
        process.stdout.write("date,value,max,from,qualifier,country,actors,doc_id,outlet,published,evidence\r\n");
        for (const p of points)
          process.stdout.write(
            [p.date, p.value, p.max, p.from, p.qualifier, p.country, p.actors.join(" "), p.docId, p.outlet, p.published, p.evidence]
              .map(q)
              .join(",") + "\r\n",
          );
      } else {
        process.stdout.write(
          renderTable(
            ["date", role, "as written", "where", "who", "source", "published"],
            points.map((p) => [
              p.date ?? "",
              `${range(p.value, p.max)}${p.from !== null ? ` (from ${num(p.from)})` : ""}`,
              p.text,
              p.country ?? "",
              p.actors.join(" "),
              p.outlet ?? p.docId,
              p.published ?? "",
            ]),
          ),
        );
        if (points.length > 1) process.stdout.write(`${points.map((p) => num(p.value)).join(" -> ")}\n`);
        process.stdout.write(`${points.length} value(s)\n`);
      }
      return EXIT_OK;
    } finally {
      await store.close();
    }
  },
};
