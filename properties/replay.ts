import type { Action } from './actions.js';
import type { InvariantId } from './invariant.js';

/**
 * Replay strings, printed under every violation and accepted by `tapegrid verify --replay`:
 * - a trace of the exhaustive search: `<invariant>:x<volumes per host>:<actions>`, the actions
 *   themselves (`cluster-fail.1~takeover.1.0.write~...`); no seed is needed;
 * - a random run: `<invariant>[/<mask>]:<fast-check path>` with the run's `--seed`; the hex mask names
 *   the invariants (by position) that run set checked, when earlier finds had set some aside.
 */

/** The fields of each action kind, in the order a replay string lists them. */
const fields: { readonly [K in Action['kind']]: readonly (keyof Extract<Action, { kind: K }>)[] } = {
  'scratch-mount': ['host', 'cluster', 'managementClass', 'choice'],
  'specific-mount': ['host', 'cluster', 'volume'],
  write: ['mount'],
  unload: ['mount'],
  'return-to-scratch': ['host', 'volume'],
  'links-fail': ['pair'],
  'link-fail': ['pair', 'link'],
  'links-restore': ['pair'],
  'cluster-fail': ['cluster'],
  'cluster-restore': ['cluster'],
  'site-fail': ['site'],
  'site-restore': ['site'],
  'host-link-fail': ['host', 'cluster'],
  takeover: ['at', 'of', 'mode'],
  'clear-takeover': ['at', 'of'],
  advance: ['minutes'],
  'advance-to-deadline': [],
  copy: [],
  'dr-test-begin': [],
  'dr-test-end': [],
  'declare-disaster': [],
  'gdps-switch': [],
  'vary-online': ['host', 'cluster'],
  'vary-offline': ['host', 'cluster'],
};

/** Actions as the compact text of a replay string. */
export function encodeActions(actions: readonly Action[]): string {
  return actions
    .map((action) => {
      const names = fields[action.kind] as readonly string[];
      const values = names.map((name) => (action as unknown as Record<string, unknown>)[name]).filter((value) => value !== undefined);
      return [action.kind, ...values.map(String)].join('.');
    })
    .join('~');
}

/** The actions of a replay string's action text, or an error message. */
export function decodeActions(text: string): Action[] | string {
  if (text === '') return [];
  const actions: Action[] = [];
  for (const part of text.split('~')) {
    const [kind, ...values] = part.split('.');
    if (kind === undefined || !(kind in fields)) return `unknown action "${kind ?? ''}" in "${part}"`;
    const names = fields[kind as Action['kind']] as readonly string[];
    if (values.length > names.length) return `too many values in "${part}" (${kind} takes ${names.join(', ') || 'none'})`;
    const action: Record<string, unknown> = { kind };
    for (const [position, value] of values.entries()) {
      const name = names[position] ?? '';
      if (name === 'mode') {
        if (value !== 'read' && value !== 'write') return `takeover mode must be read or write in "${part}"`;
        action[name] = value;
      } else {
        const number = Number(value);
        if (!Number.isFinite(number) || number < 0) return `"${value}" in "${part}" is not a number`;
        action[name] = number;
      }
    }
    if (values.length < names.length && !(kind === 'scratch-mount' && values.length === 3)) return `missing values in "${part}" (${kind} takes ${names.join(', ')})`;
    actions.push(action as unknown as Action);
  }
  return actions;
}

/** A parsed replay string. */
export type Replay =
  | { readonly kind: 'exhaustive'; readonly invariant: InvariantId; readonly volumesPerHost: number; readonly actions: readonly Action[] }
  | { readonly kind: 'random'; readonly invariant: InvariantId; readonly mask: bigint | null; readonly path: string };

/** Parses a replay string; a message saying what is wrong when it cannot. */
export function parseReplay(text: string, known: readonly InvariantId[]): Replay | string {
  const separator = text.indexOf(':');
  if (separator < 0) return `--replay expects "<invariant>:<path>" or "<invariant>:x<volumes>:<actions>" as printed under a violation, found "${text}"`;
  const head = text.slice(0, separator);
  const rest = text.slice(separator + 1);
  const [id, maskText] = head.split('/');
  if (id === undefined || !known.includes(id as InvariantId)) return `--replay names an unknown invariant "${id ?? ''}"; expected one of ${known.join(', ')}`;
  const exhaustive = /^x(\d+):(.*)$/.exec(rest);
  if (exhaustive !== null) {
    const actions = decodeActions(exhaustive[2] ?? '');
    const volumesPerHost = Number(exhaustive[1]);
    if (volumesPerHost < 1) return '--replay: volumes per host must be at least 1';
    return typeof actions === 'string' ? `--replay: ${actions}` : { kind: 'exhaustive', invariant: id as InvariantId, volumesPerHost, actions };
  }
  if (maskText !== undefined && !/^[0-9a-f]+$/.test(maskText)) return `--replay: "${maskText}" is not an invariant mask (hex digits)`;
  const mask = maskText === undefined ? null : BigInt(`0x${maskText}`);
  if (!/^\d+(:\d+)*$/.test(rest)) return `--replay expects a fast-check path of numbers separated by ":" after "${head}:", found "${rest}"`;
  return { kind: 'random', invariant: id as InvariantId, mask, path: rest };
}
