import type { Published } from "../../model/annotations.js";
import type { Stage } from "../../pipeline/stage.js";

export const PUBLISHED_STAGE = "published.v1";

const MONTHS: Record<string, number> = {
  jan: 1,
  january: 1,
  feb: 2,
  february: 2,
  mar: 3,
  march: 3,
  apr: 4,
  april: 4,
  may: 5,
  jun: 6,
  june: 6,
  jul: 7,
  july: 7,
  aug: 8,
  august: 8,
  sep: 9,
  sept: 9,
  september: 9,
  oct: 10,
  october: 10,
  nov: 11,
  november: 11,
  dec: 12,
  december: 12,
};

/**
 * Dateline at the head of the article: "AMMAN, Jan. 31 (Reuters) --", "BAGHDAD, 4 January 2024 -",
 * "KYIV, Ukraine, March 3, 2024 —". Only the first 200 characters are examined and every
 * quantifier is bounded, so the expression cannot backtrack on long input.
 */
const DATELINE =
  /^\s{0,20}([A-Z][A-Za-z .'/-]{1,40}(?:,\s{0,3}[A-Z][A-Za-z .'-]{1,40})?),\s{0,3}(?:(\d{1,2})\s{1,3}([A-Za-z]{3,9})\.?|([A-Za-z]{3,9})\.?\s{1,3}(\d{1,2}))(?:,?\s{1,3}(\d{4}))?\s{0,3}(?:\([^)\n]{1,40}\)\s{0,3})?(?:--|—|–|-|:)/;

export function isIsoDate(value: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (mo < 1 || mo > 12 || d < 1) return false;
  return d <= new Date(Date.UTC(y, mo, 0)).getUTCDate();
}

function iso(y: number, m: number, d: number): string {
  return `${String(y).padStart(4, "0")}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
}

/**
 * Publication date: the caller's `published` wins; otherwise a dateline at the head of
 * the text; then metadata (HTML meta, feed item); otherwise none. The year of a dateline
 * without one comes from the metadata date when there is one.
 */
export function createPublishedStage(): Stage<"published"> {
  return {
    name: PUBLISHED_STAGE,
    requires: [],
    provides: ["published"],
    run(doc) {
      const { published, metadataPublished } = doc.input;
      if (published) {
        if (!isIsoDate(published)) throw new RangeError(`published date "${published}" is not a valid YYYY-MM-DD date`);
        return { published: { value: published, source: "argument" } };
      }
      const meta = metadataPublished && isIsoDate(metadataPublished) ? metadataPublished : null;
      const head = doc.text.slice(0, 200);
      const m = DATELINE.exec(head);
      if (m) {
        const day = Number(m[2] ?? m[5]);
        const month = MONTHS[(m[3] ?? m[4]).toLowerCase()];
        const year = m[6] ? Number(m[6]) : meta ? Number(meta.slice(0, 4)) : null;
        if (month && year && day >= 1 && isIsoDate(iso(year, month, day))) {
          const value: Published = { value: iso(year, month, day), source: "dateline", start: m.index, end: m.index + m[0].length };
          return { published: value };
        }
      }
      if (meta) return { published: { value: meta, source: "metadata" } };
      return {
        published: { value: null, source: "none" },
        notes: [{ stage: PUBLISHED_STAGE, message: "no publication date: relative times are left unresolved" }],
      };
    },
  };
}
