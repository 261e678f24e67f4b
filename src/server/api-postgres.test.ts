import { randomBytes } from "node:crypto";
import pg from "pg";
import { afterAll } from "vitest";
import { runApiSuite } from "./api-suite.js";
import { fixtureStore } from "./test-support.js";

/**
 * The API suite on PostgreSQL: the local server (127.0.0.1:5432, database `test`, as the store's
 * own PostgreSQL tests) unless SITREP_TEST_PG names another; a fresh database, dropped at the end.
 */
const admin = process.env.SITREP_TEST_PG ?? "postgres://postgres@127.0.0.1:5432/test";
const name = `sitrep_api_${randomBytes(4).toString("hex")}`;

afterAll(async () => {
  const c = new pg.Client({ connectionString: admin });
  await c.connect();
  await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await c.end();
});

runApiSuite("PostgreSQL", async () => {
  const c = new pg.Client({ connectionString: admin });
  await c.connect();
  try {
    await c.query(`CREATE DATABASE ${name}`);
  } finally {
    await c.end();
  }
  const url = new URL(admin);
  url.pathname = `/${name}`;
  return fixtureStore(url.href);
});
