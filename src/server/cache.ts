import { sql } from "kysely";
import type { Store } from "../store/index.js";

/**
 * A small memo for the aggregate endpoints (series, network, places, actors), which scan the
 * whole table on a large store. An entry is valid while the database is unchanged: on SQLite
 * `PRAGMA data_version` changes whenever another connection (an ingest) commits; PostgreSQL
 * has no such counter, so entries there live for a short time instead.
 */
export interface ResultCache {
  get<T>(key: string, compute: () => Promise<T>): Promise<T>;
}

const MAX_ENTRIES = 200;
const POSTGRES_TTL_MS = 30_000;

export function createResultCache(store: Store): ResultCache {
  const entries = new Map<string, { version: string; at: number; value: Promise<unknown> }>();
  const version = async (): Promise<string> => {
    if (store.dialect !== "sqlite") return "pg";
    const r = await sql<{ data_version: number }>`PRAGMA data_version`.execute(store.db);
    return String(r.rows[0]?.data_version ?? 0);
  };
  return {
    async get<T>(key: string, compute: () => Promise<T>): Promise<T> {
      const v = await version();
      const hit = entries.get(key);
      const fresh = hit && hit.version === v && (store.dialect === "sqlite" || Date.now() - hit.at < POSTGRES_TTL_MS);
      if (hit && fresh) {
        entries.delete(key);
        entries.set(key, hit); // most recently used last
        return hit.value as Promise<T>;
      }
      const value = compute();
      entries.set(key, { version: v, at: Date.now(), value });
      value.catch(() => entries.delete(key));
      while (entries.size > MAX_ENTRIES) entries.delete(entries.keys().next().value as string);
      return value;
    },
  };
}
