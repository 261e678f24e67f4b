import type { Command } from "../command.js";
import { extractCommand } from "./extract.js";

/** Every `sitrep` command, in the order `sitrep --help` lists them. Add one import line per command. */
export const COMMANDS: readonly Command[] = [extractCommand];
