import type { FastifyInstance } from "fastify";
import { getDocument, queryDocuments, type Store } from "../../store/index.js";
import { documentDetail } from "../convert.js";
import { notFound } from "../problem.js";
import { DocumentsQuerySchema, IdParamSchema, type DocumentDetail, type Documents } from "../schemas.js";
import { parse } from "../validate.js";

/** GET /api/documents (a list) and GET /api/documents/:id (the stored text and every annotation layer). */
export function documentRoutes(app: FastifyInstance, store: Store): void {
  app.get("/api/documents", async (request): Promise<Documents> => {
    const q = parse(DocumentsQuerySchema, request.query, "query");
    const rows = await queryDocuments(store, {
      ...(q.q ? { q: q.q } : {}),
      ...(q.outlet ? { outlet: q.outlet } : {}),
      ...(q.from ? { from: q.from } : {}),
      ...(q.to ? { to: q.to } : {}),
      limit: q.limit,
      offset: q.offset,
    });
    return {
      documents: rows.map((r) => ({
        id: r.id,
        title: r.title,
        outlet: r.outlet,
        url: r.url,
        published: r.published,
        origin: r.origin,
        length: Number(r.length),
        events: r.events,
      })),
    };
  });

  app.get("/api/documents/:id", async (request): Promise<DocumentDetail> => {
    const { id } = parse(IdParamSchema, request.params, "path");
    const doc = await getDocument(store, id);
    if (!doc) throw notFound(`no document with id "${id}"`);
    return documentDetail(doc);
  });
}
