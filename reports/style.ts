import { Chalk, type ChalkInstance } from 'chalk';

/**
 * Terminal safety (issue 16): text from a configuration may carry control characters (ANSI colour,
 * OSC title or hyperlink sequences, cursor movement). Everything a style colours is first made
 * visible (`\x1b`), and the style's own colour codes travel as private-use placeholders that only
 * `terminalText` turns back into escape sequences, after it has made every other control visible.
 */
// A nonce no configuration can know, so text from a file cannot forge a placeholder.
const nonce = Math.random().toString(36).slice(2, 10);
const open = `\uE000${nonce}:`;
const close = '\uE001';

/** Control characters (and the placeholders) shown visibly: "\x1b", "\x07", "\u2028" ... Newlines and tabs stay. */
export function visibleControls(text: string): string {
  return text.replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029\uE000\uE001]/g, (char) => {
    const code = char.charCodeAt(0);
    return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
  });
}

/** Escapes every control character outside the style's placeholders; each placeholder becomes `restore(codes)`. */
function outsidePlaceholders(text: string, restore: (codes: string) => string): string {
  return text
    .split(open)
    .map((part, index) => {
      if (index === 0) return visibleControls(part);
      const end = part.indexOf(close);
      const codes = part.slice(0, end);
      return end > 0 && /^[0-9;]+$/.test(codes) ? `${restore(codes)}${visibleControls(part.slice(end + 1))}` : visibleControls(`${open}${part}`);
    })
    .join('');
}

/** Text ready for a terminal: every control character visible, then the style's own colour codes restored. */
export function terminalText(text: string): string {
  return outsidePlaceholders(text, (codes) => `\u001b[${codes}m`);
}

/** The width a terminal gives the text: neither the style's codes nor its placeholders take space. */
export function displayWidth(text: string): number {
  return outsidePlaceholders(text, () => '').replace(/\u001b\[[0-9;]*m/g, '').length;
}

/** The colours the command line uses; each makes control characters in its text visible first. */
export interface Style {
  readonly bold: (text: string) => string;
  readonly dim: (text: string) => string;
  readonly green: (text: string) => string;
  readonly red: (text: string) => string;
  readonly yellow: (text: string) => string;
}

/** A style with colour on or off (--no-color, NO_COLOR, not a TTY). */
export function createStyle(color: boolean): Style {
  const chalk = new Chalk({ level: color ? 1 : 0 });
  const guard = (paint: ChalkInstance) => (text: string): string =>
    paint(outsidePlaceholders(text, (codes) => `${open}${codes}${close}`)).replace(/\u001b\[([0-9;]+)m/g, `${open}$1${close}`);
  return { bold: guard(chalk.bold), dim: guard(chalk.dim), green: guard(chalk.green), red: guard(chalk.red), yellow: guard(chalk.yellow) };
}
