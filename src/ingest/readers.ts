import { readFileSync, readdirSync, statSync } from "node:fs";
import { extname, join } from "node:path";
import type { DocumentInput } from "../model/document.js";
import { decodeText, InputError } from "../runtime/read-input.js";
import { isIsoDate } from "../stages/published/index.js";
import { parseFeed, looksLikeFeed, NotAFeed } from "./feed.js";
import { FetchError, safeFetch, type FetchOptions } from "./fetch.js";
import { NoArticleText, readHtml } from "./html.js";

/** One document ready for extraction, with where it came from. */
export interface IngestItem {
  readonly kind: "item";
  readonly origin: string;
  readonly input: DocumentInput;
}

/** An input that could not be read: reported with its origin and reason, the batch goes on. */
export interface IngestFailure {
  readonly kind: "failure";
  readonly origin: string;
  readonly reason: string;
}

export type ReadResult = IngestItem | IngestFailure;

/** Files larger than this are not read at all. */
export const MAX_FILE_BYTES = 64 * 1024 * 1024;
/** One article longer than this (in characters) is refused: it is not an article; split it. */
export const MAX_DOCUMENT_CHARS = 2_000_000;

export interface ReadOptions {
  /** Fetch the pages that feed items link to instead of using the items' own text. */
  readonly follow?: boolean;
  readonly fetch?: FetchOptions;
}

type Kind = "text" | "html" | "jsonl" | "json" | "feed";

const EXT: Record<string, Kind> = {
  ".txt": "text",
  ".text": "text",
  ".md": "text",
  ".html": "html",
  ".htm": "html",
  ".xhtml": "html",
  ".jsonl": "jsonl",
  ".ndjson": "jsonl",
  ".json": "json",
  ".rss": "feed",
  ".atom": "feed",
  ".xml": "feed",
};

function sniff(text: string, hint: Kind | undefined): Kind {
  const head = text.slice(0, 4000).trimStart();
  if (hint === "jsonl" || hint === "json") return hint;
  if (/^<\?xml/i.test(head) || hint === "feed") {
    if (looksLikeFeed(head)) return "feed";
    if (/<html[\s>]/i.test(head)) return "html";
    return hint === "feed" ? "feed" : "text";
  }
  if (hint === "html" || /^(<!doctype html|<html[\s>])/i.test(head)) return "html";
  if (hint === undefined && looksLikeFeed(head) && head.startsWith("<")) return "feed";
  return hint ?? "text";
}

/** "BAGHDAD, Jan. 5, 2024 (Tigris Post) --": the outlet in a dateline's parentheses. */
export function datelineOutlet(text: string): string | null {
  const m = /^\s{0,20}[A-Z][A-Za-z .,'-]{1,80}?\d{1,4}(?:,\s{0,3}\d{4})?\s{0,3}\(([^()\n]{2,40})\)\s{0,3}(?:--|—|–|-|:)/.exec(
    text.slice(0, 200),
  );
  return m ? m[1].trim() : null;
}

function checkLength(text: string, origin: string): string | null {
  if (text.length > MAX_DOCUMENT_CHARS)
    return `${origin}: the document has ${text.length.toLocaleString("en-US")} characters; one article may have at most ${MAX_DOCUMENT_CHARS.toLocaleString("en-US")} (split it, or give a JSON Lines file with one article per line)`;
  return null;
}

function failure(origin: string, reason: string): IngestFailure {
  return { kind: "failure", origin, reason };
}
function item(origin: string, input: DocumentInput): ReadResult {
  const tooLong = checkLength(input.text, origin);
  return tooLong ? failure(origin, tooLong) : { kind: "item", origin, input };
}

