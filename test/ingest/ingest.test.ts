import { spawn } from "node:child_process";
import { mkdtempSync, mkdirSync, rmSync, writeFileSync, openSync, ftruncateSync, writeSync, closeSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ingest } from "../../src/ingest/index.js";
import { orphanCounts, rfc7946Problems } from "../../src/store/contract.js";
import { openStore, queryDocuments, queryEvents, storeStats, type Store } from "../../src/store/index.js";

const ROOT = resolve(import.meta.dirname, "../..");
const EXAMPLES = join(ROOT, "examples");
const dir = mkdtempSync(join(tmpdir(), "sitrep-ingest-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function withStore<T>(name: string, fn: (s: Store) => Promise<T>): Promise<T> {
  const s = await openStore(join(dir, name));
  try {
    return await fn(s);
  } finally {
    await s.close();
  }
}

function noOrphans(c: Record<string, number>): void {
  expect(Object.entries(c).filter(([, n]) => n !== 0)).toEqual([]);
}

describe("ingesting the examples", () => {
  it("stores every article once; a second run adds 0 documents and 0 events", async () => {
    await withStore("examples.db", async (store) => {
      const first = await ingest(store, [EXAMPLES], { workers: 1 });
      expect(first.failed).toBe(0);
      expect(first.added).toBe(22);
      const a = await storeStats(store);
      expect(a.documents).toBe(22);
      const second = await ingest(store, [EXAMPLES], { workers: 1 });
      expect(second).toMatchObject({ added: 0, reextracted: 0, unchanged: 22, failed: 0, events: 0 });
      const b = await storeStats(store);
      expect(b).toEqual(a);
      noOrphans(await orphanCounts(store));
      // End to end with the real extractor: the reports of one strike become one event with its sources.
      const tower22 = await queryEvents(store, {
        types: ["ASSAULT"],
        country: "JOR",
        from: "2024-01-28",
        to: "2024-01-29",
        sort: "sources",
      });
      expect(tower22[0]?.source_count).toBeGreaterThanOrEqual(3);
      const baghdad = await queryEvents(store, {
        types: ["ASSAULT"],
        place: "Baghdad",
        from: "2024-01-04",
        to: "2024-01-04",
        sort: "sources",
      });
      expect(baghdad[0]?.source_count).toBeGreaterThanOrEqual(2);
      // Outlets and dates come from datelines, HTML metadata and the feed.
      const docs = await queryDocuments(store, { limit: 100 });
      expect(docs.every((d) => d.published !== null)).toBe(true);
      expect(new Set(docs.map((d) => d.outlet))).toEqual(
        new Set([
          "Euphrates Daily",
          "Capital Dispatch",
          "Tigris Post",
          "Levant Wire",
          "Gulf Observer",
          "Meridian News",
          "Northern Star",
          "Atlantic Monitor",
        ]),
      );
      // --reextract runs the pipeline again on stored documents and keeps them once.
      const again = await ingest(store, [join(EXAMPLES, "articles", "04-baghdad-strike-jan4-tigris.txt")], { workers: 0, reextract: true });
      expect(again).toMatchObject({ added: 0, reextracted: 1 });
      expect((await storeStats(store)).documents).toBe(22);
      noOrphans(await orphanCounts(store));
    });
  }, 120_000);
});

describe("bad input", () => {
  it("reports each bad file with its path and reason and stores the rest", async () => {
    const bad = join(dir, "bad");
    mkdirSync(join(bad, "sub"), { recursive: true });
    const good = (n: number) =>
      `BAGHDAD, Jan. ${n}, 2024 (Wire ${n}) -- Rockets struck a base near Baghdad on Saturday, officials said. Nobody was hurt.`;
    writeFileSync(join(bad, "good1.txt"), good(1));
    writeFileSync(join(bad, "sub", "good2.txt"), good(2));
    writeFileSync(join(bad, "empty.txt"), "");
    writeFileSync(join(bad, "binary.bin"), Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0, 0, 0, 1, 2, 3, 0xff]));
    writeFileSync(join(bad, "latin1.txt"), Buffer.from("Caf\xe9 in Mosul, strikes reported.", "latin1"));
    writeFileSync(join(bad, "broken.html"), "<html><head><title>x</title><script>var a = '<p>';</script></head><body><div></div>");
    writeFileSync(
      join(bad, "malformed.html"),
      "<html><body><div><p>Militants fired rockets at the airport in Erbil on Monday, officials said.<p>Nobody was hurt<div><b>unclosed",
    );
    writeFileSync(
      join(bad, "corpus.jsonl"),
      `${JSON.stringify({ text: good(3) })}\n{"text": "unterminated\n${JSON.stringify({ text: good(4), published: "2024-01-04" })}\n`,
    );
    // 50 MB of text: over the per-article limit, refused with the limit in the message.
    const big = join(bad, "big.txt");
    const fd = openSync(big, "w");
    ftruncateSync(fd, 0);
    const chunk = Buffer.from("The strike was reported. ".repeat(40_000));
    for (let written = 0; written < 50 * 1024 * 1024; written += chunk.length) writeSync(fd, chunk);
    closeSync(fd);

    await withStore("bad.db", async (store) => {
      const s = await ingest(store, [bad, join(dir, "does-not-exist.txt")], { workers: 0 });
      expect(s.added).toBe(5);
      const reasons = Object.fromEntries(s.failures.map((f) => [f.origin.replace(`${bad}/`, "").replace(dir + "/", ""), f.reason]));
      expect(Object.keys(reasons).sort()).toEqual([
        "big.txt",
        "binary.bin",
        "broken.html",
        "corpus.jsonl:2",
        "does-not-exist.txt",
        "empty.txt",
        "latin1.txt",
      ]);
      expect(reasons["empty.txt"]).toMatch(/empty\.txt: the input is empty/);
      expect(reasons["binary.bin"]).toMatch(/binary\.bin: looks like a binary file/);
      expect(reasons["latin1.txt"]).toMatch(/latin1\.txt: is not valid UTF-8/);
      expect(reasons["broken.html"]).toMatch(/broken\.html: no readable article text/);
      expect(reasons["corpus.jsonl:2"]).toMatch(/corpus\.jsonl:2: the line is not valid JSON/);
      expect(reasons["big.txt"]).toMatch(/big\.txt: the document has 5\d,\d{3},\d{3} characters; one article may have at most 2,000,000/);
      expect(reasons["does-not-exist.txt"]).toMatch(/cannot be read \(ENOENT\)/);
      const docs = await queryDocuments(store);
      expect(docs.map((d) => d.origin.replace(`${bad}/`, "")).sort()).toEqual([
        "corpus.jsonl:1",
        "corpus.jsonl:3",
        "good1.txt",
        "malformed.html",
        "sub/good2.txt",
      ]);
      noOrphans(await orphanCounts(store));
    });
  }, 60_000);
});

