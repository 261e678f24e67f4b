import { h } from "./dom.js";
import { TYPES, typeColour } from "./format.js";
import { getJson } from "./api.js";
import type { Actors } from "../../src/server/schemas.js";

const MODALITIES = ["asserted", "reported", "planned", "future", "hypothetical", "negated"];

/** Query parameters of the API from the hash parameters (only the filters). */
export function apiFilters(params: URLSearchParams): Record<string, string> {
  const out: Record<string, string> = {};
  for (const k of ["type", "actor", "country", "from", "to", "modality", "historical", "q", "place", "minSources"]) {
    const v = params.getAll(k).filter(Boolean).join(",");
    if (v) out[k] = v;
  }
  return out;
}

/**
 * The filter bar shared by the events, map, charts and network views. Changing a filter
 * rewrites the hash query, which re-renders the view (so every state has a link).
 */
export function filterBar(view: string, params: URLSearchParams): HTMLElement {
  const current = apiFilters(params);
  const selectedTypes = new Set((current.type ?? "").split(",").filter(Boolean));
  const form = h("form", { class: "filters", "data-testid": "filters" });

  const typeBoxes = TYPES.map((t) => {
    const box = h("input", { type: "checkbox", name: "type", value: t, checked: selectedTypes.has(t) });
    return h("label", { class: "type-option" }, box, h("span", { class: "type-badge", style: `--ev:${typeColour(t)}` }, t));
  });
  const types = h(
    "details",
    { class: "type-picker" },
    h("summary", null, selectedTypes.size ? `${selectedTypes.size} type${selectedTypes.size > 1 ? "s" : ""}` : "All types"),
    h("div", { class: "type-list" }, ...typeBoxes),
  );

  const actorList = h("datalist", { id: "actor-options" });
  const actor = h("input", {
    name: "actor",
    list: "actor-options",
    value: current.actor ?? "",
    placeholder: "name, id or ISO-3",
    size: 14,
  });
  const country = h("input", {
    name: "country",
    value: current.country ?? "",
    placeholder: "UKR",
    size: 5,
    maxlength: 3,
    pattern: "[A-Za-z]{3}",
  });
  const from = h("input", { name: "from", type: "date", value: current.from ?? "" });
  const to = h("input", { name: "to", type: "date", value: current.to ?? "" });
  const modality = h(
    "select",
    { name: "modality" },
    h("option", { value: "" }, "any"),
    ...MODALITIES.map((m) => h("option", { value: m, selected: current.modality === m }, m)),
  );
  const historical = h(
    "select",
    { name: "historical" },
    h("option", { value: "" }, "included"),
    h("option", { value: "false", selected: current.historical === "false" }, "left out"),
    h("option", { value: "true", selected: current.historical === "true" }, "only"),
  );
  const q = h("input", { name: "q", type: "search", value: current.q ?? "", placeholder: "words in the evidence", size: 16 });
  const reset = h("button", { type: "button" }, "Clear");

  form.append(
    h("label", null, "Type", types),
    h("label", null, "Actor", actor, actorList),
    h("label", null, "Country", country),
    h("label", null, "From", from),
    h("label", null, "To", to),
    h("label", null, "Modality", modality),
    h("label", null, "Historical", historical),
    h("label", null, "Search", q),
    h("button", { type: "submit", class: "primary" }, "Apply"),
    reset,
  );

  const apply = () => {
    const next = new URLSearchParams();
    const chosen = typeBoxes
      .map((l) => l.querySelector("input")!)
      .filter((b) => b.checked)
      .map((b) => b.value);
    if (chosen.length) next.set("type", chosen.join(","));
    for (const [k, el] of [
      ["actor", actor],
      ["country", country],
      ["from", from],
      ["to", to],
      ["modality", modality],
      ["historical", historical],
      ["q", q],
    ] as const) {
      const v = el.value.trim();
      if (v) next.set(k, k === "country" ? v.toUpperCase() : v);
    }
    // Keep view-specific parameters (sort, metric...) that are not filters.
    for (const [k, v] of params)
      if (!(k in current) && !["type", "actor", "country", "from", "to", "modality", "historical", "q", "page"].includes(k)) next.set(k, v);
    location.hash = `#/${view}${next.toString() ? `?${next}` : ""}`;
  };
  form.addEventListener("submit", (ev) => {
    ev.preventDefault();
    apply();
  });
  for (const el of [modality, historical, from, to]) el.addEventListener("change", apply);
  for (const l of typeBoxes) l.querySelector("input")!.addEventListener("change", apply);
  reset.addEventListener("click", () => {
    location.hash = `#/${view}`;
  });

  // Suggestions for the actor box (best effort), fetched only when the box is used: on a large store the actor list is an aggregate query.
  let suggested = false;
  actor.addEventListener("focus", () => {
    if (suggested) return;
    suggested = true;
    getJson<Actors>("/api/actors", { limit: 200 })
      .then((r) => {
        for (const a of r.actors)
          actorList.append(h("option", { value: a.entityId ?? a.name }, `${a.name}${a.country ? ` (${a.country})` : ""} · ${a.events}`));
      })
      .catch(() => undefined);
  });
  return form;
}
