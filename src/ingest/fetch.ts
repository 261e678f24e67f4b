import { lookup } from "node:dns/promises";
import http from "node:http";
import https from "node:https";
import { BlockList, isIP } from "node:net";

export interface FetchOptions {
  /** Allow loopback, private, link-local, unique-local and multicast addresses (tests, intranets). */
  readonly allowPrivate?: boolean;
  readonly timeoutMs?: number;
  readonly maxBytes?: number;
  readonly maxRedirects?: number;
}

export interface Fetched {
  readonly url: string;
  readonly contentType: string;
  readonly bytes: Uint8Array;
}

export class FetchError extends Error {
  override name = "FetchError";
}

export const FETCH_DEFAULTS = { timeoutMs: 20_000, maxBytes: 10 * 1024 * 1024, maxRedirects: 5 } as const;

/** What ingest can read: HTML, plain text, feeds, JSON Lines. */
const ACCEPTED =
  /^(text\/html|application\/xhtml\+xml|text\/plain|application\/(rss|atom|rdf)\+xml|application\/xml|text\/xml|application\/(x-)?ndjson|application\/jsonl|application\/json)$/;

const blocked = new BlockList();
for (const [net, bits] of [
  ["0.0.0.0", 8],
  ["10.0.0.0", 8],
  ["100.64.0.0", 10],
  ["127.0.0.0", 8],
  ["169.254.0.0", 16],
  ["172.16.0.0", 12],
  ["192.0.0.0", 24],
  ["192.0.2.0", 24],
  ["192.168.0.0", 16],
  ["198.18.0.0", 15],
  ["198.51.100.0", 24],
  ["203.0.113.0", 24],
  ["224.0.0.0", 4],
  ["240.0.0.0", 4],
] as const)
  blocked.addSubnet(net, bits, "ipv4");
for (const [net, bits] of [
  ["::", 128],
  ["::1", 128],
  ["fc00::", 7],
  ["fe80::", 10],
  ["ff00::", 8],
  ["2001:db8::", 32],
  ["100::", 64],
] as const)
  blocked.addSubnet(net, bits, "ipv6");

/** True for addresses a fetch must not reach by default (including IPv4 inside IPv6 forms). */
export function isPrivateAddress(address: string): boolean {
  const kind = isIP(address);
  if (kind === 4) return blocked.check(address, "ipv4");
  if (kind !== 6) return true;
  const lower = address.toLowerCase();
  const mapped = /^(?:::ffff:|64:ff9b::)(\d{1,3}\.\d{1,3}\.\d{1,3}\.\d{1,3})$/.exec(lower);
  if (mapped) return blocked.check(mapped[1], "ipv4");
  const hexMapped = /^::ffff:([0-9a-f]{1,4}):([0-9a-f]{1,4})$/.exec(lower);
  if (hexMapped) {
    const hi = parseInt(hexMapped[1], 16);
    const lo = parseInt(hexMapped[2], 16);
    return blocked.check(`${hi >> 8}.${hi & 255}.${lo >> 8}.${lo & 255}`, "ipv4");
  }
  return blocked.check(address, "ipv6");
}

