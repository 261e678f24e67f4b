import { existsSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { type ArticleScore, scoreArticles } from "../../eval/articles.js";
import { type EventExtract, GoldMissingError } from "../../eval/events-gold.js";
import { scoreGeoWebNews, type GeoWebNewsScore } from "../../eval/geowebnews.js";
import { scorePetr2, scorePetr2Raw, type Petr2Score } from "../../eval/petr2.js";
import { scorePlover, type PloverScore } from "../../eval/plover.js";
import { scoreWikiwars, type WikiwarsScore } from "../../eval/wikiwars.js";
import { defaultExtractor } from "../../runtime/extractor.js";
import { PROJECT_ROOT, SHARED_BENCH_DIR } from "../../runtime/paths.js";
import { EXIT_OK, EXIT_USAGE, UsageError, type Command } from "../command.js";

const SUITES = ["petr2", "plover", "wikiwars", "geo", "articles"] as const;
/** Team-written articles (test/articles/<set>): dev may be tuned on; holdout and unseen are never looked at while tuning. */
const ARTICLES_DIR = join(PROJECT_ROOT, "test", "articles");
const ARTICLE_SETS = ["dev", "holdout", "unseen"] as const;
type Suite = (typeof SUITES)[number];

interface Results {
  bench: string;
  petr2?: Petr2Score;
  /** PETR2 scored on our events as extracted (no reported-speech convention). */
  petr2Raw?: Petr2Score;
  plover?: PloverScore;
  wikiwars?: WikiwarsScore;
  geo?: GeoWebNewsScore;
  articles?: ArticleScore[];
  ms: Record<string, number>;
}

export const evalCommand: Command = {
  name: "eval",
  summary: "Score the extractor on the public gold sets (PETRARCH-2, PLOVER, WikiWars, GeoWebNews) and the team's articles",
  usage: "sitrep eval [--bench <dir>] [--only petr2|plover|wikiwars|geo|articles] [--json] [--errors <file>]",
  async run(argv) {
    const { values } = parseArgs({
      args: argv,
      options: {
        bench: { type: "string" },
        only: { type: "string" },
        json: { type: "boolean", default: false },
        errors: { type: "string" },
      },
    });
    const bench = resolve(values.bench ?? SHARED_BENCH_DIR);
    const only = values.only;
    if (only !== undefined && !(SUITES as readonly string[]).includes(only))
      throw new UsageError(`--only must be one of ${SUITES.join(", ")}, not "${only}"`);
    const suites: Suite[] = only ? [only as Suite] : [...SUITES];
    const extractor = defaultExtractor();
    const events: EventExtract = (text, date) => extractor.extract({ text, published: date }).events;
    const results: Results = { bench, ms: {} };
    try {
      for (const suite of suites) {
        const t0 = performance.now();
        if (suite === "petr2") {
          results.petr2 = scorePetr2(bench, events);
          results.petr2Raw = scorePetr2Raw(bench, events);
        } else if (suite === "plover") results.plover = scorePlover(bench, events);
        else if (suite === "wikiwars")
          results.wikiwars = scoreWikiwars(bench, (text, dct) => extractor.extract({ text, published: dct }).times);
        else if (suite === "geo") results.geo = scoreGeoWebNews(bench, (text) => extractor.extract({ text }).places);
        else if (suite === "articles")
          results.articles = ARTICLE_SETS.filter((set) => existsSync(join(ARTICLES_DIR, set))).map((set) =>
            scoreArticles(ARTICLES_DIR, set, (text, published) => extractor.extract({ text, published }).events),
          );
        results.ms[suite] = Math.round(performance.now() - t0);
      }
    } catch (e) {
      if (e instanceof GoldMissingError || (e as NodeJS.ErrnoException).code === "ENOENT") {
        process.stderr.write(`sitrep eval: ${(e as Error).message}\n`);
        return EXIT_USAGE;
      }
      throw e;
    }
    if (values.errors) writeErrors(values.errors, results);
    if (values.json) process.stdout.write(`${JSON.stringify(stripMisses(results), null, 2)}\n`);
    else process.stdout.write(table(results));
    return EXIT_OK;
  },
};

function pct(x: number): string {
  return x.toFixed(3);
}

function table(r: Results): string {
  const rows: string[][] = [["suite", "metric", "value", "detail"]];
  if (r.petr2) {
    const p = r.petr2;
    rows.push([
      "petr2",
      "CAMEO-root F1",
      pct(p.root.f1),
      `P ${pct(p.root.p)} R ${pct(p.root.r)} (tp ${p.root.tp} fp ${p.root.fp} fn ${p.root.fn}; ${p.sentences} sentences)`,
    ]);
    rows.push([
      "petr2",
      "source/target country F1",
      pct(p.actors.f1),
      `P ${pct(p.actors.p)} R ${pct(p.actors.r)} (tp ${p.actors.tp} fp ${p.actors.fp} fn ${p.actors.fn})`,
    ]);
    if (r.petr2Raw) {
      const q = r.petr2Raw;
      rows.push([
        "petr2",
        "as extracted: root / country F1",
        `${pct(q.root.f1)} / ${pct(q.actors.f1)}`,
        "without the reported-speech convention",
      ]);
    }
  }
  if (r.plover) {
    const p = r.plover;
    rows.push(["plover", "type accuracy (gold among ours)", pct(p.accuracyAny), `${p.sentences} sentences; no event on ${p.noEvent}`]);
    rows.push([
      "plover",
      "type accuracy (most confident)",
      pct(p.accuracyFirst),
      "old labels mapped: DEMAND->REQUEST, DISAPPROVE->ACCUSE, INVESTIGATE->ACCUSE, FIGHT->ASSAULT",
    ]);
  }
  if (r.wikiwars) {
    const w = r.wikiwars;
    rows.push([
      "wikiwars",
      "span F1",
      pct(w.spanF1),
      `P ${pct(w.spanP)} R ${pct(w.spanR)} (${w.docs} docs, ${w.gold} gold, ${w.predicted} predicted)`,
    ]);
    rows.push(["wikiwars", "value accuracy / F1", `${pct(w.valueAccuracy)} / ${pct(w.valueF1)}`, ""]);
  }
  if (r.geo) {
    const g = r.geo;
    rows.push([
      "geo",
      "toponym F1",
      pct(g.f1),
      `P ${pct(g.precision)} R ${pct(g.recall)} (${g.articles} articles, ${g.gold} gold, ${g.predicted} predicted)`,
    ]);
    rows.push(["geo", "accuracy@161km", pct(g.accuracyAt161km), `median error ${g.medianErrorKm.toFixed(0)} km`]);
  }
  for (const a of r.articles ?? []) {
    rows.push([
      "articles",
      `${a.set} strict recall`,
      pct(a.recall),
      `${a.found}/${a.expected} expected events (type, countries, date, counts); ${a.articles} articles, ${a.extracted} extracted`,
    ]);
    rows.push(["articles", `${a.set} type recall`, pct(a.typeRecall), `${a.typeFound}/${a.expected} expected types present`]);
    const by = Object.entries(a.missedBy)
      .filter(([, n]) => n > 0)
      .map(([part, n]) => `${part} ${n}`)
      .join(", ");
    rows.push(["articles", `${a.set} misses by part`, String(a.expected - a.found), by || "-"]);
  }
  for (const [s, ms] of Object.entries(r.ms)) rows.push([s, "time", `${ms} ms`, ""]);
  const widths = rows[0].map((_, c) => Math.max(...rows.map((row) => row[c].length)));
  return `bench: ${r.bench}\n${rows
    .map((row) =>
      row
        .map((cell, c) => cell.padEnd(widths[c]))
        .join("  ")
        .trimEnd(),
    )
    .join("\n")}\n`;
}

function stripMisses(r: Results): unknown {
  return {
    ...r,
    petr2: r.petr2 ? { ...r.petr2, misses: r.petr2.misses.length } : undefined,
    petr2Raw: r.petr2Raw ? { ...r.petr2Raw, misses: r.petr2Raw.misses.length } : undefined,
    plover: r.plover ? { ...r.plover, misses: r.plover.misses.length } : undefined,
    geo: r.geo
      ? { ...r.geo, misses: r.geo.misses.length, falsePositives: r.geo.falsePositives.length, farOff: r.geo.farOff.length }
      : undefined,
    articles: r.articles?.map((a) => ({ ...a, misses: a.misses.length })),
  };
}

/** Misses, one block per sentence, to help tuning the dictionaries. */
function writeErrors(path: string, r: Results): void {
  const out: string[] = [];
  if (r.petr2) {
    out.push(`# PETR2 misses (${r.petr2.misses.length})`);
    for (const m of r.petr2.misses) {
      out.push(
        `${m.id}\tgold roots ${m.goldRoots.join(",") || "-"}\tours ${m.ourRoots.join(",") || "-"}\tgold actors ${m.goldActors.join(",") || "-"}\tours ${m.ourActors.join(",") || "-"}`,
      );
      out.push(`  ${m.text}`);
      for (const e of m.events) out.push(`  > ${e}`);
    }
  }
  if (r.plover) {
    out.push(`# PLOVER misses (${r.plover.misses.length})`);
    for (const m of r.plover.misses) {
      out.push(`${m.id}\tgold ${m.gold}\tours ${m.ours.join(",") || "-"}`);
      out.push(`  ${m.text}`);
      for (const e of m.events) out.push(`  > ${e}`);
    }
  }
  for (const a of r.articles ?? []) {
    // Held-out misses are not listed: the holdout set must not be tuned on.
    if (a.set !== "dev") continue;
    out.push(`# articles/${a.set} misses (${a.misses.length})`);
    for (const m of a.misses) out.push(`${m.article}\t${m.reason}\t${JSON.stringify(m.expected)}`);
  }
  writeFileSync(path, `${out.join("\n")}\n`);
}
