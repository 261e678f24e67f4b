import type { Event } from "../model/annotations.js";
import type { Extraction } from "../model/extraction.js";
import type { MergedEventRow, StoredDocument } from "../store/index.js";
import { addDays, dateInterval } from "../store/merge.js";
import type { DocumentDetail, EventSummary } from "./schemas.js";

const num = (v: number | null | undefined): number | null => (v === null || v === undefined ? null : Number(v));

/** The store's interval of a date value, plus the weekend of an ISO week ("2024-W04-WE"). */
export function dateSpan(value: string, precision: string | null): { start: string; end: string } | null {
  const iv = dateInterval(value, precision);
  if (iv) return iv;
  const we = /^(\d{4}-W\d{2})-WE$/.exec(value);
  if (we) {
    const week = dateInterval(we[1], "week");
    if (week) return { start: addDays(week.start, 5), end: addDays(week.start, 6) };
  }
  return null;
}

/** A merged_events row as the API shows it. */
export function eventSummary(r: MergedEventRow): EventSummary {
  const iv = r.date ? dateSpan(r.date, r.date_precision) : null;
  const killedMin = num(r.killed_min);
  const injuredMin = num(r.injured_min);
  return {
    id: r.id,
    type: r.type as EventSummary["type"],
    mode: r.mode,
    cameo: r.cameo,
    acled: r.acled,
    date: r.date ? { value: r.date, precision: r.date_precision, start: iv?.start ?? null, end: iv?.end ?? null } : null,
    country: r.country,
    place:
      r.place_id || r.location || r.lat !== null
        ? { id: r.place_id, name: r.location, lat: num(r.lat), lon: num(r.lon), precision: r.geo_precision }
        : null,
    actor1: r.actor1 ? { name: r.actor1, id: r.actor1_id, country: r.actor1_country } : null,
    actor2: r.actor2 ? { name: r.actor2, id: r.actor2_id, country: r.actor2_country } : null,
    killed: killedMin === null ? null : { min: killedMin, max: num(r.killed_max) ?? killedMin },
    injured: injuredMin === null ? null : { min: injuredMin, max: num(r.injured_max) ?? injuredMin },
    modality: r.modality,
    historical: Number(r.historical) === 1,
    confidence: Number(r.confidence),
    sourceCount: Number(r.source_count),
    mentionCount: Number(r.mention_count),
    firstReport: r.first_report,
    lastReport: r.last_report,
    evidence: r.evidence,
  };
}

/** A stored document as the API shows it: the text and an Extraction whose spans index into it. */
export function documentDetail(d: StoredDocument): DocumentDetail {
  const L = d.layers as Partial<Record<string, unknown[]>> & { sitrep?: string };
  const merged: Record<string, string | null> = {};
  const events = d.events.map(({ mergedId, ...e }) => {
    const ev = e as unknown as Event;
    merged[ev.id] = mergedId;
    return ev;
  });
  const extraction: Extraction = {
    sitrep: L.sitrep ?? "",
    pipeline: d.pipeline,
    document: {
      id: d.id,
      length: d.text.length,
      published: { value: d.published, source: d.publishedSource as Extraction["document"]["published"]["source"] },
    },
    sentences: (L.sentences ?? []) as Extraction["sentences"],
    mentions: (L.mentions ?? []) as Extraction["mentions"],
    entities: (L.entities ?? []) as Extraction["entities"],
    places: (L.places ?? []) as Extraction["places"],
    times: (L.times ?? []) as Extraction["times"],
    quantities: (L.quantities ?? []) as Extraction["quantities"],
    events: events.sort((a, b) => a.evidence.start - b.evidence.start || a.trigger.start - b.trigger.start),
    anomalies: (L.anomalies ?? []) as Extraction["anomalies"],
    notes: (L.notes ?? []) as Extraction["notes"],
  };
  return {
    id: d.id,
    title: d.title,
    url: d.url,
    outlet: d.outlet,
    published: d.published,
    origin: d.origin,
    length: d.text.length,
    text: d.text,
    extraction,
    merged,
  };
}
