/** Filters travel from view to view in the hash query. */
const SHARED = ["type", "actor", "country", "from", "to", "modality", "historical", "q"];

export function parseHash(hash = location.hash): { name: string; arg?: string; params: URLSearchParams } {
  const raw = hash.replace(/^#\/?/, "");
  const [path, q = ""] = raw.split("?", 2);
  const [name = "events", ...rest] = path.split("/").map(decodeURIComponent);
  return { name: name || "events", arg: rest.length ? rest.join("/") : undefined, params: new URLSearchParams(q) };
}

/** Builds a hash link, keeping the shared filters unless `params` replaces them. */
export function link(name: string, params?: URLSearchParams | Record<string, string>, arg?: string): string {
  const p = params instanceof URLSearchParams ? params : new URLSearchParams(params ?? {});
  const q = p.toString();
  return `#/${name}${arg !== undefined ? `/${encodeURIComponent(arg)}` : ""}${q ? `?${q}` : ""}`;
}

export function sharedFilters(params: URLSearchParams): URLSearchParams {
  const out = new URLSearchParams();
  for (const k of SHARED) for (const v of params.getAll(k)) if (v) out.append(k, v);
  return out;
}

/** A view renders into `root`; `params` are the query of the hash route (#/events?type=ASSAULT). */
export type View = (root: HTMLElement, params: URLSearchParams, arg: string | undefined) => void | Promise<void>;
