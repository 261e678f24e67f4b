import { z } from "zod";

/**
 * A small typed description of each endpoint, from which the OpenAPI 3.1 document is
 * generated: the same zod schemas that validate requests describe them, so the
 * document cannot drift from the code.
 */
export interface Endpoint {
  readonly method: "get" | "post";
  readonly path: string;
  readonly operationId: string;
  readonly summary: string;
  readonly description?: string;
  readonly tag: string;
  readonly query?: z.ZodObject;
  readonly pathParams?: z.ZodObject;
  readonly body?: {
    readonly schema: z.ZodType;
    readonly textPlain?: boolean;
    readonly contentType?: string;
    readonly description?: string;
  };
  /** status -> response; `schema` is a zod schema or a component name. */
  readonly responses: Readonly<
    Record<number, { readonly description: string; readonly schema?: z.ZodType | string; readonly contentType?: string }>
  >;
}

type Json = Record<string, unknown>;

function jsonSchema(schema: z.ZodType, io: "input" | "output"): Json {
  const s = z.toJSONSchema(schema, { target: "draft-2020-12", io, unrepresentable: "any" }) as Json;
  delete s.$schema;
  return s;
}

function ref(name: string): Json {
  return { $ref: `#/components/schemas/${name}` };
}

function parameters(obj: z.ZodObject | undefined, where: "query" | "path"): Json[] {
  if (!obj) return [];
  const schema = jsonSchema(obj, "input") as { properties?: Record<string, Json>; required?: string[] };
  return Object.entries(schema.properties ?? {}).map(([name, s]) => {
    const { description, ...rest } = s as Json & { description?: string };
    return {
      name,
      in: where,
      required: where === "path" || (schema.required ?? []).includes(name),
      ...(description ? { description } : {}),
      schema: rest,
    };
  });
}

export function buildOpenApi(
  info: { title: string; version: string; description: string },
  endpoints: readonly Endpoint[],
  components: Record<string, z.ZodType>,
) {
  const paths: Record<string, Record<string, Json>> = {};
  for (const e of endpoints) {
    const oasPath = e.path.replace(/:([A-Za-z_]+)/g, "{$1}");
    const responses: Record<string, Json> = {};
    for (const [status, r] of Object.entries(e.responses)) {
      const type = r.contentType ?? (Number(status) >= 400 ? "application/problem+json" : "application/json");
      const schema = r.schema === undefined ? undefined : typeof r.schema === "string" ? ref(r.schema) : jsonSchema(r.schema, "output");
      responses[status] = { description: r.description, ...(schema ? { content: { [type]: { schema } } } : {}) };
    }
    const op: Json = {
      operationId: e.operationId,
      summary: e.summary,
      ...(e.description ? { description: e.description } : {}),
      tags: [e.tag],
      parameters: [...parameters(e.pathParams, "path"), ...parameters(e.query, "query")],
      responses,
    };
    if (e.body) {
      const content: Json = { [e.body.contentType ?? "application/json"]: { schema: jsonSchema(e.body.schema, "input") } };
      if (e.body.textPlain) content["text/plain"] = { schema: { type: "string" } };
      op.requestBody = { required: true, ...(e.body.description ? { description: e.body.description } : {}), content };
    }
    (paths[oasPath] ??= {})[e.method] = op;
  }
  const schemas: Record<string, Json> = {};
  for (const [name, schema] of Object.entries(components)) schemas[name] = jsonSchema(schema, "output");
  return {
    openapi: "3.1.0",
    jsonSchemaDialect: "https://spec.openapis.org/oas/3.1/dialect/base",
    info: { ...info, license: { name: "MIT", identifier: "MIT" } },
    servers: [{ url: "/" }],
    tags: [...new Set(endpoints.map((e) => e.tag))].map((name) => ({ name })),
    paths,
    components: { schemas },
  } as const;
}