/** Resolves the host and vets every address; returns the one to connect to (pinned, so DNS cannot change it afterwards). */
async function resolveVetted(host: string, allowPrivate: boolean): Promise<{ address: string; family: number }> {
  const bare = host.replace(/^\[|\]$/g, "");
  let addrs: { address: string; family: number }[];
  if (isIP(bare)) addrs = [{ address: bare, family: isIP(bare) }];
  else {
    try {
      addrs = await lookup(bare, { all: true, verbatim: true });
    } catch (e) {
      throw new FetchError(`cannot resolve ${bare} (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
    }
  }
  if (addrs.length === 0) throw new FetchError(`cannot resolve ${bare}`);
  if (!allowPrivate) {
    const bad = addrs.find((a) => isPrivateAddress(a.address));
    if (bad)
      throw new FetchError(
        `refused: ${bare} resolves to a private, loopback, link-local or multicast address (${bad.address}); use --allow-private to permit it`,
      );
  }
  return addrs[0];
}

function once(
  url: URL,
  target: { address: string; family: number },
  o: Required<FetchOptions>,
): Promise<{ status: number; location: string | null; contentType: string; bytes: Uint8Array }> {
  return new Promise((resolve, reject) => {
    const mod = url.protocol === "https:" ? https : http;
    const req = mod.request(
      url,
      {
        method: "GET",
        headers: {
          "user-agent": "sitrep/0.1 (+news event extraction)",
          accept: "text/html,application/xhtml+xml,application/rss+xml,application/atom+xml,text/plain;q=0.9,*/*;q=0.1",
        },
        lookup: (_host, _opts, cb) => cb(null, target.address, target.family),
        timeout: o.timeoutMs,
      },
      (res) => {
        const status = res.statusCode ?? 0;
        const contentType = String(res.headers["content-type"] ?? "")
          .split(";")[0]
          .trim()
          .toLowerCase();
        if (status >= 300 && status < 400) {
          res.resume();
          return resolve({ status, location: res.headers.location ?? null, contentType, bytes: new Uint8Array() });
        }
        if (status !== 200) {
          res.resume();
          return reject(new FetchError(`HTTP ${status} from ${url.href}`));
        }
        if (contentType && !ACCEPTED.test(contentType)) {
          res.destroy();
          return reject(
            new FetchError(`unsupported content type "${contentType}" at ${url.href} (expected HTML, text, a feed or JSON Lines)`),
          );
        }
        const declared = Number(res.headers["content-length"] ?? NaN);
        if (declared > o.maxBytes) {
          res.destroy();
          return reject(new FetchError(`${url.href} is ${declared} bytes; the limit is ${o.maxBytes}`));
        }
        const chunks: Buffer[] = [];
        let size = 0;
        res.on("data", (c: Buffer) => {
          size += c.length;
          if (size > o.maxBytes) {
            res.destroy();
            reject(new FetchError(`${url.href} is larger than the limit of ${o.maxBytes} bytes`));
          } else chunks.push(c);
        });
        res.on("end", () => resolve({ status, location: null, contentType, bytes: new Uint8Array(Buffer.concat(chunks)) }));
        res.on("error", (e) => reject(new FetchError(`${url.href}: ${e.message}`)));
      },
    );
    req.on("timeout", () => req.destroy(new FetchError(`timed out after ${o.timeoutMs} ms fetching ${url.href}`)));
    req.on("error", (e) =>
      reject(e instanceof FetchError ? e : new FetchError(`${url.href}: ${(e as NodeJS.ErrnoException).code ?? e.message}`)),
    );
    req.end();
  });
}

/**
 * Fetches a URL for ingest: http(s) only, every hop's host resolved and vetted (no private
 * addresses unless allowed) and the connection pinned to the vetted address; redirects followed
 * by hand up to a limit; a time-out; a size limit; an accepted content type.
 */
export async function safeFetch(href: string, options: FetchOptions = {}): Promise<Fetched> {
  const o: Required<FetchOptions> = { allowPrivate: false, ...FETCH_DEFAULTS, ...options };
  let url: URL;
  try {
    url = new URL(href);
  } catch {
    throw new FetchError(`not a valid URL: ${href}`);
  }
  for (let hop = 0; hop <= o.maxRedirects; hop++) {
    if (url.protocol !== "http:" && url.protocol !== "https:")
      throw new FetchError(`refused: only http and https URLs can be fetched (${url.href})`);
    if (url.username || url.password) throw new FetchError(`refused: URLs with credentials are not fetched (${url.host})`);
    const target = await resolveVetted(url.hostname, o.allowPrivate);
    const r = await once(url, target, o);
    if (r.location === null && (r.status < 300 || r.status >= 400)) return { url: url.href, contentType: r.contentType, bytes: r.bytes };
    if (!r.location) throw new FetchError(`HTTP ${r.status} without a Location from ${url.href}`);
    url = new URL(r.location, url);
  }
  throw new FetchError(`too many redirects (more than ${o.maxRedirects}) from ${href}`);
}
