import { join } from "node:path";
import type { BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { XSS_TEXT, XSS_TITLE } from "../../src/server/test-support.js";
import { contentHash, documentId } from "../../src/store/index.js";
import { SHOTS, startHarness, type Harness } from "./harness.js";

let hx: Harness;
let context: BrowserContext;
const errors: string[] = [];

beforeAll(async () => {
  hx = await startHarness();
  context = await hx.browser.newContext({ viewport: { width: 1400, height: 900 } });
}, 120_000);

afterAll(async () => {
  await context?.close();
  await hx?.close();
});

async function open(path: string): Promise<Page> {
  const page = await context.newPage();
  page.on("pageerror", (e) => errors.push(`${path}: ${e.message}`));
  page.on("console", (m) => {
    if (m.type() === "error") errors.push(`${path}: console: ${m.text()}`);
  });
  await page.goto(`${hx.base}${path}`);
  return page;
}

const shot = (page: Page, name: string) => page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });

describe("web UI in Chromium", () => {
  it("shows the events: timeline and table", async () => {
    const page = await open("/#/events");
    await page.waitForSelector("[data-testid=events-table] tr.row");
    const rows = await page.locator("[data-testid=events-table] tr.row").count();
    expect(rows).toBeGreaterThan(3);
    expect(await page.locator("[data-testid=timeline] rect.tl-event").count()).toBeGreaterThan(3);
    // A month-precision event is drawn across the month, wider than a day-precision one.
    const widths = await page.$$eval("[data-testid=timeline] rect.tl-event", (els) => els.map((e) => Number(e.getAttribute("width"))));
    expect(Math.max(...widths)).toBeGreaterThan(Math.min(...widths) * 5);
    await shot(page, "events");
    await page.close();
  });

  it("applies a type filter from the filter bar", async () => {
    const page = await open("/#/events");
    await page.waitForSelector("[data-testid=events-table] tr.row");
    await page.click(".type-picker summary");
    await page.check(".type-picker input[value=ASSAULT]");
    await page.waitForFunction(() => location.hash.includes("type=ASSAULT"));
    await page.waitForSelector("[data-testid=events-table] tr.row");
    const types = await page.$$eval("[data-testid=events-table] tr.row .type-badge", (els) => els.map((e) => e.textContent));
    expect(types.length).toBeGreaterThan(0);
    expect(new Set(types)).toEqual(new Set(["ASSAULT"]));
    await shot(page, "events-filtered");
    await page.close();
  });

  it("opens an event's evidence in the article view", async () => {
    const page = await open("/#/events?type=ASSAULT");
    await page.waitForSelector("[data-testid=events-table] tr.row");
    await page.click("[data-testid=events-table] tr.row >> nth=0");
    await page.waitForSelector("[data-testid=event-sources] .source");
    await shot(page, "event-detail");
    await page.click("[data-testid=event-sources] a.open-article >> nth=0");
    await page.waitForSelector("[data-testid=article-text] .seg.focus");
    const focused = await page.locator("[data-testid=article-text] .seg.focus").first();
    await expect.poll(() => focused.isVisible()).toBe(true);
    expect(await page.locator(".event-card.selected").count()).toBe(1);
    await shot(page, "article");
    await page.close();
  });

  it("shows the map with country shapes", async () => {
    const page = await open("/#/map");
    await page.waitForSelector("[data-testid=map] path.country");
    expect(await page.locator("[data-testid=map] path.country").count()).toBeGreaterThan(100);
    // A point or cluster opens a popup with the evidence and the sources.
    await page.waitForSelector("[data-testid=map] g.single, [data-testid=map] g.cluster");
    await page.locator("[data-testid=map] g.single circle.pt, [data-testid=map] g.cluster circle.pt").first().click();
    await page.waitForSelector("[data-testid=map-popup] .item");
    await shot(page, "map");
    await page.close();
  });

  it("shows the charts", async () => {
    const page = await open("/#/charts");
    await page.waitForSelector("[data-testid=chart-events] svg rect");
    expect(await page.locator("[data-testid=chart-events] svg rect").count()).toBeGreaterThan(2);
    await page.waitForSelector("[data-testid=chart-quantity]");
    await shot(page, "charts");
    await page.close();
  });

  it("lists the articles and opens one", async () => {
    const page = await open("/#/documents");
    await page.waitForSelector("[data-testid=documents-table] tr.row");
    expect(await page.locator("[data-testid=documents-table] tr.row").count()).toBeGreaterThanOrEqual(5);
    await shot(page, "documents");
    await page.click("[data-testid=documents-table] tr.row a >> nth=0");
    await page.waitForSelector("[data-testid=article-text]");
    await page.close();
  });

  it("shows the actor network", async () => {
    const page = await open("/#/network");
    await page.waitForSelector("[data-testid=network]");
    await shot(page, "network");
    await page.close();
  });

  it("extracts a pasted article and shows it", async () => {
    const page = await open("/#/paste");
    await page.fill(
      "#paste-text",
      "KYIV, March 3, 2024 — Russian forces shelled Kharkiv on Saturday, killing five civilians, officials said.",
    );
    await page.click("#paste-run");
    await page.waitForSelector("[data-testid=article-events] .event-card");
    await page.click("[data-testid=article-events] .event-card >> nth=0");
    await page.waitForSelector("[data-testid=article-text] .seg.focus");
    await shot(page, "paste");
    await page.close();
  });

  it("reads an uploaded HTML page as text on the server, without running it", async () => {
    const page = await open("/#/paste");
    const html = `<html><head><title>Kharkiv shelled</title><meta property="article:published_time" content="2024-03-03T09:00:00Z">
      <script>window.__sitrepPwned = 3</script></head><body><nav>Home | World</nav>
      <article><h1>Kharkiv shelled</h1><p>KYIV, March 3, 2024 — Russian forces <b>shelled</b> Kharkiv on Saturday, killing five civilians, regional officials said.</p>
      <img src=x onerror="window.__sitrepPwned = 4"><p>Ukraine's foreign minister accused Moscow of targeting residential areas and called on the United Nations to act.</p></article></body></html>`;
    await page.setInputFiles("#paste-file", { name: "article.html", mimeType: "text/html", buffer: Buffer.from(html) });
    await expect.poll(() => page.inputValue("#paste-text")).toContain("Russian forces shelled Kharkiv on Saturday");
    const text = await page.inputValue("#paste-text");
    expect(text).toContain("called on the United Nations to act.");
    expect(text).not.toContain("__sitrepPwned");
    expect(await page.inputValue("#paste-date")).toBe("2024-03-03");
    await page.click("#paste-run");
    await page.waitForSelector("[data-testid=article-events] .event-card");
    expect(await page.evaluate(() => (window as unknown as { __sitrepPwned?: number }).__sitrepPwned)).toBeUndefined();
    await shot(page, "paste-html");
    await page.close();
  });

  it("shows markup in an ingested article as inert text", async () => {
    const docId = documentId(contentHash(XSS_TEXT));
    expect((await hx.app.inject({ url: `/api/documents/${docId}` })).statusCode).toBe(200);
    const page = await open(`/#/doc/${docId}`);
    await page.waitForSelector("[data-testid=article-text]");
    expect(await page.textContent("[data-testid=doc-title]")).toBe(XSS_TITLE);
    // The article's own text, without the annotation labels placed between its spans.
    const text = await page.locator("[data-testid=article-text]").evaluate((el) => {
      const copy = el.cloneNode(true) as HTMLElement;
      for (const l of copy.querySelectorAll(".lbl")) l.remove();
      return copy.textContent ?? "";
    });
    expect(text).toContain("<script>window.__sitrepPwned = 1</script>");
    expect(text).toContain('<img src=x onerror="window.__sitrepPwned = 2">');
    expect(await page.locator("[data-testid=article-text] script, [data-testid=article-text] img").count()).toBe(0);
    // The stored url is "javascript:...": it must not become a link.
    expect(await page.locator('a[href^="javascript:alert"]').count()).toBe(0);
    await page.waitForTimeout(200);
    expect(await page.evaluate(() => (window as unknown as { __sitrepPwned?: number }).__sitrepPwned)).toBeUndefined();
    await shot(page, "markup-inert");

    // The same text pasted into the extract view stays inert too.
    const paste = await open("/#/paste");
    await paste.fill("#paste-text", XSS_TEXT);
    await paste.click("#paste-run");
    await paste.waitForSelector("[data-testid=article-text]");
    expect(await paste.locator("[data-testid=article-text] script, [data-testid=article-text] img").count()).toBe(0);
    expect(await paste.evaluate(() => (window as unknown as { __sitrepPwned?: number }).__sitrepPwned)).toBeUndefined();
    await page.close();
    await paste.close();
  });

  it("serves the API docs page built from the OpenAPI document", async () => {
    const page = await open("/api/docs");
    await page.waitForSelector(".op");
    expect(await page.locator(".op").count()).toBeGreaterThan(8);
    await shot(page, "api-docs");
    await page.close();
  });

  it("ran without page errors", () => {
    expect(errors).toEqual([]);
  });
});
