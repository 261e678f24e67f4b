import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FetchError, safeFetch } from "./fetch.js";

let server: Server;
let base: string;
beforeAll(async () => {
  server = createServer((req, res) => {
    const u = req.url ?? "/";
    if (u === "/article") {
      res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
      return res.end("<html><body><p>Rockets hit the base on Saturday.</p></body></html>");
    }
    if (u.startsWith("/hop/")) {
      const n = Number(u.slice(5));
      res.writeHead(302, { location: n > 0 ? `/hop/${n - 1}` : "/article" });
      return res.end();
    }
    if (u === "/loop") {
      res.writeHead(301, { location: "/loop" });
      return res.end();
    }
    if (u === "/to-other-scheme") {
      res.writeHead(302, { location: "file:///etc/passwd" });
      return res.end();
    }
    if (u === "/image") {
      res.writeHead(200, { "content-type": "image/png" });
      return res.end(Buffer.alloc(10));
    }
    if (u === "/big") {
      res.writeHead(200, { "content-type": "text/plain" });
      return res.end("x".repeat(5000));
    }
    if (u === "/slow") {
      res.writeHead(200, { "content-type": "text/plain" });
      res.write("partial");
      return; // never ends
    }
    res.writeHead(404, { "content-type": "text/plain" });
    res.end("not found");
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => {
  server.closeAllConnections();
  server.close();
});

const ok = { allowPrivate: true };

describe("safeFetch", () => {
  it("refuses loopback addresses unless allowed", async () => {
    await expect(safeFetch(`${base}/article`)).rejects.toThrow(/refused: 127\.0\.0\.1 resolves to a private, loopback/);
    await expect(safeFetch("http://localhost:1/article")).rejects.toThrow(/refused|private/);
    const r = await safeFetch(`${base}/article`, ok);
    expect(r.contentType).toBe("text/html");
    expect(new TextDecoder().decode(r.bytes)).toContain("Rockets hit the base");
  });

  it("follows a limited number of redirects, re-checking each hop", async () => {
    const r = await safeFetch(`${base}/hop/2`, ok);
    expect(r.url).toBe(`${base}/article`);
    await expect(safeFetch(`${base}/hop/9`, { ...ok, maxRedirects: 3 })).rejects.toThrow(/too many redirects/);
    await expect(safeFetch(`${base}/loop`, ok)).rejects.toThrow(/too many redirects/);
    await expect(safeFetch(`${base}/to-other-scheme`, ok)).rejects.toThrow(/only http and https/);
  });

  it("checks content type, size, status and time", async () => {
    await expect(safeFetch(`${base}/image`, ok)).rejects.toThrow(/unsupported content type "image\/png"/);
    await expect(safeFetch(`${base}/big`, { ...ok, maxBytes: 1000 })).rejects.toThrow(/limit/);
    await expect(safeFetch(`${base}/missing`, ok)).rejects.toThrow(/HTTP 404/);
    await expect(safeFetch(`${base}/slow`, { ...ok, timeoutMs: 300 })).rejects.toThrow(/timed out/);
    await expect(safeFetch("ftp://example.org/x")).rejects.toThrow(FetchError);
    await expect(safeFetch("not a url")).rejects.toThrow(/not a valid URL/);
  });
});
