import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gunzipSync, gzipSync } from "node:zlib";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ExtractionSchema } from "../model/schema.js";
import type { Store } from "../store/index.js";
import { buildServer } from "./app.js";
import { ENDPOINTS } from "./openapi.js";
import { validateOpenApi31 } from "./openapi-validate.js";
import {
  ActorsSchema,
  DocumentDetailSchema,
  DocumentsSchema,
  EventDetailSchema,
  EventsPageSchema,
  NetworkSchema,
  PlacesSchema,
  SeriesSchema,
} from "./schemas.js";

/**
 * The API test suite, run on every storage dialect (api.test.ts: SQLite; api-postgres.test.ts:
 * PostgreSQL): every endpoint in process through app.inject, the 400/404/413 cases, the
 * OpenAPI document. `open` returns a store with the fixture corpus ingested.
 */
export function runApiSuite(dialect: string, open: () => Promise<Store>): void {
  let store: Store;
  let app: FastifyInstance;

  beforeAll(async () => {
    store = await open();
    app = await buildServer({ store, webDir: null, maxExtractBytes: 4096 });
  });
  afterAll(async () => {
    await app?.close();
    await store?.close();
  });

  const get = (url: string) => app.inject({ method: "GET", url });

  function expectProblem(res: Awaited<ReturnType<typeof get>>, status: number): Record<string, unknown> {
    expect(res.statusCode, res.body).toBe(status);
    expect(res.headers["content-type"]).toMatch(/^application\/problem\+json/);
    const body = res.json() as Record<string, unknown>;
    expect(body.status).toBe(status);
    expect(typeof body.title).toBe("string");
    return body;
  }

  describe(`API on ${dialect}`, () => {
    describe("OpenAPI", () => {
      it("is a valid OpenAPI 3.1 document", async () => {
        const res = await get("/api/openapi.json");
        expect(res.statusCode).toBe(200);
        const doc = res.json();
        expect(doc.openapi).toBe("3.1.0");
        expect(validateOpenApi31(doc)).toEqual([]);
      });

      it("the validator catches a broken document", () => {
        expect(
          validateOpenApi31({ openapi: "3.1.0", info: { title: "x" }, paths: { "/a": { get: { responses: 5 } } } }).length,
        ).toBeGreaterThan(0);
        expect(
          validateOpenApi31({
            openapi: "3.1.0",
            info: { title: "x", version: "1" },
            paths: {
              "/a": {
                get: {
                  responses: {
                    200: { description: "ok", content: { "application/json": { schema: { $ref: "#/components/schemas/Nope" } } } },
                  },
                },
              },
            },
          }),
        ).toEqual([expect.stringContaining("does not point at a component")]);
      });

      it("documents every route the server has, and the server answers every documented route", async () => {
        const doc = (await get("/api/openapi.json")).json() as { paths: Record<string, Record<string, unknown>> };
        for (const e of ENDPOINTS) {
          const path = e.path.replace(/:([A-Za-z_]+)/g, "{$1}");
          expect(doc.paths[path]?.[e.method], `${e.method} ${path}`).toBeDefined();
          if (e.method === "get") {
            const url = e.path.replace(":id", "does-not-exist") + (e.path === "/api/export" ? "?format=csv" : "");
            expect((await get(url)).statusCode, url).not.toBe(500);
          }
        }
      });

      it("serves a docs page that lists the endpoints with DOM built from text", async () => {
        const res = await get("/api/docs");
        expect(res.statusCode).toBe(200);
        expect(res.headers["content-type"]).toMatch(/text\/html/);
        const js = await get("/api/docs.js");
        expect(js.body).toContain("textContent");
        expect(js.body).not.toContain("innerHTML");
      });
    });

    describe("GET /api/events", () => {
      it("pages, counts and sorts", async () => {
        const all = EventsPageSchema.parse((await get("/api/events?limit=1000")).json());
        expect(all.total).toBeGreaterThan(5);
        expect(all.events.length).toBe(all.total);
        const page = EventsPageSchema.parse((await get("/api/events?limit=3&offset=2")).json());
        expect(page.total).toBe(all.total);
        expect(page.events.map((e) => e.id)).toEqual(all.events.slice(2, 5).map((e) => e.id));
        const asc = EventsPageSchema.parse((await get("/api/events?sort=date&limit=1000")).json());
        const dates = asc.events.map((e) => e.date?.value ?? "");
        expect(dates).toEqual([...dates].sort());
      });

      it("filters by type, date range, modality and historical", async () => {
        const assault = EventsPageSchema.parse((await get("/api/events?type=ASSAULT&limit=1000")).json());
        expect(assault.total).toBeGreaterThan(0);
        expect(assault.events.every((e) => e.type === "ASSAULT")).toBe(true);
        const two = EventsPageSchema.parse((await get("/api/events?type=assault,coerce&limit=1000")).json());
        expect(two.events.every((e) => e.type === "ASSAULT" || e.type === "COERCE")).toBe(true);
        expect(two.total).toBeGreaterThan(assault.total);
        const march = EventsPageSchema.parse((await get("/api/events?from=2024-03-01&to=2024-03-31&limit=1000")).json());
        expect(march.total).toBeGreaterThan(0);
        expect(march.events.every((e) => e.date!.value >= "2024-03" && e.date!.value <= "2024-03-31")).toBe(true);
        const asserted = EventsPageSchema.parse((await get("/api/events?modality=asserted&historical=false&limit=1000")).json());
        expect(asserted.events.every((e) => e.modality === "asserted" && !e.historical)).toBe(true);
      });

      it("gives month-precision dates their whole interval", async () => {
        const all = EventsPageSchema.parse((await get("/api/events?limit=1000")).json());
        const month = all.events.find((e) => e.date?.precision === "month");
        if (month) {
          expect(month.date!.start).toMatch(/-01$/);
          expect(month.date!.end! > month.date!.start!).toBe(true);
        }
        const day = all.events.find((e) => e.date?.precision === "day")!;
        expect(day.date!.start).toBe(day.date!.end);
      });

      it.each([
        ["type=FOO", "type"],
        ["from=2024-13-01", "from"],
        ["from=yesterday", "from"],
        ["to=2024-02-30", "to"],
        ["sort=random", "sort"],
        ["limit=0", "limit"],
        ["limit=abc", "limit"],
        ["limit=100000", "limit"],
        ["offset=-1", "offset"],
        ["country=Ukraine", "country"],
        ["modality=sure", "modality"],
        ["historical=maybe", "historical"],
        ["minConfidence=2", "minConfidence"],
      ])("rejects %s with a 400 naming the parameter", async (query, parameter) => {
        const body = expectProblem(await get(`/api/events?${query}`), 400);
        expect((body.errors as { parameter: string }[])[0].parameter).toBe(parameter);
      });

      it.each([
        'q="',
        "q=*",
        "q=NEAR(a b)",
        "q=%25",
        "actor=%25",
        "actor=_",
        "place='; drop table events; --",
        "offset=9999999",
        "type=ASSAULT&type=COERCE",
      ])("never fails with a 500 on odd input: %s", async (query) => {
        const res = await get(`/api/events?${query}`);
        expect(res.statusCode, res.body).toBe(200);
        EventsPageSchema.parse(res.json());
      });
    });

    describe("GET /api/events/:id and /api/documents/:id", () => {
      it("shows an event with its sources, evidence spans and the merge explanation", async () => {
        const all = EventsPageSchema.parse((await get("/api/events?sort=sources&limit=1")).json());
        const res = await get(`/api/events/${all.events[0].id}`);
        expect(res.statusCode).toBe(200);
        const d = EventDetailSchema.parse(res.json());
        expect(d.sources.length).toBeGreaterThanOrEqual(1);
        expect(d.explanation.length).toBeGreaterThan(10);
        for (const s of d.sources) {
          const doc = DocumentDetailSchema.parse((await get(`/api/documents/${s.document.id}`)).json());
          // The evidence span points at the evidence text in the stored article.
          expect(doc.text.slice(s.event.evidence.start, s.event.evidence.end)).toBe(s.event.evidence.text);
          expect(doc.text.slice(s.event.trigger.start, s.event.trigger.end)).toBe(s.event.trigger.text);
          expect(doc.merged[s.localId]).toBe(d.event.id);
        }
      });

      it("returns a document whose annotations index into its text", async () => {
        const all = EventsPageSchema.parse((await get("/api/events?limit=1")).json());
        const d = EventDetailSchema.parse((await get(`/api/events/${all.events[0].id}`)).json());
        const doc = DocumentDetailSchema.parse((await get(`/api/documents/${d.sources[0].document.id}`)).json());
        ExtractionSchema.parse(doc.extraction);
        for (const a of [...doc.extraction.mentions, ...doc.extraction.times, ...doc.extraction.places, ...doc.extraction.quantities])
          expect(doc.text.slice(a.start, a.end)).toBe(a.text);
      });

      it("lists documents and searches them", async () => {
        const all = DocumentsSchema.parse((await get("/api/documents")).json());
        expect(all.documents.length).toBeGreaterThanOrEqual(5);
        const found = DocumentsSchema.parse((await get("/api/documents?q=Kharkiv")).json());
        expect(found.documents.length).toBeGreaterThanOrEqual(1);
        expect(found.documents.length).toBeLessThan(all.documents.length);
        expectProblem(await get("/api/documents?limit=0"), 400);
        expectProblem(await get("/api/documents?from=May"), 400);
      });

      it("404s unknown ids", async () => {
        expectProblem(await get("/api/events/ev_nope"), 404);
        expectProblem(await get("/api/documents/nope"), 404);
        expectProblem(await get(`/api/documents/${"x".repeat(400)}`), 400);
        expectProblem(await get(`/api/documents/${"x".repeat(4000)}`), 414);
        expectProblem(await get("/api/events/%E0%A4%A"), 400);
        expectProblem(await get("/api/events/a%00b"), 400);
        expectProblem(await get("/api/documents/a%00b"), 400);
        expectProblem(await get("/api/nothing-here"), 404);
      });
    });

    describe("odd input never causes a 500", () => {
      const ODD = [
        "",
        "x",
        "-1",
        "0",
        "1e309",
        "NaN",
        "%00",
        "'",
        '"',
        "2024-99-99",
        "ASSAULT,,",
        "*",
        "x".repeat(1000),
        "%E2%82%AC",
        "[object Object]",
      ];
      it("for every parameter of every GET endpoint", async () => {
        const failures: string[] = [];
        for (const e of ENDPOINTS.filter((x) => x.method === "get" && x.query)) {
          for (const param of Object.keys(e.query!.shape)) {
            for (const v of ODD) {
              const url = `${e.path}?${param}=${v.startsWith("%") ? v : encodeURIComponent(v)}${e.path === "/api/export" && param !== "format" ? "&format=csv" : ""}`;
              const res = await get(url);
              if (res.statusCode >= 500) failures.push(`${url}: ${res.statusCode} ${res.body.slice(0, 200)}`);
              else if (res.statusCode >= 400) expect(res.headers["content-type"], url).toMatch(/problem\+json/);
            }
          }
        }
        expect(failures).toEqual([]);
      });
    });

    describe("actors, network, places, series", () => {
      it("answers with the documented shapes", async () => {
        ActorsSchema.parse((await get("/api/actors")).json());
        NetworkSchema.parse((await get("/api/network?type=ASSAULT")).json());
        const places = PlacesSchema.parse((await get("/api/places")).json());
        for (const p of places.places) expect(p.events).toBeGreaterThan(0);
        const ev = SeriesSchema.parse((await get("/api/series?metric=events&interval=week")).json());
        expect(ev.series.length).toBeGreaterThan(0);
        // Counted events add up to the dated events (vague ones are spread in fractions).
        const counted = ev.series.flatMap((s) => s.points).reduce((a, p) => a + p.value, 0);
        const dated = EventsPageSchema.parse((await get("/api/events?limit=1000")).json()).events.filter((e) => e.date?.start).length;
        expect(counted).toBeCloseTo(dated, 1);
        SeriesSchema.parse((await get("/api/series?metric=killed&interval=month")).json());
        SeriesSchema.parse((await get("/api/series?metric=quantity&role=troops")).json());
      });

      it("rejects bad parameters", async () => {
        expectProblem(await get("/api/actors?country=12"), 400);
        expectProblem(await get("/api/actors?limit=-4"), 400);
        expectProblem(await get("/api/series?metric=nope"), 400);
        expectProblem(await get("/api/series?interval=fortnight"), 400);
        expectProblem(await get("/api/network?limit=100000"), 400);
        expectProblem(await get("/api/places?type=NOPE"), 400);
      });
    });

    describe("GET /api/export", () => {
      it("exports CSV, JSON lines, GeoJSON and GEXF", async () => {
        const total = EventsPageSchema.parse((await get("/api/events?type=ASSAULT")).json()).total;
        const csv = await get("/api/export?format=csv&type=ASSAULT");
        expect(csv.headers["content-type"]).toMatch(/text\/csv/);
        expect(csv.body.split("\n")[0]).toMatch(/^event_id,event_date/);
        const jsonl = await get("/api/export?format=jsonl&type=ASSAULT");
        const lines = jsonl.body.trim().split("\n");
        expect(lines.length).toBe(total);
        for (const l of lines) JSON.parse(l);
        const geo = (await get("/api/export?format=geojson")).json();
        expect(geo.type).toBe("FeatureCollection");
        const gexf = await get("/api/export?format=gexf");
        expect(gexf.body).toMatch(/^<\?xml/);
        expect(gexf.headers["content-disposition"]).toMatch(/attachment/);
      });

      it("rejects unknown or missing formats", async () => {
        expectProblem(await get("/api/export?format=pdf"), 400);
        expectProblem(await get("/api/export"), 400);
      });
    });

    describe("POST /api/extract", () => {
      const post = (payload: string | object, contentType = "application/json", url = "/api/extract") =>
        app.inject({
          method: "POST",
          url,
          payload: typeof payload === "string" ? payload : JSON.stringify(payload),
          headers: { "content-type": contentType },
        });

      it("extracts JSON and text/plain bodies", async () => {
        const text = "KYIV, March 3, 2024 — Russian forces shelled Kharkiv on Saturday, killing five civilians.";
        const res = await post({ text, published: "2024-03-03" });
        expect(res.statusCode, res.body).toBe(200);
        const x = ExtractionSchema.parse(res.json());
        expect(x.document.length).toBe(text.length);
        for (const e of x.events) expect(text.slice(e.trigger.start, e.trigger.end)).toBe(e.trigger.text);
        const plain = await post(text, "text/plain", "/api/extract?published=2024-03-03");
        expect(plain.statusCode).toBe(200);
        expect(plain.json()).toEqual(res.json());
      });

      it("reads the article text of an HTML page for extraction", async () => {
        const html = `<html><head><title>Kharkiv shelled</title><meta property="article:published_time" content="2024-03-03T10:00:00Z">
          <script>window.x = 1</script></head><body><nav>Home</nav><article><h1>Kharkiv shelled</h1>
          <p>KYIV, March 3, 2024 — Russian forces shelled Kharkiv on Saturday, killing five civilians, regional officials said on Sunday.</p>
          <p>Ukraine's foreign minister accused Moscow of targeting residential areas and called on the United Nations to act.</p></article></body></html>`;
        const res = await post(html, "text/html", "/api/html-text");
        expect(res.statusCode, res.body).toBe(200);
        const r = res.json() as { text: string; title: string; published: string };
        expect(r.text).toContain("Russian forces shelled Kharkiv");
        expect(r.text).not.toContain("window.x");
        expect(r.published).toBe("2024-03-03");
        expectProblem(await post("   ", "text/html", "/api/html-text"), 400);
        expectProblem(await post("<html><body></body></html>", "text/html", "/api/html-text"), 422);
        expectProblem(await post("<p>" + "x".repeat(40000) + "</p>", "text/html", "/api/html-text"), 413);
      });

      it("rejects bad input with 400, 413 and 415", async () => {
        expectProblem(await post({ text: "" }), 400);
        expectProblem(await post({ text: "   \n" }), 400);
        expectProblem(await post({ nothing: 1 }), 400);
        expectProblem(await post({ text: 5 }), 400);
        expectProblem(await post({ text: "ok", published: "March" }), 400);
        expectProblem(await post("{not json", "application/json"), 400);
        expectProblem(await post("[]", "application/json"), 400);
        expectProblem(await post("null", "application/json"), 400);
        expectProblem(await post({ text: "x".repeat(5000) }), 413);
        expectProblem(await post("y".repeat(5000), "text/plain"), 413);
        expectProblem(await post("a=b", "application/x-www-form-urlencoded"), 415);
        expectProblem(await post("<p>Kharkiv</p>", "text/html"), 415);
        expectProblem(await app.inject({ method: "POST", url: "/api/extract" }), 400);
      });
    });

    describe("serving", () => {
      it("gzips larger JSON answers for clients that accept gzip", async () => {
        const res = await app.inject({ url: "/api/openapi.json", headers: { "accept-encoding": "gzip" } });
        expect(res.headers["content-encoding"]).toBe("gzip");
        expect(JSON.parse(gunzipSync(res.rawPayload).toString()).openapi).toBe("3.1.0");
        expect((await get("/api/openapi.json")).headers["content-encoding"]).toBeUndefined();
      });

      it("serves the built UI, pre-compressed assets, and index.html for other pages", async () => {
        const dir = mkdtempSync(join(tmpdir(), "sitrep-web-"));
        mkdirSync(join(dir, "assets"));
        writeFileSync(join(dir, "index.html"), "<!doctype html><title>Sitrep</title>");
        writeFileSync(join(dir, "assets", "app.js"), "console.log(1)");
        writeFileSync(join(dir, "assets", "app.js.gz"), gzipSync("console.log(1)"));
        const web = await buildServer({ webDir: dir });
        try {
          expect((await web.inject({ url: "/" })).body).toContain("<title>Sitrep</title>");
          expect((await web.inject({ url: "/some/page" })).body).toContain("<title>Sitrep</title>");
          const js = await web.inject({ url: "/assets/app.js", headers: { "accept-encoding": "gzip" } });
          expect(js.headers["content-encoding"]).toBe("gzip");
          expectProblem(await web.inject({ url: "/api/missing" }), 404);
        } finally {
          await web.close();
          rmSync(dir, { recursive: true, force: true });
        }
      });
    });

    describe("security headers", () => {
      it("sends a strict content security policy with the UI and nosniff everywhere", async () => {
        const dir = mkdtempSync(join(tmpdir(), "sitrep-web-"));
        writeFileSync(join(dir, "index.html"), "<!doctype html><title>Sitrep</title>");
        const web = await buildServer({ webDir: dir });
        try {
          const res = await web.inject({ url: "/" });
          expect(res.headers["content-security-policy"]).toContain("script-src 'self'");
          expect(res.headers["content-security-policy"]).not.toMatch(/script-src[^;]*unsafe-inline/);
          expect(res.headers["x-content-type-options"]).toBe("nosniff");
          expect((await web.inject({ url: "/api/openapi.json" })).headers["x-content-type-options"]).toBe("nosniff");
        } finally {
          await web.close();
          rmSync(dir, { recursive: true, force: true });
        }
      });
    });
  });
}
