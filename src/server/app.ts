import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import fastifyStatic from "@fastify/static";
import Fastify, { type FastifyInstance } from "fastify";
import { defaultExtractor, type Extractor } from "../runtime/extractor.js";
import { PROJECT_ROOT } from "../runtime/paths.js";
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

  extractRoutes(app, { extractor: options.extractor ?? defaultExtractor, maxBytes: options.maxExtractBytes ?? DEFAULT_MAX_EXTRACT_BYTES });
  docsRoutes(app);
  if (options.store) {
    eventRoutes(app, options.store);
    documentRoutes(app, options.store);
    actorRoutes(app, options.store);
    seriesRoutes(app, options.store);
    exportRoutes(app, options.store);
  }

  const webDir = options.webDir === undefined ? WEB_DIST : options.webDir;
  const index = webDir && existsSync(join(webDir, "index.html")) ? readFileSync(join(webDir, "index.html"), "utf8") : null;
  if (webDir && index !== null) {
    await app.register(fastifyStatic, { root: webDir, wildcard: false, index: false, maxAge: "1h", preCompressed: true });
    app.get("/", (_req, reply) => reply.type("text/html; charset=utf-8").header("cache-control", "no-cache").send(index));
  } else {
    app.get("/", (_req, reply) =>
      reply
        .type("text/plain; charset=utf-8")
        .send("Sitrep API. The web UI is not built: run `npm run build:web`. API documentation: /api/docs\n"),
    );
  }

  app.setNotFoundHandler((request, reply) => {
    const path = request.url.split("?")[0];
    if (path.startsWith("/api/") || request.method !== "GET" || index === null)
      return sendProblem(reply, problem(404, `no such resource: ${request.method} ${path}`, path));
    // Any other GET is a page of the single-page UI.
    return reply.type("text/html; charset=utf-8").header("cache-control", "no-cache").send(index);
  });
  return app;
}
