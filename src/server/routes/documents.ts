import type { FastifyInstance } from "fastify";
import { getDocument, type Store } from "../../store/index.js";
import { documentDetail } from "../convert.js";
import { notFound } from "../problem.js";
import { IdParamSchema, type DocumentDetail } from "../schemas.js";
import { parse } from "../validate.js";

/** GET /api/documents/:id: the stored text and every annotation layer. */
export function documentRoutes(app: FastifyInstance, store: Store): void {
  app.get("/api/documents/:id", async (request): Promise<DocumentDetail> => {
    const { id } = parse(IdParamSchema, request.params, "path");
    const doc = await getDocument(store, id);
    if (!doc) throw notFound(`no document with id "${id}"`);
    return documentDetail(doc);
  });
}
