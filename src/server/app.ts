import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import fastifyStatic from "@fastify/static";
import Fastify, { type FastifyInstance, type FastifyReply } from "fastify";
import { defaultExtractor, type Extractor } from "../runtime/extractor.js";
import { PROJECT_ROOT } from "../runtime/paths.js";
import { createAggregates } from "./aggregates.js";
import { createResultCache } from "./cache.js";
import { installCompression } from "./compress.js";
import { installErrorHandler, problem, sendProblem } from "./problem.js";
import type { Store } from "../store/index.js";
import { actorRoutes } from "./routes/actors.js";
import { docsRoutes } from "./routes/docs.js";
import { documentRoutes } from "./routes/documents.js";
import { eventRoutes } from "./routes/events.js";
import { exportRoutes } from "./routes/export.js";
import { seriesRoutes } from "./routes/series.js";
import { extractRoutes } from "./routes/extract.js";

export const WEB_DIST = join(PROJECT_ROOT, "web", "dist");
/** Largest article POST /api/extract accepts (bytes); larger bodies get 413. */
export const DEFAULT_MAX_EXTRACT_BYTES = 512 * 1024;

/**
 * The UI's content security policy: scripts only from this server, no inline script and no
 * plugins, so even markup that reached the DOM could not run. (Inline style attributes carry
 * the type colours.)
 */
export const UI_CSP =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'";

export interface ServerOptions {
  /** The store the query endpoints read; without one only /api/extract and the docs are served. */
  readonly store?: Store;
  /** Lazily built so that a server that never extracts never loads the dictionaries. */
  readonly extractor?: () => Extractor;
  /** Directory of the built UI; null serves the API only. */
  readonly webDir?: string | null;
  readonly maxExtractBytes?: number;
  readonly logger?: boolean;
}

/** Builds the Fastify app (routes, error handling, static UI) without listening: tests use app.inject. */
export async function buildServer(options: ServerOptions = {}): Promise<FastifyInstance> {
  const app = Fastify({
    logger: options.logger ?? false,
    bodyLimit: 1024 * 1024,
    routerOptions: { ignoreTrailingSlash: true, maxParamLength: 500 },
    // Malformed URLs and over-long ids are the client's fault: problem JSON, like every other error.
    frameworkErrors: (error, request, reply) => {
      const status = typeof error.statusCode === "number" && error.statusCode < 500 ? error.statusCode : 400;
      return sendProblem(reply, problem(status, error.message, request.url.split("?")[0]));
    },
  });
  installErrorHandler(app);
  installCompression(app);
  app.addHook("onSend", async (_request, reply, payload) => {
    reply.header("x-content-type-options", "nosniff");
    return payload;
  });

  extractRoutes(app, { extractor: options.extractor ?? defaultExtractor, maxBytes: options.maxExtractBytes ?? DEFAULT_MAX_EXTRACT_BYTES });
  docsRoutes(app);
  if (options.store) {
    eventRoutes(app, options.store);
    documentRoutes(app, options.store);
    const cache = createResultCache(options.store);
    const agg = createAggregates(options.store);
    app.addHook("onClose", async () => agg.close());
    actorRoutes(app, agg, cache);
    seriesRoutes(app, options.store, agg, cache);
    exportRoutes(app, options.store);
  }

  const webDir = options.webDir === undefined ? WEB_DIST : options.webDir;
  const hasUi = webDir !== null && existsSync(join(webDir, "index.html"));
  // index.html is read on each request (it is small) so a rebuilt UI is served without a restart.
  const sendIndex = async (reply: FastifyReply) =>
    reply
      .type("text/html; charset=utf-8")
      .header("cache-control", "no-cache")
      .header("content-security-policy", UI_CSP)
      .send(await readFile(join(webDir as string, "index.html"), "utf8"));
  if (hasUi) {
    await app.register(fastifyStatic, { root: webDir, wildcard: true, index: false, maxAge: "1h", preCompressed: true });
    app.get("/", (_req, reply) => sendIndex(reply));
  } else {
    app.get("/", (_req, reply) =>
      reply
        .type("text/plain; charset=utf-8")
        .send("Sitrep API. The web UI is not built: run `npm run build:web`. API documentation: /api/docs\n"),
    );
  }

  app.setNotFoundHandler((request, reply) => {
    const path = request.url.split("?")[0];
    if (path.startsWith("/api/") || path.startsWith("/assets/") || request.method !== "GET" || !hasUi)
      return sendProblem(reply, problem(404, `no such resource: ${request.method} ${path}`, path));
    // Any other GET is a page of the single-page UI.
    return sendIndex(reply);
  });
  return app;
}

/**
 * Fills the aggregate cache for the unfiltered charts, network and actor list in the background,
 * one query at a time, so that the first visitor of those views on a large store does not wait.
 */
export async function warmUp(app: FastifyInstance): Promise<void> {
  for (const url of [
    "/api/series?metric=events&interval=week",
    "/api/series?metric=killed&interval=week",
    "/api/series?metric=quantity&role=troops",
    "/api/network?limit=50",
    "/api/actors?limit=200",
    "/api/places",
  ]) {
    await app.inject({ url });
    await new Promise((resolve) => setTimeout(resolve, 50)); // let waiting requests in between
  }
}
