import type { Command } from "../command.js";
import { checkCommand } from "./check.js";
import { dataLintCommand } from "./data-lint.js";
import { evalCommand } from "./eval.js";
import { extractCommand } from "./extract.js";
import { ingestCommand } from "./ingest.js";
import { eventsCommand } from "./events.js";
import { actorsCommand } from "./actors.js";
import { docsCommand } from "./docs.js";
import { seriesCommand } from "./series.js";
import { exportCommand } from "./export.js";
import { serveCommand } from "./serve.js";
import { workerCommand } from "./worker.js";
import { queueCommand } from "./queue.js";

/**
 * Every `sitrep` command, in the order `sitrep --help` lists them.
 * To add one: one import line above and one line in this array.
 */
// prettier-ignore
export const COMMANDS: readonly Command[] = [
  extractCommand,
  ingestCommand,
  eventsCommand,
  actorsCommand,
  docsCommand,
  seriesCommand,
  exportCommand,
  checkCommand,
  dataLintCommand,
  serveCommand,
  workerCommand,
  queueCommand,
  evalCommand,
];
