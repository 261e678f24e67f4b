import type { FastifyInstance } from "fastify";
import { z } from "zod";
import type { Extractor } from "../../runtime/extractor.js";
import { isIsoDate } from "../../stages/published/index.js";
import { badRequest, fromZod } from "../problem.js";

export const ExtractRequestSchema = z.object({
  text: z.string().refine((t) => t.trim().length > 0, "the text is empty"),
  published: z.string().refine(isIsoDate, "not a valid date (YYYY-MM-DD)").nullable().optional(),
  id: z.string().max(200).optional(),
});

/** POST /api/extract: JSON {text, published?} or a text/plain body in, the extraction out. Oversize bodies get 413. */
export function extractRoutes(app: FastifyInstance, opts: { extractor: () => Extractor; maxBytes: number }): void {
  app.post("/api/extract", { bodyLimit: opts.maxBytes }, async (request) => {
    let body: unknown = request.body;
    if (typeof body === "string") {
      const q = request.query as Record<string, unknown>;
      body = { text: body, ...(typeof q.published === "string" ? { published: q.published } : {}) };
    }
    if (body === undefined || body === null) throw badRequest('send JSON {"text": "...", "published": "YYYY-MM-DD"} or a text/plain body');
    const parsed = ExtractRequestSchema.safeParse(body);
    if (!parsed.success) throw fromZod(parsed.error, "body");
    const { text, published, id } = parsed.data;
    if (text.includes("\u0000")) throw badRequest("the text contains NUL bytes; send text, not binary data");
    return opts.extractor().extract({ text, published: published ?? null, ...(id !== undefined ? { id } : {}) });
  });
}
