/** Progress of a batch: a redrawn bar with rate and ETA on a terminal, plain lines otherwise. */
export interface Progress {
  /** The number of documents to process so far; `final` once all inputs are read (until then no ETA). */
  setTotal(total: number, final?: boolean): void;
  tick(failed?: boolean): void;
  log(line: string): void;
  /** A failed input: shown as it happens on a terminal (the command lists all failures at the end). */
  failure(reason: string): void;
  done(): void;
}

export interface ProgressStream {
  write(s: string): unknown;
  readonly isTTY?: boolean;
  readonly columns?: number;
}

function duration(seconds: number): string {
  if (!Number.isFinite(seconds)) return "?";
  const s = Math.round(seconds);
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const r = s % 60;
  return h > 0 ? `${h}h${String(m).padStart(2, "0")}m` : m > 0 ? `${m}m${String(r).padStart(2, "0")}s` : `${r}s`;
}

export function createProgress(
  label: string,
  stream: ProgressStream,
  options: { quiet?: boolean; intervalMs?: number; now?: () => number } = {},
): Progress {
  const tty = !!stream.isTTY;
  const clock = options.now ?? Date.now;
  const started = clock();
  let total = 0;
  let final = true;
  let done = 0;
  let failed = 0;
  let last = 0;
  let drawn = false;
  const interval = options.intervalMs ?? (tty ? 100 : 5000);
  const line = () => {
    const secs = (clock() - started) / 1000;
    const rate = secs > 0 ? done / secs : 0;
    const eta = rate > 0 && total > 0 && final ? (total - done) / rate : NaN;
    const of = `${total}${final ? "" : "+"}`;
    const pct = total > 0 ? Math.floor((done / total) * 100) : 0;
    const fails = failed > 0 ? ` ${failed} failed` : "";
    if (!tty) return `${label}: ${done}/${of} (${pct}%) ${rate.toFixed(1)} docs/s ETA ${duration(eta)}${fails}\n`;
    const width = Math.max(10, Math.min(30, (stream.columns ?? 80) - 60));
    const filled = total > 0 ? Math.round((done / total) * width) : 0;
    return `\r${label} [${"#".repeat(filled)}${"-".repeat(width - filled)}] ${pct}% ${done}/${of} ${rate.toFixed(1)} docs/s ETA ${duration(eta)}${fails}\x1b[K`;
  };
  const draw = (force = false) => {
    if (options.quiet) return;
    const now = clock();
    if (!force && now - last < interval) return;
    last = now;
    stream.write(line());
    drawn = tty;
  };
  return {
    setTotal(t, isFinal = true) {
      const changed = isFinal !== final || (isFinal && t !== total);
      total = t;
      final = isFinal;
      // While reading, redraw at the normal pace; a final total is shown at once.
      draw(changed);
    },
    tick(f = false) {
      done++;
      if (f) failed++;
      draw(final && done === total);
    },
    log(text) {
      if (options.quiet) return;
      if (drawn) stream.write("\r\x1b[K");
      stream.write(`${text}\n`);
      drawn = false;
      if (tty && total > 0) draw(true);
    },
    failure(reason) {
      if (tty) this.log(`failed: ${reason}`);
    },
    done() {
      if (options.quiet) return;
      if (tty && drawn) stream.write("\n");
      else if (!tty && total > 0 && last !== 0 && done !== total) stream.write(line());
    },
  };
}
