import type { Command } from "../command.js";
import { checkCommand } from "./check.js";
import { checkCommand } from "./check.js";
import { dataLintCommand } from "./data-lint.js";
import { evalCommand } from "./eval.js";
import { extractCommand } from "./extract.js";

/**
 * Every `sitrep` command, in the order `sitrep --help` lists them.
 * To add one: one import line above and one line in this array.
 */
// prettier-ignore
export const COMMANDS: readonly Command[] = [
  extractCommand,
  checkCommand,
  checkCommand,
  dataLintCommand,
  evalCommand,
];