/** Turns one file's (or page's, or stdin's) bytes into documents. */
export async function* readBytes(
  bytes: Uint8Array,
  origin: string,
  hint: Kind | undefined,
  options: ReadOptions,
  url?: string,
): AsyncGenerator<ReadResult> {
  let text: string;
  try {
    text = decodeText(bytes, origin);
  } catch (e) {
    if (e instanceof InputError) return yield failure(origin, e.message);
    throw e;
  }
  const kind = sniff(text, hint);
  if (kind === "text") {
    return yield item(origin, { text, outlet: datelineOutlet(text) ?? undefined, ...(url ? { url } : {}) });
  }
  if (kind === "html") {
    try {
      const a = readHtml(text, url);
      return yield item(origin, {
        text: a.text,
        ...(a.title ? { title: a.title } : {}),
        ...(a.url ? { url: a.url } : {}),
        ...(a.outlet || datelineOutlet(a.text) ? { outlet: a.outlet ?? datelineOutlet(a.text)! } : {}),
        metadataPublished: a.published,
      });
    } catch (e) {
      if (e instanceof NoArticleText) return yield failure(origin, `${origin}: ${e.message}`);
      return yield failure(origin, `${origin}: the HTML could not be read (${(e as Error).message})`);
    }
  }
  if (kind === "feed") {
    let feed;
    try {
      feed = parseFeed(text);
    } catch (e) {
      if (e instanceof NotAFeed) return yield failure(origin, `${origin}: ${e.message}`);
      throw e;
    }
    let i = 0;
    for (const it of feed.items) {
      i++;
      const where = `${origin}#item${i}`;
      if (options.follow && it.link) {
        try {
          const page = await safeFetch(it.link, options.fetch);
          for await (const r of readBytes(page.bytes, it.link, kindOfContentType(page.contentType), options, page.url)) {
            if (r.kind === "item")
              yield {
                ...r,
                input: {
                  ...r.input,
                  title: r.input.title ?? it.title ?? undefined,
                  outlet: r.input.outlet ?? feed.title ?? undefined,
                  metadataPublished: r.input.metadataPublished ?? it.published,
                },
              };
            else yield r;
          }
        } catch (e) {
          if (e instanceof FetchError) yield failure(where, `${it.link}: ${e.message}`);
          else throw e;
        }
        continue;
      }
      if (!it.text.trim()) {
        yield failure(where, `${where}: the feed item has no text (use --follow to fetch ${it.link ?? "its page"})`);
        continue;
      }
      yield item(where, {
        text: it.text,
        ...(it.title ? { title: it.title } : {}),
        ...(it.link ? { url: it.link } : {}),
        ...(feed.title ? { outlet: feed.title } : {}),
        metadataPublished: it.published,
      });
    }
    if (feed.items.length === 0) yield failure(origin, `${origin}: the feed has no items`);
    return;
  }
  if (kind === "json") {
    let data: unknown;
    try {
      data = JSON.parse(text);
    } catch {
      // Maybe it is JSON Lines with a .json name.
      yield* jsonLines(text, origin);
      return;
    }
    const records = Array.isArray(data) ? data : [data];
    let i = 0;
    for (const r of records) yield record(r, `${origin}[${i++}]`);
    return;
  }
  yield* jsonLines(text, origin);
}

function* jsonLines(text: string, origin: string): Generator<ReadResult> {
  let lineNo = 0;
  let start = 0;
  while (start <= text.length) {
    let end = text.indexOf("\n", start);
    if (end < 0) end = text.length;
    const line = text.slice(start, end);
    start = end + 1;
    lineNo++;
    if (line.trim() === "") {
      if (end === text.length) break;
      continue;
    }
    const where = `${origin}:${lineNo}`;
    let data: unknown;
    try {
      data = JSON.parse(line);
    } catch {
      yield failure(where, `${where}: the line is not valid JSON`);
      continue;
    }
    yield record(data, where);
    if (end === text.length) break;
  }
}

/** A JSON Lines record: `{text, url?, title?, published?, outlet?, id?}`. */
function record(data: unknown, where: string): ReadResult {
  if (typeof data !== "object" || data === null || Array.isArray(data)) return failure(where, `${where}: not a JSON object`);
  const r = data as Record<string, unknown>;
  if (typeof r.text !== "string" || r.text.trim() === "") return failure(where, `${where}: "text" is missing or empty`);
  const opt = (k: string): string | undefined =>
    typeof r[k] === "string" && (r[k] as string).trim() ? (r[k] as string).trim() : undefined;
  let published: string | undefined;
  if (r.published !== undefined && r.published !== null) {
    const p = typeof r.published === "string" ? r.published.slice(0, 10) : "";
    if (!isIsoDate(p)) return failure(where, `${where}: "published" is not a date (YYYY-MM-DD...): ${JSON.stringify(r.published)}`);
    published = p;
  }
  const url = opt("url");
  const title = opt("title");
  const outlet = opt("outlet") ?? datelineOutlet(r.text) ?? undefined;
  return item(where, {
    text: r.text,
    ...(url ? { url } : {}),
    ...(title ? { title } : {}),
    ...(outlet ? { outlet } : {}),
    ...(published ? { published } : {}),
  });
}

