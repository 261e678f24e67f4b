import { extract, htmlText } from "../api.js";
import { clear, h } from "../dom.js";
import { renderArticle } from "./article.js";

const SAMPLE = `KYIV, March 3, 2024 — Russian forces shelled the city of Kharkiv overnight, killing at least five civilians and wounding 12, regional officials said.
Ukraine's foreign minister accused Moscow of targeting residential areas and called on the United Nations to act.`;

/** Paste or upload an article (text, or a saved HTML page read by the server) and see its extraction at once (POST /api/extract; nothing is stored). */
export function pasteView(root: HTMLElement): void {
  const area = h("textarea", { id: "paste-text", rows: 10, placeholder: "Paste the text of a news article here…", spellcheck: false });
  const date = h("input", { type: "date", id: "paste-date", title: "Publication date (optional; used to resolve 'yesterday' etc.)" });
  const file = h("input", { type: "file", accept: ".txt,.text,.md,.html,.htm,text/plain,text/html", id: "paste-file" });
  const run = h("button", { type: "submit", class: "primary", id: "paste-run" }, "Extract");
  const sample = h("button", { type: "button" }, "Use a sample");
  const status = h("span", { class: "muted", role: "status" });
  const out = h("div", { id: "paste-result" });

  file.addEventListener("change", async () => {
    const f = file.files?.[0];
    if (!f) return;
    const raw = await f.text();
    if (!/\.html?$/i.test(f.name) && f.type !== "text/html") {
      area.value = raw;
      return;
    }
    status.textContent = "Reading the page…";
    try {
      const page = await htmlText(raw);
      area.value = page.text;
      if (page.published) date.value = page.published;
      status.textContent = `Read ${page.title ? `"${page.title}"` : "the page"}${page.outlet ? ` (${page.outlet})` : ""}: ${page.text.length.toLocaleString("en-GB")} characters. Press Extract.`;
    } catch (e) {
      status.textContent = `Could not read the page: ${(e as Error).message}`;
    }
  });
  sample.addEventListener("click", () => {
    area.value = SAMPLE;
    date.value = "2024-03-03";
  });

  const form = h(
    "form",
    { class: "paste-form" },
    area,
    h("div", { class: "row" }, h("label", null, "Published ", date), h("label", null, "or upload ", file), sample, run, status),
  );
  form.addEventListener("submit", async (ev) => {
    ev.preventDefault();
    const text = area.value;
    if (text.trim() === "") {
      status.textContent = "Paste some text first.";
      return;
    }
    run.disabled = true;
    status.textContent = "Extracting…";
    const t0 = performance.now();
    try {
      const x = await extract(text, date.value || null);
      status.textContent = `${x.events.length} events, ${x.mentions.length} actor mentions, ${x.places.length} places, ${x.times.length} times, ${x.quantities.length} numbers in ${Math.round(performance.now() - t0)} ms`;
      clear(out);
      out.append(renderArticle(text, x).element);
    } catch (e) {
      status.textContent = `Failed: ${(e as Error).message}`;
    } finally {
      run.disabled = false;
    }
  });

  root.append(
    h("h2", null, "Extract an article"),
    h("p", { class: "muted" }, "The text is analysed on the server and nothing is stored."),
    form,
    out,
  );
}
