import type { FastifyInstance } from "fastify";
import type { ResultCache } from "../cache.js";
import type { Aggregates } from "../aggregates.js";
import type { Pair } from "../queries.js";
import {
  ActorsQuerySchema,
  NetworkQuerySchema,
  PlacesQuerySchema,
  toStoreFilter,
  type Actors,
  type Network,
  type Places,
} from "../schemas.js";
import { parse } from "../validate.js";

/** GET /api/actors, GET /api/network (who acts on whom) and GET /api/places. */
export function actorRoutes(app: FastifyInstance, agg: Aggregates, cache: ResultCache): void {
  app.get("/api/actors", async (request): Promise<Actors> => {
    const q = parse(ActorsQuerySchema, request.query, "query");
    const rows = await cache.get(`actors:${JSON.stringify(q)}`, () =>
      agg.actors({ ...(q.country ? { country: q.country } : {}), ...(q.q ? { q: q.q } : {}), limit: q.limit }),
    );
    return {
      actors: rows.map((r) => ({
        id: r.entityId ?? `name:${r.key}`,
        entityId: r.entityId,
        name: r.name,
        country: r.country,
        sector: r.sector,
        events: r.events,
        asSource: r.asSource,
        asTarget: r.asTarget,
      })),
    };
  });

  app.get("/api/network", async (request): Promise<Network> => {
    const q = parse(NetworkQuerySchema, request.query, "query");
    return cache.get(`network:${JSON.stringify(q)}`, async () => buildNetwork(await agg.actorPairs(toStoreFilter(q), 5000), q.limit));
  });

  app.get("/api/places", async (request): Promise<Places> => {
    const q = parse(PlacesQuerySchema, request.query, "query");
    return cache.get(`places:${JSON.stringify(q)}`, async () => ({ places: await agg.placesWithEvents(toStoreFilter(q), q.limit) }));
  });
}

/** Keeps the `limit` most active actors and the edges among them; an edge's colour is its most frequent type. */
export function buildNetwork(pairs: readonly Pair[], limit: number): Network {
  const key = (a: { id: string | null; name: string }) => a.id ?? `name:${a.name.toLowerCase()}`;
  const nodes = new Map<string, { id: string; name: string; country: string | null; events: number }>();
  const edges = new Map<string, { source: string; target: string; count: number; types: Record<string, number> }>();
  for (const p of pairs) {
    const s = key(p.source);
    const t = key(p.target);
    for (const [k, a] of [
      [s, p.source],
      [t, p.target],
    ] as const) {
      const n = nodes.get(k) ?? { id: k, name: a.name, country: a.country, events: 0 };
      n.events += p.events;
      nodes.set(k, n);
    }
    if (s === t) continue;
    const ek = `${s}\u0000${t}`;
    const e = edges.get(ek) ?? { source: s, target: t, count: 0, types: {} };
    e.count += p.events;
    e.types[p.type] = (e.types[p.type] ?? 0) + p.events;
    edges.set(ek, e);
  }
  const kept = [...nodes.values()].sort((a, b) => b.events - a.events || a.id.localeCompare(b.id)).slice(0, limit);
  const ids = new Set(kept.map((n) => n.id));
  return {
    nodes: kept,
    edges: [...edges.values()]
      .filter((e) => ids.has(e.source) && ids.has(e.target))
      .sort((a, b) => b.count - a.count)
      .map((e) => ({ ...e, dominant: Object.entries(e.types).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0][0] })),
  };
}