describe("ingesting URLs and feeds", () => {
  let server: Server;
  let base: string;
  beforeAll(async () => {
    server = createServer((req, res) => {
      if (req.url === "/feed.xml") {
        res.writeHead(200, { "content-type": "application/rss+xml" });
        return res.end(
          `<?xml version="1.0"?><rss version="2.0"><channel><title>Local Wire</title><item><title>One</title><link>${base}/story/1</link><pubDate>Sat, 03 Feb 2024 07:15:00 GMT</pubDate><description>Short summary of the strikes.</description></item></channel></rss>`,
        );
      }
      if (req.url === "/story/1") {
        res.writeHead(200, { "content-type": "text/html" });
        return res.end(
          `<html><head><meta property="article:published_time" content="2024-02-03"></head><body><article><p>The full story: bombers struck 85 targets in Iraq and Syria on Friday night, officials said, and 16 people were killed near al-Qaim.</p></article></body></html>`,
        );
      }
      res.writeHead(404);
      res.end();
    });
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => {
    server.closeAllConnections();
    server.close();
  });

  it("refuses a loopback URL without --allow-private", async () => {
    const s = await ingest(null, [`${base}/story/1`], { workers: 0, dryRun: true });
    expect(s.added).toBe(0);
    expect(s.failures[0].reason).toMatch(/refused: 127\.0\.0\.1 resolves to a private, loopback/);
  });

  it("stores a feed's items, and the linked pages only with --follow", async () => {
    await withStore("feed.db", async (store) => {
      const items = await ingest(store, [`${base}/feed.xml`], { workers: 0, fetch: { allowPrivate: true } });
      expect(items).toMatchObject({ added: 1, failed: 0 });
      let docs = await queryDocuments(store);
      expect(docs[0]).toMatchObject({ outlet: "Local Wire", published: "2024-02-03", url: `${base}/story/1` });
      const followed = await ingest(store, [`${base}/feed.xml`], { workers: 0, follow: true, fetch: { allowPrivate: true } });
      expect(followed).toMatchObject({ added: 1, failed: 0 });
      docs = await queryDocuments(store, { q: "bombers" });
      expect(docs).toHaveLength(1);
      expect(docs[0]).toMatchObject({ outlet: "Local Wire", title: "One", published: "2024-02-03" });
    });
  });
});

/** Runs the CLI from the sources (tsx) in a child process. */
function cli(args: string[], env: Record<string, string> = {}, input?: string) {
  const child = spawn(process.execPath, ["--import", "tsx", join(ROOT, "src/cli/main.ts"), ...args], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: [input === undefined ? "ignore" : "pipe", "pipe", "pipe"],
  });
  if (input !== undefined) child.stdin!.end(input);
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (d) => (stdout += d));
  child.stderr.on("data", (d) => (stderr += d));
  const done = new Promise<{ code: number | null; signal: string | null; stdout: string; stderr: string }>((r) =>
    child.on("close", (code, signal) => r({ code, signal, stdout, stderr })),
  );
  return { child, done };
}

