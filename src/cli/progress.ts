/**
 * Progress on stderr, shown only once a run has taken more than about a
 * second: an overwriting bar on a terminal, plain "  37% …" lines otherwise.
 */
export interface Progress {
  /** Fraction done, 0..1. */
  update: (fractionDone: number) => void;
  /** Clear the bar (terminal) or print the final line. */
  done: () => void;
}

interface ProgressStream {
  write(text: string): unknown;
  isTTY?: boolean;
  columns?: number;
}

/** Show nothing for runs shorter than this. */
export const PROGRESS_DELAY_MS = 1000;

export function createProgress(stream: ProgressStream, now: () => number = () => performance.now()): Progress {
  const start = now();
  const tty = stream.isTTY === true;
  let shown = false;
  let lastDraw = Number.NEGATIVE_INFINITY;
  let lastStep = -1;

  const eta = (f: number, elapsedMs: number): string => {
    if (f <= 0.001) return "";
    const s = Math.round(((1 - f) / f) * (elapsedMs / 1000));
    return s >= 60 ? `, ~${Math.floor(s / 60)} min ${s % 60} s left` : `, ~${s} s left`;
  };

  return {
    update(fractionDone: number) {
      const t = now();
      const elapsed = t - start;
      if (elapsed < PROGRESS_DELAY_MS) return;
      const f = Math.min(1, Math.max(0, fractionDone));
      const pct = Math.floor(f * 100);
      if (tty) {
        if (t - lastDraw < 100 && pct < 100) return;
        lastDraw = t;
        const width = 30;
        const filled = Math.round(f * width);
        stream.write(
          `\r  [${"#".repeat(filled)}${" ".repeat(width - filled)}] ${String(pct).padStart(3)}%${eta(f, elapsed)}\x1b[K`,
        );
        shown = true;
      } else {
        // One line per 10 %.
        const step = Math.floor(pct / 10);
        if (step === lastStep) return;
        lastStep = step;
        stream.write(`  ${pct}% …${eta(f, elapsed)}\n`);
        shown = true;
      }
    },
    done() {
      if (shown && tty) stream.write("\r\x1b[K");
    },
  };
}
