import { XMLParser } from "fast-xml-parser";
import { htmlFragmentText, isoDay } from "./html.js";

export interface FeedItem {
  readonly title: string | null;
  readonly link: string | null;
  readonly text: string;
  readonly published: string | null;
  readonly id: string | null;
}

export interface Feed {
  readonly title: string | null;
  readonly items: readonly FeedItem[];
}

export class NotAFeed extends Error {
  override name = "NotAFeed";
}

/** RSS 2.0, RSS 1.0 (RDF) or Atom, sniffed from the first kilobytes. */
export function looksLikeFeed(head: string): boolean {
  const h = head.slice(0, 4000);
  return /<rss[\s>]/i.test(h) || /<feed[\s>]/i.test(h) || /<rdf:RDF[\s>]/i.test(h);
}

function str(v: unknown): string | null {
  if (v === undefined || v === null) return null;
  if (typeof v === "string") return v;
  if (typeof v === "number") return String(v);
  if (typeof v === "object") {
    const o = v as Record<string, unknown>;
    if (typeof o["#text"] === "string" || typeof o["#text"] === "number") return String(o["#text"]);
  }
  return null;
}
function list(v: unknown): unknown[] {
  return v === undefined || v === null ? [] : Array.isArray(v) ? v : [v];
}

function atomLink(v: unknown): string | null {
  const links = list(v) as Record<string, unknown>[];
  const alt = links.find((l) => typeof l === "object" && (l["@_rel"] === undefined || l["@_rel"] === "alternate"));
  const l = alt ?? links[0];
  if (!l) return null;
  return typeof l === "string" ? l : ((l["@_href"] as string | undefined) ?? null);
}

/**
 * Parses a feed: each item's full content (content:encoded / Atom content) or else its
 * description / summary becomes the text; pubDate / published / dc:date the date.
 */
export function parseFeed(xml: string): Feed {
  const parser = new XMLParser({ ignoreAttributes: false, processEntities: true, htmlEntities: true, trimValues: true });
  let doc: Record<string, unknown>;
  try {
    doc = parser.parse(xml) as Record<string, unknown>;
  } catch (e) {
    throw new NotAFeed(`the feed is not well-formed XML (${(e as Error).message.split("\n")[0]})`);
  }
  const rss = doc.rss as Record<string, unknown> | undefined;
  const rdf = doc["rdf:RDF"] as Record<string, unknown> | undefined;
  const atom = doc.feed as Record<string, unknown> | undefined;
  if (rss || rdf) {
    const channel = ((rss?.channel ?? rdf?.channel) as Record<string, unknown>) ?? {};
    const items = list(rss ? channel.item : rdf!.item) as Record<string, unknown>[];
    return {
      title: str(channel.title),
      items: items.map((it) => ({
        title: str(it.title),
        link: str(it.link),
        text: htmlFragmentText(str(it["content:encoded"]) ?? str(it.description) ?? ""),
        published: isoDay(str(it.pubDate) ?? str(it["dc:date"])),
        id: str(it.guid) ?? str(it.link),
      })),
    };
  }
  if (atom) {
    const entries = list(atom.entry) as Record<string, unknown>[];
    return {
      title: str(atom.title),
      items: entries.map((it) => ({
        title: str(it.title),
        link: atomLink(it.link),
        text: htmlFragmentText(str(it.content) ?? str(it.summary) ?? ""),
        published: isoDay(str(it.published) ?? str(it.updated)),
        id: str(it.id),
      })),
    };
  }
  throw new NotAFeed("XML that is not an RSS or Atom feed");
}