describe("crash safety", () => {
  it("a SIGKILLed ingest loses no committed document, leaves no partial one, and a restart completes the batch", async () => {
    const corpus = join(dir, "kill.jsonl");
    const n = 1000;
    const lines: string[] = [];
    for (let i = 0; i < n; i++)
      lines.push(
        JSON.stringify({
          text: `BAGHDAD, Jan. ${(i % 28) + 1}, 2024 (Wire ${i % 7}) -- Report ${i}: a drone strike hit a militia site near Baghdad on Thursday, killing ${i % 9} fighters, officials said. The United States said it acted in self-defense after attacks on its troops.`,
        }),
      );
    writeFileSync(corpus, `${lines.join("\n")}\n`);
    const db = join(dir, "kill.db");
    const first = cli(["ingest", corpus, "--db", db, "--workers", "1"]);
    // Kill it once some documents are committed.
    const deadline = Date.now() + 60_000;
    let seen = 0;
    while (Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 150));
      try {
        const s = await openStore(db);
        seen = (await storeStats(s)).documents;
        await s.close();
      } catch {
        // Not created yet.
      }
      if (seen >= 5) break;
    }
    first.child.kill("SIGKILL");
    const killed = await first.done;
    expect(killed.signal).toBe("SIGKILL");
    await withStore("kill.db", async (store) => {
      const mid = await storeStats(store);
      expect(mid.documents).toBeGreaterThanOrEqual(5);
      expect(mid.documents).toBeLessThan(n);
      noOrphans(await orphanCounts(store));
    });
    const second = await cli(["ingest", corpus, "--db", db, "--workers", "1"]).done;
    expect(second.code, second.stderr).toBe(0);
    await withStore("kill.db", async (store) => {
      const end = await storeStats(store);
      expect(end.documents).toBe(n);
      const dup = await store.db
        .selectFrom("documents")
        .select((eb) => ["hash", eb.fn.countAll().as("c")])
        .groupBy("hash")
        .having((eb) => eb.fn.countAll(), ">", 1)
        .execute();
      expect(dup).toEqual([]);
      noOrphans(await orphanCounts(store));
      const unmerged = await store.db.selectFrom("events").select("id").where("merged_id", "is", null).execute();
      expect(unmerged).toEqual([]);
    });
  }, 180_000);
});

