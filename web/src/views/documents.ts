import type { Documents } from "../../../src/server/schemas.js";
import { getJson } from "../api.js";
import { h } from "../dom.js";
import { link, type View } from "../nav.js";

const PAGE = 50;

/** The stored articles, newest first, with a full-text search; each opens in the article view. */
export const documentsView: View = async (root, params) => {
  const q = params.get("q") ?? "";
  const page = Math.max(0, Number(params.get("page") ?? 0) || 0);
  const input = h("input", { type: "search", name: "q", value: q, placeholder: "words in the title or text", size: 30 });
  const form = h(
    "form",
    { class: "filters" },
    h("label", null, "Search the articles", input),
    h("button", { type: "submit", class: "primary" }, "Search"),
  );
  form.addEventListener("submit", (ev) => {
    ev.preventDefault();
    location.hash = link("documents", input.value.trim() ? { q: input.value.trim() } : {});
  });
  root.append(h("h2", null, "Articles"), form);
  const r = await getJson<Documents>("/api/documents", { q, limit: PAGE, offset: page * PAGE });
  const body = h("tbody");
  for (const d of r.documents)
    body.append(
      h(
        "tr",
        { class: "row" },
        h("td", { class: "nowrap" }, d.published ?? "—"),
        h("td", null, h("a", { href: link("doc", undefined, d.id) }, d.title ?? d.id)),
        h("td", null, d.outlet ?? "—"),
        h("td", null, String(d.events)),
        h("td", null, d.length.toLocaleString("en-GB")),
      ),
    );
  root.append(
    h(
      "table",
      { class: "data", "data-testid": "documents-table" },
      h("thead", null, h("tr", null, ...["Published", "Title", "Outlet", "Events", "Characters"].map((c) => h("th", { scope: "col" }, c)))),
      body,
    ),
  );
  if (r.documents.length === 0) root.append(h("p", { class: "muted" }, "No articles match."));
  const nav = h("div", { class: "pager" });
  if (page > 0) nav.append(h("a", { href: link("documents", { ...(q ? { q } : {}), page: String(page - 1) }) }, "‹ Newer"));
  if (r.documents.length === PAGE)
    nav.append(h("a", { href: link("documents", { ...(q ? { q } : {}), page: String(page + 1) }) }, "Older ›"));
  root.append(nav);
};
