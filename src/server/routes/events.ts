import type { FastifyInstance } from "fastify";
import { countEvents, explainEvent, getEvent, queryEvents, type Store } from "../../store/index.js";
import { eventSummary } from "../convert.js";
import { notFound } from "../problem.js";
import { memberEvents } from "../queries.js";
import { EventsQuerySchema, IdParamSchema, toStoreFilter, type EventDetail, type EventsPage } from "../schemas.js";
import { parse } from "../validate.js";
import type { Event } from "../../model/annotations.js";

/** GET /api/events (filtered, sorted, paged, with the total) and GET /api/events/:id (sources, evidence, merge explanation). */
export function eventRoutes(app: FastifyInstance, store: Store): void {
  app.get("/api/events", async (request): Promise<EventsPage> => {
    const q = parse(EventsQuerySchema, request.query, "query");
    const filter = toStoreFilter(q);
    const [rows, total] = await Promise.all([
      queryEvents(store, { ...filter, sort: q.sort, limit: q.limit, offset: q.offset }),
      countEvents(store, filter),
    ]);
    return { total, limit: q.limit, offset: q.offset, sort: q.sort, events: rows.map(eventSummary) };
  });

  app.get("/api/events/:id", async (request): Promise<EventDetail> => {
    const { id } = parse(IdParamSchema, request.params, "path");
    const [event, explanation, members] = await Promise.all([getEvent(store, id), explainEvent(store, id), memberEvents(store, id)]);
    if (!event || !explanation) throw notFound(`no event with id "${id}"`);
    const actors = await store.db
      .selectFrom("merged_actors")
      .select(["role", "name", "entity_id", "country", "sector"])
      .where("merged_id", "=", id)
      .execute();
    const data = new Map(members.map((m) => [m.id, { localId: m.local_id, event: JSON.parse(m.data) as Event }]));
    const features = new Map(explanation.members.map((m) => [m.eventId, m.features]));
    const details = JSON.parse(event.details) as { killed?: EventDetail["numbers"]["killed"]; injured?: EventDetail["numbers"]["injured"] };
    const sources = event.sources.flatMap((s) => {
      const d = data.get(s.eventId);
      if (!d) return [];
      return [
        {
          eventId: s.eventId,
          localId: d.localId,
          document: { id: s.docId, title: s.title, outlet: s.outlet, url: s.url, published: s.published },
          score: s.score,
          features: (features.get(s.eventId) ?? {}) as EventDetail["sources"][number]["features"],
          event: d.event,
        },
      ];
    });
    return {
      event: eventSummary(event),
      actors: actors.map((a) => ({ role: a.role, name: a.name, entityId: a.entity_id, country: a.country, sector: a.sector })),
      sources,
      numbers: { killed: details.killed ?? [], injured: details.injured ?? [] },
      explanation: explain(
        explanation.members.length,
        new Set(sources.map((s) => s.document.id)).size,
        explanation.members,
        explanation.splits,
      ),
    };
  });
}

/** The merge decision in words: how many reports, and for each later report which features matched the first. */
function explain(
  reports: number,
  articles: number,
  members: readonly { outlet: string | null; score: number; features: Readonly<Record<string, { match: string; detail: string }>> }[],
  splits: number,
): string {
  if (reports <= 1) return "Reported once: nothing was merged.";
  const lines = [`${reports} reports from ${articles} article${articles === 1 ? "" : "s"} describe this event.`];
  for (const m of members) {
    const f = Object.entries(m.features);
    if (f.length === 0) continue;
    const parts = f.map(([k, v]) => `${k} ${v.match}${v.detail ? ` (${v.detail})` : ""}`);
    lines.push(`${m.outlet ?? "A report"} matched with score ${m.score.toFixed(2)}: ${parts.join("; ")}.`);
  }
  if (splits > 0) lines.push(`${splits} pair${splits === 1 ? " was" : "s were"} split apart by a user and are kept separate.`);
  return lines.join(" ");
}
