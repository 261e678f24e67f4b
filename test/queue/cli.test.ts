import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { afterAll, describe, expect, it, vi } from "vitest";
import { UsageError, type Command } from "../../src/cli/command.js";
import { ingestCommand } from "../../src/cli/commands/ingest.js";
import { queueCommand } from "../../src/cli/commands/queue.js";
import { workerCommand } from "../../src/cli/commands/worker.js";
import { obliterate, openQueues } from "../../src/queue/index.js";
import { REDIS_URL, ROOT, uniqueName } from "./helpers.js";

const COMMANDS: Record<string, Command> = { ingest: ingestCommand, queue: queueCommand, worker: workerCommand };

/** Runs a command in this process (as src/cli/main.ts would: a UsageError is exit code 2), capturing its output. */
async function sitrep(name: string, ...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = "";
  let stderr = "";
  const out = vi.spyOn(process.stdout, "write").mockImplementation((c) => ((stdout += String(c)), true));
  const err = vi.spyOn(process.stderr, "write").mockImplementation((c) => ((stderr += String(c)), true));
  try {
    return { code: await COMMANDS[name].run(args), stdout, stderr };
  } catch (e) {
    if (e instanceof UsageError) return { code: 2, stdout, stderr: stderr + e.message };
    throw e;
  } finally {
    out.mockRestore();
    err.mockRestore();
  }
}

const name = uniqueName("cli");
afterAll(async () => {
  const q = await openQueues({ url: REDIS_URL, name });
  await obliterate(q);
  await q.close();
});

describe("queue commands", () => {
  it("ingest --queue enqueues; queue status shows the counts; re-enqueueing adds nothing; clear empties it", async () => {
    const articles = join(ROOT, "examples", "articles");
    // Once through the real entry point, as a user runs it.
    const r = spawnSync(
      process.execPath,
      ["--import", "tsx", "src/cli/main.ts", "ingest", "--queue", REDIS_URL, "--name", name, articles],
      {
        cwd: ROOT,
        encoding: "utf8",
        timeout: 60_000,
      },
    );
    const first = { code: r.status, stdout: r.stdout };
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/19 document\(s\) read: 19 enqueued, 0 already queued or repeated, 0 failed/);
    const again = await sitrep("ingest", "--queue", REDIS_URL, "--name", name, articles);
    expect(again.stdout).toMatch(/19 document\(s\) read: 0 enqueued, 19 already queued or repeated/);

    const status = await sitrep("queue", "status", "--queue", REDIS_URL, "--name", name, "--format", "json");
    expect(status.code).toBe(0);
    expect(JSON.parse(status.stdout)).toMatchObject({ queue: name, waiting: 19, active: 0, completed: 0, failed: 0, dead: 0, workers: 0 });
    const text = await sitrep("queue", "status", "--queue", REDIS_URL, "--name", name);
    for (const label of ["waiting", "active", "retrying", "completed", "failed", "dead", "merge", "workers"])
      expect(text.stdout).toMatch(new RegExp(`^  ${label} +`, "m"));

    expect((await sitrep("queue", "dead", "--queue", REDIS_URL, "--name", name)).stdout).toMatch(/dead-letter list is empty/);
    expect((await sitrep("queue", "clear", "--queue", REDIS_URL, "--name", name)).code).toBe(2);
    expect((await sitrep("queue", "clear", "--queue", REDIS_URL, "--name", name, "--yes")).code).toBe(0);
    expect(JSON.parse((await sitrep("queue", "status", "--queue", REDIS_URL, "--name", name, "--format", "json")).stdout)).toMatchObject({
      waiting: 0,
    });
  });

  it("ingest --queue --attempts sets the tries before the dead-letter list", async () => {
    const other = uniqueName("cli-attempts");
    const article = join(ROOT, "examples", "articles", "09-talks-announced-jan25.txt");
    expect((await sitrep("ingest", "--queue", REDIS_URL, "--name", other, "--attempts", "0", article)).code).toBe(2);
    expect((await sitrep("ingest", "--queue", REDIS_URL, "--name", other, "--attempts", "3", article)).code).toBe(0);
    const q = await openQueues({ url: REDIS_URL, name: other });
    try {
      const [job] = await q.docs.getJobs(["waiting"]);
      expect(job.opts).toMatchObject({ attempts: 3, backoff: { type: "exponential", delay: 5000 } });
    } finally {
      await obliterate(q);
      await q.close();
    }
  });

  it("says clearly what is wrong with the arguments", async () => {
    const noQueue = await sitrep("worker", "--db", "postgres://127.0.0.1/x");
    expect(noQueue.code).toBe(2);
    expect(noQueue.stderr).toMatch(/give the queue: --queue redis:\/\//);
    const notRedis = await sitrep("queue", "status", "--queue", "http://127.0.0.1:6379");
    expect(notRedis.code).toBe(2);
    expect(notRedis.stderr).toMatch(/must be a redis:\/\/ URL/);
    const mixed = await sitrep("ingest", "--queue", REDIS_URL, "--db", "x.db", "examples");
    expect(mixed.code).toBe(2);
    expect(mixed.stderr).toMatch(/--queue only enqueues/);
    const unreachable = await sitrep("queue", "status", "--queue", "redis://127.0.0.1:1");
    expect(unreachable.code).toBe(2);
    expect(unreachable.stderr).toMatch(/cannot reach Redis at redis:\/\/127\.0\.0\.1:1/);
    const badName = await sitrep("queue", "status", "--queue", REDIS_URL, "--name", "a:b");
    expect(badName.code).toBe(2);
  });
});
