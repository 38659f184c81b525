import { Chalk, type ChalkInstance } from 'chalk';

/** Colours for terminal text; a plain instance when colour is off (--no-color, NO_COLOR, not a TTY). */
export type Style = ChalkInstance;

/** A style with colour on or off. */
export function createStyle(color: boolean): Style {
  return new Chalk({ level: color ? 1 : 0 });
}
