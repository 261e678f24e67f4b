import { parentPort, workerData } from "node:worker_threads";
import BetterSqlite3 from "better-sqlite3";
import { Kysely, SqliteDialect } from "kysely";
import { queryActors, type Database, type Store } from "../store/index.js";
import { actorPairs, countByDateAndType, killedByDate, placesWithEvents } from "./queries.js";

/**
 * The aggregate queries on their own read-only SQLite connection in a worker thread:
 * better-sqlite3 is synchronous, and a whole-table aggregate on a large store would otherwise
 * stop the server from answering anything else for seconds.
 */
const { path } = workerData as { path: string };
const raw = new BetterSqlite3(path, { readonly: true, fileMustExist: true });
raw.pragma("busy_timeout = 10000");
const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: raw }) });
const store: Store = { db, dialect: "sqlite", location: path, close: () => db.destroy() };

export type AggregateCall =
  | { readonly fn: "countByDateAndType"; readonly args: Parameters<typeof countByDateAndType>[1] }
  | { readonly fn: "killedByDate"; readonly args: Parameters<typeof killedByDate>[1] }
  | { readonly fn: "actorPairs"; readonly args: [Parameters<typeof actorPairs>[1], number] }
  | { readonly fn: "placesWithEvents"; readonly args: [Parameters<typeof placesWithEvents>[1], number] }
  | { readonly fn: "actors"; readonly args: Parameters<typeof queryActors>[1] };

async function run(call: AggregateCall): Promise<unknown> {
  switch (call.fn) {
    case "countByDateAndType":
      return countByDateAndType(store, call.args);
    case "killedByDate":
      return killedByDate(store, call.args);
    case "actorPairs":
      return actorPairs(store, ...call.args);
    case "placesWithEvents":
      return placesWithEvents(store, ...call.args);
    case "actors":
      return queryActors(store, call.args);
  }
}

parentPort!.on("message", (m: { id: number; call: AggregateCall }) => {
  run(m.call).then(
    (result) => parentPort!.postMessage({ id: m.id, result }),
    (e: unknown) => parentPort!.postMessage({ id: m.id, error: e instanceof Error ? e.message : String(e) }),
  );
});
parentPort!.postMessage({ ready: true });
