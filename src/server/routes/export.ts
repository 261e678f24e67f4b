import { PassThrough } from "node:stream";
import type { FastifyInstance } from "fastify";
import { toCsv, toGeoJson, toGexf, toJsonl, type Store } from "../../store/index.js";
import { ExportQuerySchema, toStoreFilter } from "../schemas.js";
import { parse } from "../validate.js";

const FORMATS = {
  csv: { fn: toCsv, type: "text/csv; charset=utf-8", ext: "csv" },
  jsonl: { fn: toJsonl, type: "application/x-ndjson; charset=utf-8", ext: "jsonl" },
  geojson: { fn: toGeoJson, type: "application/geo+json; charset=utf-8", ext: "geojson" },
  gexf: { fn: toGexf, type: "application/gexf+xml; charset=utf-8", ext: "gexf" },
} as const;

/** GET /api/export?format=csv|jsonl|geojson|gexf: the matching events, streamed with back-pressure. */
export function exportRoutes(app: FastifyInstance, store: Store): void {
  app.get("/api/export", async (request, reply) => {
    const q = parse(ExportQuerySchema, request.query, "query");
    const f = FORMATS[q.format];
    const stream = new PassThrough();
    const sink = (chunk: string): void | Promise<void> => {
      if (stream.destroyed) throw new Error("client went away");
      if (!stream.write(chunk)) return new Promise<void>((resolve) => stream.once("drain", resolve));
    };
    const filter = { ...toStoreFilter(q), ...(q.limit !== undefined ? { limit: q.limit } : {}) };
    f.fn(store, filter, sink).then(
      () => stream.end(),
      (e: unknown) => {
        request.log.error({ err: e }, "export failed");
        stream.destroy(e instanceof Error ? e : new Error(String(e)));
      },
    );
    return reply.type(f.type).header("content-disposition", `attachment; filename="sitrep-events.${f.ext}"`).send(stream);
  });
}
