import type { z } from "zod";
import { badRequest, fromZod } from "./problem.js";

function hasNul(value: unknown): string | null {
  if (value && typeof value === "object")
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
      if (
        typeof v === "string"
          ? v.includes("\u0000")
          : Array.isArray(v)
            ? v.some((x) => typeof x === "string" && x.includes("\u0000"))
            : false
      )
        return k;
    }
  return null;
}

/**
 * Parses query or path parameters with a zod schema; a bad value is a 400 naming the parameter.
 * NUL characters are refused up front: PostgreSQL cannot store or compare them, and no real
 * filter contains one.
 */
export function parse<S extends z.ZodType>(schema: S, value: unknown, where: "query" | "path"): z.output<S> {
  const nul = hasNul(value);
  if (nul !== null)
    throw badRequest(`invalid ${where} parameter "${nul}": contains a NUL character`, [
      { parameter: nul, message: "contains a NUL character" },
    ]);
  const r = schema.safeParse(value ?? {});
  if (!r.success) throw fromZod(r.error, where);
  return r.data;
}
