import { promisify } from "node:util";
import { gzip as gzipCb, constants } from "node:zlib";
import type { FastifyInstance } from "fastify";

const gzip = promisify(gzipCb);
const MIN_BYTES = 4096;

/**
 * Gzips larger JSON answers for clients that accept it (a page of events or a timeline
 * shrinks about tenfold). Static UI files are served pre-compressed by @fastify/static;
 * streams (exports) are left alone.
 */
export function installCompression(app: FastifyInstance): void {
  app.addHook("onSend", async (request, reply, payload) => {
    if (typeof payload !== "string" || Buffer.byteLength(payload) < MIN_BYTES) return payload;
    const type = String(reply.getHeader("content-type") ?? "");
    if (!/json|javascript|html/.test(type) || reply.getHeader("content-encoding")) return payload;
    const accept = String(request.headers["accept-encoding"] ?? "");
    reply.header("vary", "accept-encoding");
    if (!/\bgzip\b/.test(accept)) return payload;
    reply.header("content-encoding", "gzip");
    reply.removeHeader("content-length");
    return gzip(payload, { level: 4, strategy: constants.Z_DEFAULT_STRATEGY });
  });
}
