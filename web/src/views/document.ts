import type { DocumentDetail } from "../../../src/server/schemas.js";
import { getJson } from "../api.js";
import { h } from "../dom.js";
import { link, type View } from "../nav.js";
import { renderArticle } from "./article.js";
import { backLink, safeUrl } from "./event.js";

/** A stored article with its annotations; ?event=<local id> scrolls to that event's evidence. */
export const documentView: View = async (root, params, id) => {
  if (!id) throw new Error("no document id");
  const d = await getJson<DocumentDetail>(`/api/documents/${encodeURIComponent(id)}`);
  const url = safeUrl(d.url);
  root.append(
    h("p", null, backLink()),
    h("h2", { "data-testid": "doc-title" }, d.title ?? d.id),
    h(
      "div",
      { class: "doc-meta muted" },
      [
        d.outlet,
        d.published ? `published ${d.published}` : "no publication date",
        `${d.length.toLocaleString("en-GB")} characters`,
        d.origin,
      ]
        .filter(Boolean)
        .join(" · "),
      url ? h("span", null, " · ", h("a", { href: url, rel: "noopener noreferrer", target: "_blank" }, "original")) : null,
    ),
  );
  const article = renderArticle(d.text, d.extraction, {
    focus: params.get("event"),
    eventExtra: (e) => {
      const merged = d.merged[e.id];
      return merged
        ? h("div", { class: "small" }, h("a", { href: link("event", undefined, merged) }, "All reports of this event ›"))
        : null;
    },
  });
  root.append(article.element);
};
