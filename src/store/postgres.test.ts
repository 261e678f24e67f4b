import pg from "pg";
import { afterAll, describe } from "vitest";
import { runStoreContract } from "./contract.js";
import { openStore } from "./index.js";

/**
 * The same storage contract on PostgreSQL. Runs when SITREP_TEST_PG is a server URL whose
 * user may create databases, e.g. SITREP_TEST_PG=postgres://postgres@127.0.0.1:5432/test
 * (each store gets a fresh database, dropped at the end).
 */
const admin = process.env.SITREP_TEST_PG;
const created: string[] = [];

describe.skipIf(!admin)("postgres", () => {
  afterAll(async () => {
    const c = new pg.Client({ connectionString: admin });
    await c.connect();
    for (const name of created) await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await c.end();
  });
  runStoreContract("postgres", async () => {
    const name = `sitrep_contract_${process.pid}_${created.length}`;
    const c = new pg.Client({ connectionString: admin });
    await c.connect();
    await c.query(`DROP DATABASE IF EXISTS ${name}`);
    await c.query(`CREATE DATABASE ${name}`);
    await c.end();
    created.push(name);
    const url = new URL(admin!);
    url.pathname = `/${name}`;
    return openStore(url.href);
  });
});
