import type { FastifyInstance } from "fastify";
import { openApiDocument } from "../openapi.js";

/**
 * GET /api/openapi.json and GET /api/docs: a plain page of our own that lists the
 * endpoints from the OpenAPI document. Its script builds the DOM with textContent only.
 */
export function docsRoutes(app: FastifyInstance): void {
  const doc = JSON.stringify(openApiDocument());
  app.get("/api/openapi.json", (_req, reply) => reply.type("application/json; charset=utf-8").send(doc));
  app.get("/api/docs", (_req, reply) =>
    reply
      .type("text/html; charset=utf-8")
      .header("content-security-policy", "default-src 'self'; style-src 'unsafe-inline'")
      .send(DOCS_HTML),
  );
  app.get("/api/docs.js", (_req, reply) => reply.type("text/javascript; charset=utf-8").send(DOCS_JS));
}

const DOCS_HTML = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Sitrep API</title>
<style>
body { font: 15px/1.5 system-ui, sans-serif; max-width: 60rem; margin: 2rem auto; padding: 0 1rem; color: #1d2430; }
h1 { margin-bottom: 0.2rem; } .op { border: 1px solid #d8dde6; border-radius: 6px; margin: 0.8rem 0; padding: 0.6rem 0.9rem; }
.m { display: inline-block; min-width: 3.5rem; font-weight: 700; font-family: ui-monospace, monospace; }
.m.get { color: #0b6e4f; } .m.post { color: #8a4b00; } code, .p { font-family: ui-monospace, monospace; }
table { border-collapse: collapse; margin-top: 0.4rem; font-size: 13px; } td, th { border-bottom: 1px solid #eee; padding: 2px 8px; text-align: left; vertical-align: top; }
.muted { color: #5d6b80; }
</style>
</head>
<body>
<h1>Sitrep API</h1>
<p class="muted">Generated from <a href="/api/openapi.json">/api/openapi.json</a> (OpenAPI 3.1). Errors are <code>application/problem+json</code>. The web UI is at <a href="/">/</a>.</p>
<div id="ops">Loading…</div>
<script src="/api/docs.js"></script>
</body>
</html>
`;

const DOCS_JS = `"use strict";
(async function () {
  const root = document.getElementById("ops");
  const el = (tag, cls, text) => { const e = document.createElement(tag); if (cls) e.className = cls; if (text !== undefined) e.textContent = String(text); return e; };
  const typeOf = (s) => !s ? "" : s.enum ? s.enum.join(" | ") : s.anyOf ? s.anyOf.map(typeOf).join(" | ") : s.type === "array" ? typeOf(s.items) + "[]" : Array.isArray(s.type) ? s.type.join(" | ") : (s.type || (s.$ref ? s.$ref.split("/").pop() : ""));
  let doc;
  try { doc = await (await fetch("/api/openapi.json")).json(); } catch (e) { root.textContent = "Could not load the OpenAPI document: " + e; return; }
  root.textContent = "";
  const p = el("p", "muted", doc.info.description + " Version " + doc.info.version + ".");
  root.append(p);
  for (const [path, ops] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(ops)) {
      const box = el("div", "op");
      const head = el("div");
      head.append(el("span", "m " + method, method.toUpperCase()), el("span", "p", path), el("span", "muted", " — " + op.summary));
      box.append(head);
      if (op.description) box.append(el("div", "muted", op.description));
      if (op.parameters && op.parameters.length) {
        const t = el("table");
        const hr = el("tr"); hr.append(el("th", "", "parameter"), el("th", "", "in"), el("th", "", "type"), el("th", "", "description")); t.append(hr);
        for (const prm of op.parameters) {
          const tr = el("tr");
          tr.append(el("td", "p", prm.name + (prm.required ? " *" : "")), el("td", "", prm.in), el("td", "p", typeOf(prm.schema) + (prm.schema && prm.schema.default !== undefined ? " = " + prm.schema.default : "")), el("td", "", prm.description || ""));
          t.append(tr);
        }
        box.append(t);
      }
      if (op.requestBody) box.append(el("div", "muted", "Body: " + Object.keys(op.requestBody.content).join(", ") + (op.requestBody.description ? " — " + op.requestBody.description : "")));
      const codes = Object.entries(op.responses).map(([c, r]) => c + " " + r.description).join(" · ");
      box.append(el("div", "muted", "Responses: " + codes));
      root.append(box);
    }
  }
})();
`;
