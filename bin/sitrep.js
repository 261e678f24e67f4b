#!/usr/bin/env node
// Runs the compiled CLI (built by `npm ci` / `npm run build` through the prepare script).
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";

const entry = new URL("../dist/cli/main.js", import.meta.url);
if (!existsSync(fileURLToPath(entry))) {
  process.stderr.write("sitrep: not built yet; run `npm run build` (npm ci does it for you)\n");
  process.exit(2);
}
await import(entry.href);
