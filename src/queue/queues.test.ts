import { describe, expect, it } from "vitest";
import { contentHash } from "../store/write.js";
import { documentJob } from "./enqueue.js";
import { checkConfig, isRedisUrl, QueueConfigError, redactUrl } from "./queues.js";

describe("queue configuration", () => {
  it("accepts redis:// and rediss:// URLs only", () => {
    expect(isRedisUrl("redis://127.0.0.1:6379")).toBe(true);
    expect(isRedisUrl("rediss://:secret@cache.internal:6380/2")).toBe(true);
    expect(isRedisUrl("postgres://127.0.0.1/x")).toBe(false);
    expect(isRedisUrl("127.0.0.1:6379")).toBe(false);
    expect(() => checkConfig({ url: "http://127.0.0.1:6379" })).toThrow(QueueConfigError);
  });

  it("defaults the queue name and key prefix, and refuses names Redis keys or BullMQ cannot carry", () => {
    expect(checkConfig({ url: "redis://h" })).toEqual({ url: "redis://h", name: "sitrep", prefix: "sitrep" });
    expect(checkConfig({ url: "redis://h", name: "night-batch_2" }).name).toBe("night-batch_2");
    for (const name of ["a:b", "", "with space", "x".repeat(101)])
      expect(() => checkConfig({ url: "redis://h", name })).toThrow(/queue name/);
    expect(() => checkConfig({ url: "redis://h", prefix: "a b" })).toThrow(/prefix/);
  });

  it("never prints a password", () => {
    expect(redactUrl("redis://:s3cret@10.0.0.5:6379")).toBe("redis://:***@10.0.0.5:6379");
    expect(redactUrl("redis://worker:s3cret@10.0.0.5:6379/1")).toBe("redis://worker:***@10.0.0.5:6379/1");
    expect(redactUrl("redis://10.0.0.5:6379")).toBe("redis://10.0.0.5:6379");
  });
});

describe("document jobs", () => {
  const item = (input: { text: string; published?: string | null; metadataPublished?: string | null }) => ({
    kind: "item" as const,
    origin: "a.txt",
    input,
  });

  it("are keyed by the content hash, whatever the origin", () => {
    const a = documentJob(item({ text: "Talks began in Baghdad." }));
    const b = documentJob({ ...item({ text: "Talks began in Baghdad." }), origin: "elsewhere.txt" });
    expect(a.hash).toBe(contentHash("Talks began in Baghdad."));
    expect(b.hash).toBe(a.hash);
  });

  it("take --published only for documents that state no date (as a local ingest does)", () => {
    expect(documentJob(item({ text: "x" }), "2024-01-04").input.metadataPublished).toBe("2024-01-04");
    expect(documentJob(item({ text: "x", published: "2024-02-01" }), "2024-01-04").input.metadataPublished).toBeUndefined();
    expect(documentJob(item({ text: "x", metadataPublished: "2024-02-01" }), "2024-01-04").input.metadataPublished).toBe("2024-02-01");
    expect(documentJob(item({ text: "x" })).input.metadataPublished).toBeUndefined();
  });
});
