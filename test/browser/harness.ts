import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import type { FastifyInstance } from "fastify";
import { chromium, type Browser } from "playwright-core";
import { buildServer, WEB_DIST } from "../../src/server/app.js";
import { fixtureStore } from "../../src/server/test-support.js";
import type { Store } from "../../src/store/index.js";

export const ROOT = resolve(import.meta.dirname, "..", "..");
export const SHOTS = join(ROOT, "test-output", "browser");
export const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

function newestMtime(dir: string): number {
  let newest = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    newest = Math.max(newest, e.isDirectory() ? newestMtime(p) : statSync(p).mtimeMs);
  }
  return newest;
}

/** Builds the UI when web/dist is missing or older than the sources in web/src. */
export function ensureWebBuilt(): void {
  const index = join(WEB_DIST, "index.html");
  if (existsSync(index) && statSync(index).mtimeMs >= newestMtime(join(ROOT, "web", "src"))) return;
  execFileSync(
    process.execPath,
    [join(ROOT, "node_modules", "vite", "bin", "vite.js"), "build", join(ROOT, "web"), "--logLevel", "error"],
    {
      cwd: ROOT,
      stdio: "inherit",
    },
  );
}

export interface Harness {
  readonly base: string;
  readonly browser: Browser;
  readonly app: FastifyInstance;
  readonly store: Store;
  close(): Promise<void>;
}

/** The real server on a random port over a temporary SQLite file with the fixture corpus ingested, and a headless Chromium. */
export async function startHarness(): Promise<Harness> {
  ensureWebBuilt();
  mkdirSync(SHOTS, { recursive: true });
  const dir = mkdtempSync(join(tmpdir(), "sitrep-browser-"));
  const store = await fixtureStore(join(dir, "sitrep.db"));
  const app = await buildServer({ store });
  const address = await app.listen({ port: 0, host: "127.0.0.1" });
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
    // playwright gives every launch a fresh temporary profile (user data dir) of its own.
  });
  return {
    base: address,
    browser,
    app,
    store,
    async close() {
      await browser.close();
      await app.close();
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
