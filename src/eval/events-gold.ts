import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { Event } from "../model/annotations.js";

/** What the event scorers need from the extractor: the events of one sentence with its date. */
export type EventExtract = (text: string, date: string) => readonly Event[];

export interface PRF {
  tp: number;
  fp: number;
  fn: number;
  p: number;
  r: number;
  f1: number;
}

export function prf(tp: number, fp: number, fn: number): PRF {
  const p = tp + fp === 0 ? 0 : tp / (tp + fp);
  const r = tp + fn === 0 ? 0 : tp / (tp + fn);
  const f1 = p + r === 0 ? 0 : (2 * p * r) / (p + r);
  return { tp, fp, fn, p, r, f1 };
}

export class GoldMissingError extends Error {
  override name = "GoldMissingError";
}

export function readGold(benchDir: string, ...parts: string[]): string {
  const path = join(benchDir, ...parts);
  if (!existsSync(path)) throw new GoldMissingError(`gold file not found: ${path} (give the bench directory with --bench)`);
  return readFileSync(path, "utf8");
}

/** "20080804", "2008-08-04" or "121108" (YYMMDD) -> ISO "YYYY-MM-DD"; null when it is none of these. */
export function isoDate(raw: string): string | null {
  const d = raw.replace(/-/g, "");
  if (/^\d{8}$/.test(d)) return `${d.slice(0, 4)}-${d.slice(4, 6)}-${d.slice(6, 8)}`;
  if (/^\d{6}$/.test(d)) return `${Number(d.slice(0, 2)) < 70 ? "20" : "19"}${d.slice(0, 2)}-${d.slice(2, 4)}-${d.slice(4, 6)}`;
  return null;
}