export function kindOfContentType(ct: string): Kind | undefined {
  if (ct === "text/html" || ct === "application/xhtml+xml") return "html";
  if (/(rss|atom|rdf)\+xml$/.test(ct) || ct === "application/xml" || ct === "text/xml") return "feed";
  if (/ndjson|jsonl/.test(ct)) return "jsonl";
  if (ct === "application/json") return "json";
  if (ct === "text/plain") return "text";
  return undefined;
}

/** A folder's own documentation is not an article: skipped when walking directories (still read when named). */
const PROJECT_FILES = /^(readme|license|licence|notice|changelog|copying)(\.[a-z0-9]+)?$/i;

function* walk(dir: string): Generator<string> {
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch (e) {
    throw new InputError(`${dir}: cannot be read (${(e as NodeJS.ErrnoException).code ?? e})`);
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const e of entries) {
    if (e.name.startsWith(".") || (e.isFile() && PROJECT_FILES.test(e.name))) continue;
    const p = join(dir, e.name);
    if (e.isDirectory()) yield* walk(p);
    else if (e.isFile()) yield p;
  }
}

async function readStdin(): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const c of process.stdin as AsyncIterable<Buffer>) {
    size += c.length;
    if (size > MAX_FILE_BYTES) throw new InputError(`standard input is larger than ${MAX_FILE_BYTES} bytes`);
    chunks.push(c);
  }
  return new Uint8Array(Buffer.concat(chunks));
}

/**
 * Expands one command-line argument (a file, a directory, a URL, or "-") into documents and
 * failures. Directories are walked recursively in name order (hidden entries and README /
 * LICENSE / CHANGELOG files skipped).
 */
export async function* readSource(arg: string, options: ReadOptions = {}): AsyncGenerator<ReadResult> {
  if (arg === "-") {
    let bytes: Uint8Array;
    try {
      bytes = await readStdin();
    } catch (e) {
      return yield failure("standard input", (e as Error).message);
    }
    return yield* readBytes(bytes, "standard input", undefined, options);
  }
  if (/^https?:\/\//i.test(arg)) {
    try {
      const page = await safeFetch(arg, options.fetch);
      yield* readBytes(page.bytes, arg, kindOfContentType(page.contentType), options, page.url);
    } catch (e) {
      if (e instanceof FetchError) yield failure(arg, `${arg}: ${e.message}`);
      else throw e;
    }
    return;
  }
  let st;
  try {
    st = statSync(arg);
  } catch (e) {
    return yield failure(arg, `${arg}: cannot be read (${(e as NodeJS.ErrnoException).code ?? e})`);
  }
  const files = st.isDirectory() ? walk(arg) : [arg];
  for (const file of files) {
    let size: number;
    try {
      size = statSync(file).size;
    } catch (e) {
      yield failure(file, `${file}: cannot be read (${(e as NodeJS.ErrnoException).code ?? e})`);
      continue;
    }
    if (size > MAX_FILE_BYTES) {
      yield failure(
        file,
        `${file}: the file is ${size.toLocaleString("en-US")} bytes; the limit is ${MAX_FILE_BYTES.toLocaleString("en-US")}`,
      );
      continue;
    }
    let bytes: Uint8Array;
    try {
      bytes = readFileSync(file);
    } catch (e) {
      yield failure(file, `${file}: cannot be read (${(e as NodeJS.ErrnoException).code ?? e})`);
      continue;
    }
    yield* readBytes(bytes, file, EXT[extname(file).toLowerCase()], options);
  }
}
