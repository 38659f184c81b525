import { createStyle, terminalText, type Style } from '../reports/style.js';

/** Where a command writes, and whether it may colour its text. Injected so tests can capture output. */
export interface CommandIO {
  readonly out: (text: string) => void;
  readonly err: (text: string) => void;
  readonly style: Style;
}

/** Colour is on for a TTY unless --no-color or NO_COLOR (https://no-color.org) says otherwise. */
export function colourWanted(noColorFlag: boolean, env: NodeJS.ProcessEnv, isTty: boolean): boolean {
  if (noColorFlag) return false;
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  if (env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== '0') return true;
  return isTty;
}

/**
 * The process's own streams. Every control character a configuration smuggled into the text is shown
 * visibly (`\x1b`); only the style's own colours reach the terminal (JSON escapes its own).
 */
export function processIO(color: boolean): CommandIO {
  const line = (text: string): string => terminalText(text.endsWith('\n') ? text : `${text}\n`);
  return {
    out: (text) => process.stdout.write(line(text)),
    err: (text) => process.stderr.write(line(text)),
    style: createStyle(color),
  };
}

/** Exit codes, documented in README: 0 fine, 1 a check failed (a violation, a missed target), 2 bad input. */
export const exitCodes = { ok: 0, failed: 1, badInput: 2 } as const;

/** JSON for machines: infinite figures (an unbounded backlog, "never" catches up) become "Infinity". */
export function toJson(value: unknown): string {
  return JSON.stringify(value, (_, item: unknown) => (typeof item === 'number' && !Number.isFinite(item) ? (Number.isNaN(item) ? 'NaN' : item > 0 ? 'Infinity' : '-Infinity') : item), 2);
}

/** "30min" as "30 min": people type durations on the command line without the space mathjs needs. */
export function spacedQuantity(text: string): string {
  return text.trim().replace(/^([0-9.]+)([a-zA-Z]+)$/, '$1 $2');
}
