import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { z } from "zod";
import type { Event } from "../model/annotations.js";

/** Expected events of a team-written article (test/articles/<set>/<name>.json). */
const ExpectedSchema = z.object({
  published: z.string().nullable(),
  events: z.array(
    z.object({
      type: z.string(),
      sources: z.array(z.string().length(3)),
      targets: z.array(z.string().length(3)),
      date: z.string().optional(),
      killed: z.number().optional(),
      injured: z.number().optional(),
    }),
  ),
});
type Expected = z.infer<typeof ExpectedSchema>["events"][number];

export interface ArticleScore {
  readonly set: string;
  readonly articles: number;
  readonly expected: number;
  /** Expected events matched on type, actor countries, date and counts. */
  readonly found: number;
  /** Expected events whose type appears in the article's events at all. */
  readonly typeFound: number;
  readonly recall: number;
  readonly typeRecall: number;
  readonly extracted: number;
  readonly misses: readonly { article: string; expected: Expected; reason: MissReason }[];
  /** Misses by the part that failed (see `missReason`). */
  readonly missedBy: Readonly<Record<MissReason, number>>;
}

/** The parts of an expected event a match checks besides its type. */
export const MATCH_PARTS = ["source", "target", "date", "counts"] as const;
export type MatchPart = (typeof MATCH_PARTS)[number];

function matches(e: Event, x: Expected, ignore: MatchPart | null = null): boolean {
  if (e.type !== x.type) return false;
  const src = new Set(e.sources.map((a) => a.country));
  const tgt = new Set(e.targets.map((a) => a.country));
  if (ignore !== "source" && x.sources.length > 0 && !x.sources.some((c) => src.has(c))) return false;
  if (ignore !== "target" && x.targets.length > 0 && !x.targets.some((c) => tgt.has(c))) return false;
  if (ignore !== "date" && x.date !== undefined && e.date?.value !== x.date) return false;
  if (ignore !== "counts" && x.killed !== undefined && e.killed?.value !== x.killed) return false;
  if (ignore !== "counts" && x.injured !== undefined && e.injured?.value !== x.injured) return false;
  return true;
}

/**
 * Why an expected event was missed, as a score (no text): "type" when no event has its type, the one part whose
 * check alone failed for some event of that type, else "several".
 */
function missReason(events: readonly Event[], x: Expected): MissReason {
  if (!events.some((e) => e.type === x.type)) return "type";
  for (const part of MATCH_PARTS) {
    const near = events.filter((e) => matches(e, x, part));
    if (near.length === 0) continue;
    // An actor part is "missing" when the near events name no country on that side at all.
    const side = (e: Event) => (part === "source" ? e.sources : e.targets);
    if ((part === "source" || part === "target") && near.every((e) => !side(e).some((a) => a.country !== null))) return `${part} missing`;
    return part;
  }
  return "several";
}

type MissReason = MatchPart | "source missing" | "target missing" | "type" | "several";

/**
 * Scores event recall on team-written articles: each expected event must be matched by a
 * distinct extracted event (type; a source and a target country where given; date; counts).
 */
export function scoreArticles(
  dir: string,
  set: string,
  extract: (text: string, published: string | null) => readonly Event[],
): ArticleScore {
  const base = join(dir, set);
  if (!existsSync(base)) throw new Error(`no article set at ${base}`);
  const names = readdirSync(base)
    .filter((f) => f.endsWith(".txt"))
    .map((f) => f.slice(0, -4))
    .sort();
  let expected = 0;
  let found = 0;
  let typeFound = 0;
  let extracted = 0;
  const misses: { article: string; expected: Expected; reason: MissReason }[] = [];
  const missedBy: Record<MissReason, number> = {
    type: 0,
    source: 0,
    "source missing": 0,
    target: 0,
    "target missing": 0,
    date: 0,
    counts: 0,
    several: 0,
  };
  for (const name of names) {
    const gold = ExpectedSchema.parse(JSON.parse(readFileSync(join(base, `${name}.json`), "utf8")));
    const events = extract(readFileSync(join(base, `${name}.txt`), "utf8"), gold.published);
    extracted += events.length;
    const used = new Set<number>();
    for (const x of gold.events) {
      expected++;
      if (events.some((e) => e.type === x.type)) typeFound++;
      const i = events.findIndex((e, k) => !used.has(k) && matches(e, x));
      if (i >= 0) {
        used.add(i);
        found++;
      } else {
        const reason = missReason(events, x);
        misses.push({ article: name, expected: x, reason });
        missedBy[reason]++;
      }
    }
  }
  return {
    set,
    articles: names.length,
    expected,
    found,
    typeFound,
    recall: expected ? found / expected : 0,
    typeRecall: expected ? typeFound / expected : 0,
    extracted,
    misses,
    missedBy,
  };
}
