import type { Extraction } from "../../src/model/extraction.js";

/** An error answer from the API (problem+json). */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

export type Params = Record<string, string | number | boolean | null | undefined>;

export function query(params: Params): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== null && v !== "") q.set(k, String(v));
  const s = q.toString();
  return s ? `?${s}` : "";
}

async function parse<T>(res: Response): Promise<T> {
  if (!res.ok) {
    let detail = res.statusText;
    try {
      const p = (await res.json()) as { detail?: string; title?: string };
      detail = p.detail ?? p.title ?? detail;
    } catch {
      /* not JSON */
    }
    throw new ApiError(res.status, `${res.status}: ${detail}`);
  }
  return (await res.json()) as T;
}

export async function getJson<T>(path: string, params: Params = {}, signal?: AbortSignal): Promise<T> {
  return parse<T>(await fetch(`${path}${query(params)}`, { signal }));
}

export async function extract(text: string, published: string | null): Promise<Extraction> {
  const res = await fetch("/api/extract", {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ text, ...(published ? { published } : {}) }),
  });
  return parse<Extraction>(res);
}

/** The article text and metadata of a saved web page, read on the server (the page is never rendered here). */
export async function htmlText(
  html: string,
): Promise<{ text: string; title: string | null; published: string | null; outlet: string | null }> {
  const res = await fetch("/api/html-text", { method: "POST", headers: { "content-type": "text/html; charset=utf-8" }, body: html });
  return parse(res);
}
