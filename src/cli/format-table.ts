import type { Event } from "../model/annotations.js";
import type { Extraction } from "../model/extraction.js";

function actors(list: Event["sources"]): string {
  if (list.length === 0) return "-";
  return list.map((a) => (a.country && !a.name.includes(a.country) ? `${a.name} (${a.country})` : a.name)).join(", ");
}

function count(label: string, c: Event["killed"]): string | null {
  if (!c) return null;
  const q = c.qualifier === "exact" ? "" : `${c.qualifier.replace("_", " ")} `;
  return `${label} ${q}${c.value}${c.max !== undefined ? `-${c.max}` : ""}`;
}

function oneLine(s: string, max = 160): string {
  const t = s.replace(/\s+/g, " ").trim();
  return t.length > max ? `${t.slice(0, max - 1)}…` : t;
}

/** Human-readable report: one block per event with its evidence sentence, then anomalies. */
export function formatTable(x: Extraction): string {
  const out: string[] = [];
  const pub = x.document.published;
  out.push(
    `Published: ${pub.value ?? "unknown"} (${pub.source})   sentences: ${x.sentences.length}   events: ${x.events.length}   anomalies: ${x.anomalies.length}`,
  );
  out.push("");
  x.events.forEach((e, i) => {
    const date = e.date ? `${e.date.value}${e.date.basis === "publication" ? " (pub.)" : ""}` : "no date";
    const flags = [e.modality !== "asserted" ? e.modality : null, e.historical ? "historical" : null].filter(Boolean).join(", ");
    out.push(
      `${String(i + 1).padStart(3)}. ${date.padEnd(18)} ${e.type.padEnd(9)} ${actors(e.sources)} -> ${actors(e.targets)}${flags ? `  [${flags}]` : ""}  conf ${e.confidence.toFixed(2)}`,
    );
    const details = [
      e.place
        ? `place: ${e.place.name}${e.place.country ? ` (${e.place.country})` : ""}${e.place.relation === "near" || e.place.relation === "part" ? " (near)" : ""}`
        : null,
      count("killed", e.killed),
      count("injured", e.injured),
      ...e.quantities
        .filter((q) => q.role !== "killed" && q.role !== "injured")
        .map(
          (q) =>
            `${q.role}: ${q.from !== undefined ? `${q.from} -> ` : ""}${q.qualifier === "exact" ? "" : `${q.qualifier.replace("_", " ")} `}${q.value}`,
        ),
      e.attribution ? `said by: ${e.attribution.name}` : null,
      e.cameo ? `CAMEO ${e.cameo}` : null,
      e.acled ? `ACLED ${e.acled}` : null,
    ].filter((d): d is string => d !== null);
    if (details.length) out.push(`     ${details.join(" | ")}`);
    out.push(`     "${oneLine(e.evidence.text)}"`);
  });
  if (x.anomalies.length) {
    out.push("");
    out.push("Anomalies:");
    for (const a of x.anomalies) {
      out.push(
        `  - ${a.kind} at ${a.start}-${a.end} "${oneLine(a.text, 60)}": ${a.message}${a.suggestion ? ` (suggest: ${a.suggestion})` : ""}`,
      );
    }
  }
  return `${out.join("\n")}\n`;
}
