import { describe, expect, it } from "vitest";
import { parseFeed } from "./feed.js";
import { isPrivateAddress } from "./fetch.js";
import { htmlFragmentText, isoDay, readHtml } from "./html.js";
import { datelineOutlet, readBytes, type ReadResult } from "./readers.js";

async function all(bytes: string | Uint8Array, origin: string, hint?: "text" | "html" | "jsonl" | "json" | "feed"): Promise<ReadResult[]> {
  const out: ReadResult[] = [];
  const b = typeof bytes === "string" ? new TextEncoder().encode(bytes) : bytes;
  for await (const r of readBytes(b, origin, hint, {})) out.push(r);
  return out;
}

describe("readHtml", () => {
  const page = (head: string, body: string) => `<!doctype html><html><head>${head}</head><body>${body}</body></html>`;
  const para =
    "<p>A drone strike hit a militia headquarters in eastern Baghdad on Thursday, killing a commander and an aide, officials said.</p>";

  it("takes the main text and leaves navigation out", () => {
    const a = readHtml(
      page(
        "<title>T</title>",
        `<nav><a href="/">Home</a> Subscribe now</nav><article><h1>Strike</h1>${para}${para.replace("Thursday", "Friday")}</article><footer>Copyright</footer>`,
      ),
    );
    expect(a.text).toContain("eastern Baghdad on Thursday");
    expect(a.text).toContain("\n\n");
    expect(a.text).not.toContain("Subscribe now");
    expect(a.text).not.toContain("Copyright");
  });

  it("finds title, outlet and date in metadata", () => {
    const a = readHtml(
      page(
        '<meta property="og:title" content="Strike in Baghdad"><meta property="og:site_name" content="Tigris Post"><meta property="article:published_time" content="2024-01-04T22:10:00+03:00">',
        `<article>${para}</article>`,
      ),
    );
    expect(a).toMatchObject({ title: "Strike in Baghdad", outlet: "Tigris Post", published: "2024-01-04" });
    expect(
      readHtml(page('<script type="application/ld+json">{"@graph":[{"@type":"NewsArticle","datePublished":"2024-02-07"}]}</script>', para))
        .published,
    ).toBe("2024-02-07");
    expect(readHtml(page("", `<time datetime="2024-01-28T10:00Z">Sunday</time>${para}`)).published).toBe("2024-01-28");
    expect(readHtml(page('<script type="application/ld+json">{broken</script>', para)).published).toBeNull();
  });

  it("recovers text from malformed markup and refuses a page without text", () => {
    expect(
      readHtml(`<html><body><div><p>Militants fired rockets at the base on Saturday, officials said.<div><p>More text`).text,
    ).toContain("fired rockets");
    expect(() => readHtml("<html><head><script>var x = 1;</script></head><body>   </body></html>")).toThrow(/no readable article text/);
  });

  it("turns feed fragments and dates into text and days", () => {
    expect(htmlFragmentText("<p>One.</p><p>Two &amp; three.</p>")).toBe("One.\n\nTwo & three.");
    expect(isoDay("Mon, 29 Jan 2024 23:30:00 -0500")).toBe("2024-01-29");
    expect(isoDay("2024-02-03T01:00:00Z")).toBe("2024-02-03");
    expect(isoDay("yesterday")).toBeNull();
  });
});

describe("parseFeed", () => {
  it("reads RSS 2.0 items", () => {
    const f = parseFeed(
      `<?xml version="1.0"?><rss version="2.0"><channel><title>Wire</title><item><title>A</title><link>https://x.example/a</link><pubDate>Sat, 03 Feb 2024 07:15:00 GMT</pubDate><description>&lt;p&gt;Strikes hit 85 targets.&lt;/p&gt;</description></item><item><title>B</title><description>Second.</description></item></channel></rss>`,
    );
    expect(f.title).toBe("Wire");
    expect(f.items).toHaveLength(2);
    expect(f.items[0]).toMatchObject({ title: "A", link: "https://x.example/a", published: "2024-02-03", text: "Strikes hit 85 targets." });
  });

  it("reads Atom entries", () => {
    const f = parseFeed(
      `<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Atom Wire</title><entry><title>E</title><link rel="alternate" href="https://x.example/e"/><published>2024-01-28T12:00:00Z</published><content type="html">&lt;p&gt;Drone hit Tower 22.&lt;/p&gt;</content></entry></feed>`,
    );
    expect(f.items[0]).toMatchObject({ title: "E", link: "https://x.example/e", published: "2024-01-28", text: "Drone hit Tower 22." });
  });

  it("refuses XML that is not a feed", () => {
    expect(() => parseFeed("<?xml version='1.0'?><note><to>x</to></note>")).toThrow(/not an RSS or Atom feed/);
  });
});

