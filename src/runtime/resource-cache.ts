import { createHash } from "node:crypto";
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { PROJECT_ROOT } from "./paths.js";

/**
 * A cache of loaded resources, so that a fresh process (`sitrep extract` on one article) does not
 * parse, validate and index the data files again: `npm run build` loads every resource from its
 * sources (validating it as always) and writes it as JSON to `dist/resource-cache/`; later loads
 * read that JSON without validating it again.
 *
 * A cached file is named by a hash of everything its content depends on: the resource's data (names
 * and bytes of every file in its data directories), the code that reads and indexes them (every file
 * of the running code's stages/, runtime/, model/ and pipeline/ directories: dist/ when built, src/
 * under tsx) and the locked package versions. Any change to those gives another name, so a stale or missing file is
 * never read: the resource is loaded from its sources instead. A file that cannot be read or decoded
 * is treated the same way.
 */

/** "use" (default): read the cache if it has the resource; "off": always load from the sources; "write": load from the sources and write the cache. */
export type ResourceCacheMode = "use" | "off" | "write";

export interface ResourceCacheOptions {
  readonly mode: ResourceCacheMode;
  /** Defaults to dist/resource-cache/ in the project. */
  readonly dir?: string;
}

export const DEFAULT_CACHE_DIR = join(PROJECT_ROOT, "dist", "resource-cache");
/** Bumped when the way resources are encoded changes. */
const FORMAT = "1";
/** The directory of the running code (dist/ or src/). */
const CODE_ROOT = dirname(dirname(fileURLToPath(import.meta.url)));
const CODE_DIRS = ["stages", "runtime", "model", "pipeline"];

let codeHash: string | undefined;
/** Hash of the running code that reads and indexes resources (tests excluded), and of the locked dependencies. */
function codeFingerprint(): string {
  if (codeHash !== undefined) return codeHash;
  const h = createHash("sha256");
  const walk = (dir: string): void => {
    for (const name of readdirSync(dir).sort()) {
      const p = join(dir, name);
      if (statSync(p).isDirectory()) walk(p);
      else if (/\.(?:js|ts|json)$/.test(name) && !/\.test\.[jt]s$/.test(name)) {
        h.update(relative(CODE_ROOT, p));
        h.update("\0");
        h.update(readFileSync(p));
        h.update("\0");
      }
    }
  };
  for (const d of CODE_DIRS) walk(join(CODE_ROOT, d));
  h.update(readFileSync(join(PROJECT_ROOT, "package-lock.json")));
  codeHash = h.digest("hex");
  return codeHash;
}

function cacheKey(name: string, dataDir: string, dirs: readonly string[]): string {
  const h = createHash("sha256");
  h.update(`${FORMAT}\0${name}\0${codeFingerprint()}\0`);
  const walk = (rel: string): void => {
    const abs = join(dataDir, rel);
    if (!statSync(abs).isDirectory()) {
      h.update(rel);
      h.update("\0");
      h.update(readFileSync(abs));
      h.update("\0");
      return;
    }
    for (const entry of readdirSync(abs).sort()) walk(join(rel, entry));
  };
  for (const d of dirs) walk(d);
  return h.digest("hex").slice(0, 32);
}

export interface CachedResource<T> {
  /** Cache file stem ("places"). */
  readonly name: string;
  /**
   * The data directories (or files) the resource is made from, relative to the data directory: every
   * file in them counts, so a file the loader starts reading is covered without a change here.
   */
  readonly data: readonly string[];
  /** Loads the resource from its data files, validating them. */
  load(): T;
  /** The resource as JSON-compatible data, and back (`decode(JSON.parse(JSON.stringify(encode(x))))` must equal `x`). */
  encode(value: T): unknown;
  decode(data: unknown): T;
}

/** Loads a resource through the cache (see the top of this file). */
export function cachedResource<T>(dataDir: string, options: ResourceCacheOptions | undefined, spec: CachedResource<T>): T {
  const mode = options?.mode ?? "use";
  if (mode === "off") return spec.load();
  const dir = options?.dir ?? DEFAULT_CACHE_DIR;
  let key: string;
  try {
    key = cacheKey(spec.name, dataDir, spec.data);
  } catch {
    return spec.load(); // a data file is missing or unreadable: the loader reports it
  }
  const file = join(dir, `${spec.name}-${key}.json`);
  if (mode === "use") {
    let text: string | undefined;
    try {
      text = readFileSync(file, "utf8");
    } catch {
      // not cached
    }
    if (text !== undefined) {
      try {
        return spec.decode(JSON.parse(text));
      } catch {
        // unreadable: load from the sources
      }
    }
    return spec.load();
  }
  const value = spec.load();
  mkdirSync(dir, { recursive: true });
  for (const old of readdirSync(dir))
    if (old.startsWith(`${spec.name}-`) && old !== `${spec.name}-${key}.json`) rmSync(join(dir, old), { force: true });
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, JSON.stringify(spec.encode(value)));
  renameSync(tmp, file);
  return value;
}
