import { Readability } from "@mozilla/readability";
import { parseHTML } from "linkedom";

/** What an HTML page gives: the article's main text, its title and publication date from metadata. */
export interface HtmlArticle {
  readonly text: string;
  readonly title: string | null;
  readonly published: string | null;
  readonly outlet: string | null;
  readonly url: string | null;
}

export class NoArticleText extends Error {
  override name = "NoArticleText";
}

const BLOCKS = new Set(["P", "H1", "H2", "H3", "H4", "H5", "H6", "LI", "BLOCKQUOTE", "PRE", "TD", "DD", "DT", "FIGCAPTION"]);

/** Text of an element with a blank line between paragraphs (readability's textContent runs them together). */
function blockText(root: Element): string {
  const out: string[] = [];
  const walk = (node: Element) => {
    for (const child of Array.from(node.children)) {
      if (BLOCKS.has(child.tagName) && !Array.from(child.children).some((c) => BLOCKS.has(c.tagName))) {
        const t = (child.textContent ?? "").replace(/\s+/g, " ").trim();
        if (t) out.push(t);
      } else walk(child);
    }
  };
  walk(root);
  if (out.length === 0)
    return (root.textContent ?? "")
      .replace(/[ \t]+/g, " ")
      .replace(/\n\s*\n+/g, "\n\n")
      .trim();
  return out.join("\n\n");
}

/** A date in metadata -> YYYY-MM-DD (the calendar day as written, without shifting time zones). */
export function isoDay(value: string | null | undefined): string | null {
  if (!value) return null;
  const v = value.trim();
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(v);
  if (m) return `${m[1]}-${m[2]}-${m[3]}`;
  const t = Date.parse(v);
  if (Number.isNaN(t)) return null;
  // RFC 822 dates ("Sun, 28 Jan 2024 18:00:00 GMT"): keep the day as written when present.
  const d = /(\d{1,2})\s+(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s+(\d{4})/i.exec(v);
  if (d) {
    const mo = "janfebmaraprmayjunjulaugsepoctnovdec".indexOf(d[2].toLowerCase()) / 3 + 1;
    return `${d[3]}-${String(mo).padStart(2, "0")}-${d[1].padStart(2, "0")}`;
  }
  return new Date(t).toISOString().slice(0, 10);
}

function meta(document: Document, names: readonly string[]): string | null {
  for (const n of names) {
    const el = document.querySelector(`meta[property="${n}"], meta[name="${n}"], meta[itemprop="${n}"]`);
    const c = el?.getAttribute("content");
    if (c && c.trim()) return c.trim();
  }
  return null;
}

function jsonLdDate(document: Document): string | null {
  for (const s of Array.from(document.querySelectorAll('script[type="application/ld+json"]'))) {
    try {
      const data = JSON.parse(s.textContent ?? "") as unknown;
      const stack: unknown[] = [data];
      while (stack.length > 0) {
        const x = stack.pop();
        if (Array.isArray(x)) stack.push(...x);
        else if (x && typeof x === "object") {
          const o = x as Record<string, unknown>;
          if (typeof o.datePublished === "string") return o.datePublished;
          if (o["@graph"]) stack.push(o["@graph"]);
        }
      }
    } catch {
      // Broken JSON-LD is common; other metadata may still give the date.
    }
  }
  return null;
}

/**
 * Main text with Mozilla Readability on a linkedom DOM; title and date from Open Graph /
 * article meta tags, JSON-LD `datePublished` or the first `<time datetime>`. Falls back to the
 * body text when Readability finds no article; throws NoArticleText when there is no text at all.
 */
export function readHtml(html: string, url?: string): HtmlArticle {
  const { document } = parseHTML(html);
  const published = isoDay(
    meta(document, [
      "article:published_time",
      "og:published_time",
      "datePublished",
      "pubdate",
      "publishdate",
      "date",
      "dc.date",
      "DC.date.issued",
      "sailthru.date",
    ]) ??
      jsonLdDate(document) ??
      document.querySelector("time[datetime]")?.getAttribute("datetime") ??
      null,
  );
  const metaTitle = meta(document, ["og:title", "twitter:title"]) ?? (document.querySelector("title")?.textContent ?? "").trim();
  const outlet = meta(document, ["og:site_name", "application-name"]);
  const canonical = document.querySelector('link[rel="canonical"]')?.getAttribute("href") ?? meta(document, ["og:url"]) ?? url ?? null;
  let text = "";
  let title: string | null = metaTitle || null;
  try {
    const article = new Readability<Element>(document as unknown as Document, {
      serializer: (n) => n as Element,
      charThreshold: 200,
    }).parse();
    if (article?.content) text = blockText(article.content);
    if (article?.title) title = title ?? article.title;
  } catch {
    // Readability can fail on odd markup; fall back to the body text below.
  }
  if (text.trim().length < 40) {
    const { document: fresh } = parseHTML(html);
    for (const el of Array.from(fresh.querySelectorAll("script, style, noscript, nav, header, footer, aside, form"))) el.remove();
    const body = fresh.querySelector("body") ?? fresh.documentElement;
    text = body ? blockText(body as Element) : "";
  }
  text = text.trim();
  if (!text) throw new NoArticleText("no readable article text in the HTML");
  return { text, title, published, outlet, url: canonical };
}

/** Plain text from an HTML fragment (feed descriptions). */
export function htmlFragmentText(fragment: string): string {
  if (!/[<&]/.test(fragment)) return fragment.trim();
  const { document } = parseHTML(`<!doctype html><html><body>${fragment}</body></html>`);
  const body = document.querySelector("body");
  return body ? blockText(body as Element).trim() : "";
}
