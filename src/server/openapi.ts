import { z } from "zod";
import { SITREP_VERSION } from "../model/extraction.js";
import { ExtractionSchema } from "../model/schema.js";
import { buildOpenApi, type Endpoint } from "./openapi-builder.js";
import { ExtractRequestSchema, HtmlTextSchema } from "./routes/extract.js";
import { STORE_COMPONENTS, STORE_ENDPOINTS } from "./schemas.js";

export const ProblemSchema = z.object({
  type: z.string(),
  title: z.string(),
  status: z.number().int(),
  detail: z.string().optional(),
  instance: z.string().optional(),
  errors: z.array(z.object({ parameter: z.string(), message: z.string() })).optional(),
});

const problem = (description: string) => ({ description, schema: "Problem" });

export const ENDPOINTS: readonly Endpoint[] = [
  ...STORE_ENDPOINTS,
  {
    method: "post",
    path: "/api/extract",
    operationId: "extract",
    summary: "Extract events, actors, places, times and numbers from one article",
    description: "Nothing is stored. Send JSON {text, published?} or the bare text as text/plain (then ?published=YYYY-MM-DD).",
    tag: "extract",
    body: { schema: ExtractRequestSchema, textPlain: true, description: "the article text" },
    responses: {
      200: { description: "the extraction", schema: "Extraction" },
      400: problem("empty text, bad date or malformed JSON"),
      413: problem("the article is larger than the limit"),
      415: problem("the content type is neither application/json nor text/plain"),
    },
  },
  {
    method: "post",
    path: "/api/html-text",
    operationId: "htmlText",
    summary: "The article text and metadata of a saved web page (text/html body), for extraction",
    description: "The page is parsed on the server with the ingest reader (Readability); nothing is stored and nothing in it runs.",
    tag: "extract",
    body: { schema: z.string(), contentType: "text/html", description: "the HTML page" },
    responses: {
      200: { description: "the text and metadata", schema: HtmlTextSchema },
      400: problem("an empty body"),
      413: problem("the page is larger than the limit"),
      415: problem("the content type is not text/html"),
      422: problem("the page has no article text"),
    },
  },
  {
    method: "get",
    path: "/api/openapi.json",
    operationId: "openapi",
    summary: "This OpenAPI 3.1 document",
    tag: "meta",
    responses: { 200: { description: "the document", schema: z.object({ openapi: z.string() }).loose() } },
  },
  {
    method: "get",
    path: "/api/docs",
    operationId: "docs",
    summary: "A readable page listing the endpoints",
    tag: "meta",
    responses: { 200: { description: "an HTML page", contentType: "text/html", schema: z.string() } },
  },
];

let cached: ReturnType<typeof buildOpenApi> | undefined;
export function openApiDocument(): ReturnType<typeof buildOpenApi> {
  cached ??= buildOpenApi(
    {
      title: "Sitrep API",
      version: SITREP_VERSION,
      description:
        "News text about conflict and diplomacy as sourced, PLOVER-coded events: query the store, export it, or extract one article.",
    },
    ENDPOINTS,
    { Problem: ProblemSchema, Extraction: ExtractionSchema, ...STORE_COMPONENTS },
  );
  return cached;
}