describe("command line", () => {
  it("reads standard input, and stores nothing on a dry run", async () => {
    const db = join(dir, "stdin.db");
    const text = "MOSUL, March 3, 2024 (Wire) -- Gunmen attacked a checkpoint near Mosul on Sunday, killing two soldiers, officials said.";
    const dry = await cli(["ingest", "-", "--db", db, "--dry-run"], {}, text).done;
    expect(dry.code, dry.stderr).toBe(0);
    expect(dry.stdout).toMatch(/^dry run: 1 document\(s\) read/);
    const { existsSync } = await import("node:fs");
    expect(existsSync(db)).toBe(false);
    const real = await cli(["ingest", "-", "--db", db, "--workers", "0"], {}, text).done;
    expect(real.stdout).toMatch(/1 document\(s\) read: 1 added/);
    await withStore("stdin.db", async (store) => {
      const docs = await queryDocuments(store);
      expect(docs).toMatchObject([{ origin: "standard input", outlet: "Wire", published: "2024-03-03" }]);
    });
  }, 60_000);

  it("ingests, lists, explains and exports with the same ids", async () => {
    const db = join(dir, "cli.db");
    const ing = await cli(["ingest", EXAMPLES, "--db", db, "--workers", "2"]).done;
    expect(ing.code, ing.stderr).toBe(0);
    expect(ing.stdout).toMatch(/22 document\(s\) read: 22 added/);
    expect(ing.stderr).toMatch(/ingest: 22\/22 \(100%\)/);
    const again = await cli(["ingest", EXAMPLES, "--db", db]).done;
    expect(again.stdout).toMatch(/22 document\(s\) read: 0 added, 0 re-extracted, 22 already stored, 0 failed/);

    const table = await cli(["events", "--db", db, "--format", "table", "--min-sources", "2", "--sort", "sources"]).done;
    expect(table.code, table.stderr).toBe(0);
    const firstRow = table.stdout.split("\n")[2];
    const id = firstRow.split(/\s+/)[0];
    expect(id).toMatch(/^ev_[0-9a-f]{16}$/);
    const explain = await cli(["events", "--db", db, "--explain", id]).done;
    expect(explain.stdout).toMatch(/source\(s\)/);
    expect(explain.stdout).toMatch(/date\s+(yes|partial)/);

    const ids: Record<string, string[]> = {};
    for (const format of ["csv", "jsonl", "geojson"]) {
      const out = join(dir, `export.${format}`);
      const r = await cli(["export", "--db", db, "--format", format, "--out", out]).done;
      expect(r.code, r.stderr).toBe(0);
      const { readFileSync } = await import("node:fs");
      const text = readFileSync(out, "utf8");
      if (format === "csv") {
        const { parse } = await import("csv-parse/sync");
        ids.csv = (parse(text, { columns: true }) as { event_id: string }[]).map((r) => r.event_id).sort();
      } else if (format === "jsonl")
        ids.jsonl = text
          .trim()
          .split("\n")
          .map((l) => (JSON.parse(l) as { event_id: string }).event_id)
          .sort();
      else {
        const { getIssues } = await import("@placemarkio/check-geojson");
        expect(getIssues(text)).toEqual([]);
        expect(rfc7946Problems(JSON.parse(text))).toEqual([]);
        ids.geojson = (JSON.parse(text) as { features: { id: string }[] }).features.map((f) => f.id).sort();
      }
    }
    expect(ids.csv.length).toBeGreaterThan(10);
    expect(ids.jsonl).toEqual(ids.csv);
    expect(ids.geojson).toEqual(ids.csv);

    const bad = await cli(["events", "--db", db, "--type", "BOMBING"]).done;
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/not a PLOVER type/);
    const missing = await cli(["events", "--db", join(dir, "nope.db")]).done;
    expect(missing.code).not.toBe(0);
  }, 180_000);
});
