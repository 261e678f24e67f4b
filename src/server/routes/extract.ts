import type { FastifyInstance } from "fastify";
import { z } from "zod";
import type { Extractor } from "../../runtime/extractor.js";
import { isIsoDate } from "../../stages/published/index.js";
import { readHtml } from "../../ingest/index.js";
import { badRequest, fromZod, HttpProblem } from "../problem.js";

export const ExtractRequestSchema = z.object({
  text: z.string().refine((t) => t.trim().length > 0, "the text is empty"),
  published: z.string().refine(isIsoDate, "not a valid date (YYYY-MM-DD)").nullable().optional(),
  id: z.string().max(200).optional(),
});

export const HtmlTextSchema = z.object({
  text: z.string(),
  title: z.string().nullable(),
  published: z.string().nullable(),
  outlet: z.string().nullable(),
  url: z.string().nullable(),
});

/** POST /api/extract: JSON {text, published?} or a text/plain body in, the extraction out. Oversize bodies get 413. */
export function extractRoutes(app: FastifyInstance, opts: { extractor: () => Extractor; maxBytes: number }): void {
  app.post("/api/extract", { bodyLimit: opts.maxBytes }, async (request) => {
    let body: unknown = request.body;
    if (/^text\/html/i.test(request.headers["content-type"] ?? ""))
      throw new HttpProblem(415, "send a web page to /api/html-text first; /api/extract takes JSON or text/plain");
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

  // POST /api/html-text: a saved web page in, its article text and metadata out (the same
  // reader as `sitrep ingest`; the page is parsed on the server, never rendered).
  app.addContentTypeParser("text/html", { parseAs: "string", bodyLimit: opts.maxBytes * 8 }, (_req, body, done) => done(null, body));
  app.post("/api/html-text", { bodyLimit: opts.maxBytes * 8 }, async (request) => {
    const html = request.body;
    if (typeof html !== "string" || html.trim() === "") throw badRequest("send the page as a text/html body");
    try {
      const a = readHtml(html);
      return { text: a.text, title: a.title, published: a.published, outlet: a.outlet, url: a.url };
    } catch (e) {
      // NoArticleText (not exported by the ingest index): a page with nothing to read.
      if (e instanceof Error && e.name === "NoArticleText") throw new HttpProblem(422, "the page has no article text");
      throw e;
    }
  });
}
