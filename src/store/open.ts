import { existsSync } from "node:fs";
import { resolve } from "node:path";
import BetterSqlite3 from "better-sqlite3";
import { Kysely, Migrator, PostgresDialect, SqliteDialect } from "kysely";
import pg from "pg";
import { ftsRowid } from "./fts.js";
import { migrationProvider, type Dialect } from "./migrations.js";
import type { Database } from "./schema.js";

export interface Store {
  readonly db: Kysely<Database>;
  readonly dialect: Dialect;
  /** The file path or the connection URL (without password). */
  readonly location: string;
  close(): Promise<void>;
}

export interface OpenOptions {
  /** Open an existing SQLite file only; do not create one (for read-only commands). */
  readonly mustExist?: boolean;
}

export class StoreError extends Error {
  override name = "StoreError";
}

/** `--db` wins, then `SITREP_DB`, then `./sitrep.db`. */
export function defaultStoreLocation(flag?: string): string {
  return flag ?? process.env.SITREP_DB ?? "sitrep.db";
}

function isPostgresUrl(location: string): boolean {
  return /^postgres(?:ql)?:\/\//i.test(location);
}

/**
 * Opens (and migrates) a store: `postgres://...` / `postgresql://...` selects PostgreSQL,
 * anything else is a SQLite file path (":memory:" for a private in-memory database).
 */
export async function openStore(location: string, options: OpenOptions = {}): Promise<Store> {
  let store: Store;
  if (isPostgresUrl(location)) {
    const pool = new pg.Pool({ connectionString: location, max: 4 });
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
    store = { db, dialect: "postgres", location: location.replace(/\/\/[^@/]*@/, "//"), close: () => db.destroy() };
  } else {
    const path = location === ":memory:" ? location : resolve(location);
    if (options.mustExist && path !== ":memory:" && !existsSync(path))
      throw new StoreError(`no database at ${path}: run \`sitrep ingest\` first (or give --db / SITREP_DB)`);
    let raw: BetterSqlite3.Database;
    try {
      raw = new BetterSqlite3(path);
      raw.pragma("journal_mode = WAL");
      // WAL + NORMAL: a committed transaction survives a killed process (only an OS crash may lose the last ones).
      raw.pragma("synchronous = NORMAL");
      raw.pragma("foreign_keys = ON");
      raw.pragma("busy_timeout = 10000");
      // Text search probes the FTS5 table by the rowid write.ts gives each event's evidence.
      raw.function("sitrep_fts_rowid", { deterministic: true }, (id: unknown) => ftsRowid(String(id)));
    } catch (e) {
      throw new StoreError(`cannot open the database ${path}: ${(e as Error).message}`);
    }
    const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: raw }) });
    store = { db, dialect: "sqlite", location: path, close: () => db.destroy() };
  }
  await migrate(store);
  return store;
}

async function migrate(store: Store): Promise<void> {
  const migrator = new Migrator({ db: store.db, provider: migrationProvider(store.dialect) });
  const { error, results } = await migrator.migrateToLatest();
  if (error) {
    const failed = results?.find((r) => r.status === "Error")?.migrationName;
    await store.close();
    throw new StoreError(`database migration ${failed ?? ""} failed on ${store.location}: ${(error as Error).message ?? String(error)}`);
  }
}
