import type { z } from "zod";
import { fromZod } from "./problem.js";

/** Parses query or path parameters with a zod schema; a bad value is a 400 naming the parameter. */
export function parse<S extends z.ZodType>(schema: S, value: unknown, where: "query" | "path"): z.output<S> {
  const r = schema.safeParse(value ?? {});
  if (!r.success) throw fromZod(r.error, where);
  return r.data;
}