describe("readBytes", () => {
  it("reads JSON Lines and reports each bad line with its number", async () => {
    const rs = await all(
      [
        JSON.stringify({ text: "BAGHDAD, Jan. 4, 2024 (Tigris Post) -- A strike.", url: "https://t.example/1" }),
        "{not json",
        JSON.stringify({ text: "" }),
        JSON.stringify({ text: "Dated.", published: "2024-13-45" }),
        "",
        JSON.stringify({ text: "Fine.", published: "2024-01-05T10:00:00Z", outlet: "Wire", title: "T" }),
      ].join("\n"),
      "c.jsonl",
      "jsonl",
    );
    expect(rs.map((r) => r.kind)).toEqual(["item", "failure", "failure", "failure", "item"]);
    expect(rs[1]).toMatchObject({ origin: "c.jsonl:2", reason: "c.jsonl:2: the line is not valid JSON" });
    expect(rs[2].kind === "failure" && rs[2].reason).toMatch(/"text" is missing/);
    expect(rs[3].kind === "failure" && rs[3].reason).toMatch(/"published" is not a date/);
    expect(rs[0].kind === "item" && rs[0].input).toMatchObject({ outlet: "Tigris Post", url: "https://t.example/1" });
    expect(rs[4].kind === "item" && rs[4].input).toMatchObject({ published: "2024-01-05", outlet: "Wire", title: "T" });
  });

  it("refuses empty, binary and non-UTF-8 input with a reason", async () => {
    expect(await all("", "e.txt")).toMatchObject([{ kind: "failure", reason: "e.txt: the input is empty" }]);
    expect((await all(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 1, 2]), "i.png"))[0]).toMatchObject({
      kind: "failure",
      reason: expect.stringMatching(/binary/),
    });
    expect((await all(new Uint8Array([0x41, 0x20, 0xc3, 0x28, 0x42]), "l.txt"))[0]).toMatchObject({
      kind: "failure",
      reason: expect.stringMatching(/not valid UTF-8/),
    });
  });

  it("sniffs HTML and feeds in files without a known extension", async () => {
    const html = await all(
      "<!DOCTYPE html><html><body><p>Rockets hit the base near the airport on Friday, a spokesman said.</p></body></html>",
      "page",
    );
    expect(html[0]).toMatchObject({ kind: "item", input: { text: expect.stringContaining("Rockets hit the base") } });
    const feed = await all(
      '<?xml version="1.0"?><rss><channel><title>W</title><item><description>One.</description></item></channel></rss>',
      "f",
    );
    expect(feed[0]).toMatchObject({ kind: "item", origin: "f#item1", input: { text: "One.", outlet: "W" } });
  });

  it("takes the outlet from a dateline", () => {
    expect(datelineOutlet("BAGHDAD, Jan. 4, 2024 (Tigris Post) -- A strike")).toBe("Tigris Post");
    expect(datelineOutlet("AMMAN, Jan. 31 (Reuters) - text")).toBe("Reuters");
    expect(datelineOutlet("No dateline (here) -- at all")).toBeNull();
  });
});

describe("isPrivateAddress", () => {
  it.each([
    ["127.0.0.1", true],
    ["10.1.2.3", true],
    ["172.20.0.1", true],
    ["192.168.1.1", true],
    ["169.254.169.254", true],
    ["100.64.0.1", true],
    ["224.0.0.1", true],
    ["0.0.0.0", true],
    ["::1", true],
    ["fe80::1", true],
    ["fd00::1", true],
    ["ff02::1", true],
    ["::ffff:127.0.0.1", true],
    ["::ffff:7f00:1", true],
    ["8.8.8.8", false],
    ["93.184.216.34", false],
    ["2606:4700::1111", false],
    ["not-an-ip", true],
  ])("%s -> %s", (ip, expected) => {
    expect(isPrivateAddress(ip)).toBe(expected);
  });
});
