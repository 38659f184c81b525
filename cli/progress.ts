import type { VerifyProgress } from '../properties/index.js';

/**
 * A progress bar on stderr for work that takes longer than a second; silent otherwise, and never when
 * stderr is not a terminal (CI logs, pipes).
 */
export function createProgress(label: string, enabled: boolean, write: (text: string) => void = (text) => process.stderr.write(text)): {
  update: (done: number, total: number) => void;
  finish: () => void;
} {
  const started = Date.now();
  let shown = false;
  let lastDraw = 0;
  return {
    update(done, total) {
      if (!enabled) return;
      const now = Date.now();
      if (now - started < 1000 || now - lastDraw < 100) return;
      lastDraw = now;
      shown = true;
      const width = 30;
      const filled = Math.round((done / Math.max(1, total)) * width);
      write(`\r${label} [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total}`);
    },
    finish() {
      if (shown) write('\r\u001b[2K');
    },
  };
}

/** The bar of a verification: states against the state bound while searching, then random runs. */
export function verifyProgressBar(progress: ReturnType<typeof createProgress>): (step: VerifyProgress) => void {
  return (step) => (step.phase === 'random' ? progress.update(step.done, step.total) : progress.update(step.distinct, step.maxStates));
}
