/** One CLI command: `sitrep <name> ...`. Commands print; the work happens in the layers below. */
export interface Command {
  readonly name: string;
  readonly summary: string;
  readonly usage: string;
  /** Returns the process exit code. */
  run(argv: string[]): Promise<number> | number;
}

/** Exit codes: 0 ok, 1 something in a batch failed, 2 bad usage or bad input. */
export const EXIT_OK = 0;
export const EXIT_PARTIAL = 1;
export const EXIT_USAGE = 2;

export class UsageError extends Error {
  override name = "UsageError";
}
