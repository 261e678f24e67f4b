import { describe, expect, it } from "vitest";
import { UsageError } from "../cli/command.js";
import { serveCommand } from "../cli/commands/serve.js";

describe("sitrep serve", () => {
  it.each([["--port", "http"], ["--port", "70000"], ["--max-extract-bytes", "0"], ["stray"]])(
    "refuses bad usage: %s %s",
    async (...args) => {
      await expect(serveCommand.run(args.filter((a): a is string => typeof a === "string"))).rejects.toBeInstanceOf(UsageError);
    },
  );
});
