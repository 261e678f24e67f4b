#!/usr/bin/env node
import { EXIT_USAGE, UsageError } from "./command.js";
import { COMMANDS } from "./commands/index.js";
import { InputError } from "../runtime/read-input.js";

async function help(): Promise<string> {
  const commands = await Promise.all(COMMANDS.map((c) => c.load()));
  const width = Math.max(...commands.map((c) => c.name.length));
  const lines = commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`);
  return `sitrep: news text about conflict and diplomacy -> sourced, PLOVER-coded events\n\nUsage: sitrep <command> [options]\n\nCommands:\n${lines.join("\n")}\n\nRun 'sitrep <command> --help' for a command's options.\n`;
}

export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === "--help" || name === "-h" || name === "help") {
    process.stdout.write(await help());
    return name ? 0 : EXIT_USAGE;
  }
  if (name === "--version") {
    process.stdout.write("sitrep 0.1.0\n");
    return 0;
  }
  const entry = COMMANDS.find((c) => c.name === name);
  if (!entry) {
    process.stderr.write(`sitrep: unknown command "${name}"\n\n${await help()}`);
    return EXIT_USAGE;
  }
  const command = await entry.load();
  if (rest.includes("--help") || rest.includes("-h")) {
    process.stdout.write(`${command.summary}\n\nUsage: ${command.usage}\n`);
    return 0;
  }
  try {
    return await command.run(rest);
  } catch (e) {
    if (e instanceof UsageError || e instanceof InputError || e instanceof RangeError) {
      process.stderr.write(`sitrep ${name}: ${e.message}\n`);
      if (e instanceof UsageError) process.stderr.write(`Usage: ${command.usage}\n`);
      return EXIT_USAGE;
    }
    throw e;
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    process.stderr.write(`sitrep: internal error: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    process.exitCode = 70;
  },
);
