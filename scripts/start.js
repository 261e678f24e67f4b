#!/usr/bin/env node
// `npm start`: (after `npm run build` and `npm run build:web`, which the npm script runs first)
// ingests examples/ into ./sitrep.db when the database has no documents, then serves the API
// and the UI at http://localhost:8080. SITREP_DB, PORT and HOST override the defaults.
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
const bin = fileURLToPath(new URL("../bin/sitrep.js", import.meta.url));
const db = process.env.SITREP_DB ?? "sitrep.db";
const port = process.env.PORT ?? "8080";
const host = process.env.HOST ?? "127.0.0.1";

function run(args) {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [bin, ...args], { cwd: root, stdio: "inherit" });
    child.on("exit", (code, signal) => resolve(signal ? 1 : (code ?? 1)));
  });
}

const { openStore, storeStats } = await import(new URL("../dist/store/index.js", import.meta.url).href);
const store = await openStore(db);
const { documents } = await storeStats(store);
await store.close();

if (documents === 0) {
  const examples = fileURLToPath(new URL("../examples", import.meta.url));
  if (existsSync(examples)) {
    process.stdout.write(`sitrep: ${db} is empty; ingesting examples/ first\n`);
    const code = await run(["ingest", examples, "--db", db]);
    if (code !== 0 && code !== 1) process.exit(code);
  } else process.stdout.write("sitrep: no examples/ folder to ingest; starting with an empty database\n");
}

const child = spawn(process.execPath, [bin, "serve", "--db", db, "--port", port, "--host", host], { cwd: root, stdio: "inherit" });
for (const sig of ["SIGINT", "SIGTERM"]) process.on(sig, () => child.kill(sig));
child.on("exit", (code) => process.exit(code ?? 0));
