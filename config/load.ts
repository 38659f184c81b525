import { readFile } from 'node:fs/promises';
import { LineCounter, parseDocument, isMap, isNode, isScalar, type Document } from 'yaml';
import type * as z from 'zod';
import { buildDefinition } from './definition.js';
import { configError, didYouMean, type ConfigProblem } from './problems.js';
import { loadUnitParser, type UnitParser } from './quantity.js';
import { configSchema, type GridConfigFile } from './schema.js';
import { semanticChecks, type Salvaged } from './semantic.js';
import type { GridDefinition } from '../model/index.js';

/** A configuration that passed validation (it may still carry warnings). */
export interface LoadedConfig {
  readonly ok: true;
  readonly file: string;
  readonly config: GridConfigFile;
  readonly definition: GridDefinition;
  readonly units: UnitParser;
  readonly warnings: readonly ConfigProblem[];
  /** Where each top-level section starts in the file (1-based line and column), for findings about a section as a whole (SARIF). */
  readonly sections: SectionPositions;
}

/** Where each top-level section of a configuration file starts (1-based line and column). */
export type SectionPositions = Readonly<Record<string, { readonly line: number; readonly column: number }>>;

/** A configuration that did not: every problem found, errors and warnings. */
export interface RejectedConfig {
  readonly ok: false;
  readonly file: string;
  readonly problems: readonly ConfigProblem[];
}

/** Reads, parses and validates a YAML or JSON configuration file; never throws for bad input. */
export async function loadConfig(file: string): Promise<LoadedConfig | RejectedConfig> {
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a folder, not a file' : code === 'EACCES' ? 'permission denied' : 'unreadable';
    return { ok: false, file, problems: [configError('file-unreadable', [], `cannot read the configuration: ${reason}`)] };
  }
  const decoded = decodeUtf8(bytes);
  if (typeof decoded !== 'string') {
    return { ok: false, file, problems: [configError('file-unreadable', [], `the file is not UTF-8 text: invalid byte 0x${decoded.byte.toString(16).padStart(2, '0')} at byte offset ${decoded.offset}`, { expected: 'a YAML or JSON file in UTF-8' })] };
  }
  return validateConfigText(decoded, file);
}

/** The text of UTF-8 bytes, or where the first byte that is not UTF-8 is (a BOM is dropped). */
function decodeUtf8(bytes: Buffer): string | { readonly offset: number; readonly byte: number } {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    // Find the offset: the longest prefix that decodes, give or take one incomplete sequence.
    let good = 0;
    let bad = bytes.length;
    while (good + 1 < bad) {
      const middle = Math.floor((good + bad) / 2);
      try {
        new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(0, middle), { stream: true });
        good = middle;
      } catch {
        bad = middle;
      }
    }
    return { offset: good, byte: bytes[good] ?? 0 };
  }
}

/** Largest nesting the configuration format needs is about 6; anything far deeper is refused, not recursed into. */
const maxNesting = 64;

function nestingDepth(text: string): number {
  let depth = 0;
  let deepest = 0;
  for (const char of text) {
    if (char === '[' || char === '{') deepest = Math.max(deepest, (depth += 1));
    else if (char === ']' || char === '}') depth = Math.max(0, depth - 1);
  }
  return deepest;
}

/** Validates configuration text (YAML or JSON); `file` is used in messages only. */
export async function validateConfigText(text: string, file: string): Promise<LoadedConfig | RejectedConfig> {
  // Flow collections nested far deeper than the format needs would exhaust the stack in the parsers.
  if (nestingDepth(text) > maxNesting) {
    return { ok: false, file, problems: [configError('syntax', [], `lists or maps nested more than ${maxNesting} deep`, { expected: `at most ${maxNesting} levels of [ ] and { }` })] };
  }
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  if (document.errors.length > 0) {
    const problems = document.errors.map((error) => {
      const problem = configError('syntax', [], `YAML/JSON syntax: ${error.message.split('\n')[0] ?? error.message}`);
      const position = lineCounter.linePos(error.pos[0]);
      problem.line = position.line;
      problem.column = position.col;
      return problem;
    });
    return { ok: false, file, problems };
  }
  let raw: unknown;
  try {
    // maxAliasCount bounds alias expansion ("billion laughs"); an alias to no anchor also throws here.
    raw = document.toJS({ maxAliasCount: 100 });
  } catch (error) {
    const message = error instanceof Error ? error.message.split('\n')[0] ?? error.message : String(error);
    return { ok: false, file, problems: [configError('syntax', [], `YAML aliases: ${message}`, { expected: 'each alias (*name) refers to an anchor (&name) and expands to a document of reasonable size' })] };
  }
  const units = await loadUnitParser();
  const schema = configSchema(units);
  const parsed = schema.safeParse(raw);
  const problems: ConfigProblem[] = parsed.success ? [] : parsed.error.issues.flatMap((issue) => issueToProblems(issue, raw, schema));
  const salvaged: Salvaged = parsed.success ? parsed.data : salvage(raw, schema);
  problems.push(...semanticChecks(salvaged, units, { complete: parsed.success, raw }));
  locate(problems, document, lineCounter);
  const errors = problems.filter((problem) => problem.severity === 'error');
  if (!parsed.success || errors.length > 0) return { ok: false, file, problems: sortProblems(problems) };
  return { ok: true, file, config: parsed.data, definition: buildDefinition(parsed.data, units), units, warnings: sortProblems(problems), sections: sectionPositions(document, lineCounter) };
}

/** The position of each top-level key of the document. */
function sectionPositions(document: Document, lineCounter: LineCounter): Record<string, { line: number; column: number }> {
  const positions: Record<string, { line: number; column: number }> = {};
  if (!isMap(document.contents)) return positions;
  for (const pair of document.contents.items) {
    if (!isScalar(pair.key) || pair.key.range === undefined || pair.key.range === null) continue;
    const position = lineCounter.linePos(pair.key.range[0]);
    positions[String(pair.key.value)] = { line: position.line, column: position.col };
  }
  return positions;
}

function sortProblems(problems: ConfigProblem[]): ConfigProblem[] {
  return [...problems].sort((a, b) => (a.severity === b.severity ? 0 : a.severity === 'error' ? -1 : 1) || (a.line ?? 0) - (b.line ?? 0));
}

/** Adds line and column to each problem from the YAML node at its path (or its nearest parent). */
function locate(problems: ConfigProblem[], document: Document, lineCounter: LineCounter): void {
  for (const problem of problems) {
    if (problem.line !== undefined) continue;
    for (let length = problem.path.length; length >= 0; length -= 1) {
      const node: unknown = length === 0 ? document.contents : document.getIn(problem.path.slice(0, length), true);
      if (isNode(node) && node.range !== undefined && node.range !== null) {
        const position = lineCounter.linePos(node.range[0]);
        problem.line = position.line;
        problem.column = position.col;
        break;
      }
    }
  }
}

function valueAt(raw: unknown, path: readonly PropertyKey[]): unknown {
  let current: unknown = raw;
  for (const key of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<PropertyKey, unknown>)[key];
  }
  return current;
}

function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (typeof value === 'string') return `"${value.length > 60 ? `${value.slice(0, 57)}...` : value}"`;
  if (typeof value === 'number' || typeof value === 'boolean' || value === null) return `${typeof value === 'number' ? 'number ' : ''}${String(value)}`;
  if (Array.isArray(value)) return `a list of ${value.length}`;
  return 'an object';
}

type ZodDef = { type: string; shape?: Record<string, z.ZodType>; element?: z.ZodType; innerType?: z.ZodType; valueType?: z.ZodType; items?: z.ZodType[]; in?: z.ZodType; options?: z.ZodType[] };

function defOf(schema: z.ZodType): ZodDef {
  return (schema as unknown as { _zod: { def: ZodDef } })._zod.def;
}

/** The schema of the value at a path (unwrapping optionals), for "did you mean" and salvage. */
function schemaAt(schema: z.ZodType, path: readonly PropertyKey[]): z.ZodType | undefined {
  let current: z.ZodType | undefined = schema;
  let index = 0;
  while (current !== undefined) {
    const def = defOf(current);
    if (def.type === 'optional' || def.type === 'default' || def.type === 'nullable') {
      current = def.innerType;
      continue;
    }
    if (def.type === 'pipe') {
      current = def.in;
      continue;
    }
    if (index >= path.length) return current;
    const key = path[index];
    index += 1;
    // Own keys only: a key named "__proto__" or "toString" must not reach the object's prototype.
    if (def.type === 'object') current = def.shape !== undefined && Object.hasOwn(def.shape, String(key)) ? def.shape[String(key)] : undefined;
    else if (def.type === 'array') current = def.element;
    else if (def.type === 'record') current = def.valueType;
    else if (def.type === 'tuple') current = def.items?.[Number(key)];
    else return undefined;
  }
  return undefined;
}

function knownKeysAt(schema: z.ZodType, path: readonly PropertyKey[]): string[] {
  const target = schemaAt(schema, path);
  if (target === undefined) return [];
  const def = defOf(target);
  return def.type === 'object' && def.shape !== undefined ? Object.keys(def.shape) : [];
}

function issueToProblems(issue: z.core.$ZodIssue, raw: unknown, schema: z.ZodType): ConfigProblem[] {
  const path = issue.path.map((key) => (typeof key === 'symbol' ? String(key) : key));
  const found = valueAt(raw, issue.path);
  switch (issue.code) {
    case 'unrecognized_keys': {
      const known = knownKeysAt(schema, issue.path);
      return issue.keys.map((key) => {
        const hint = didYouMean(key, known);
        return configError('unknown-key', [...path, key], `unknown key "${key}"${hint === undefined ? '' : `; did you mean "${hint}"?`}`, {
          expected: known.length > 0 ? `one of ${known.join(', ')}` : 'no further keys',
          found: `"${key}"`,
        });
      });
    }
    case 'invalid_type': {
      if (found === undefined) return [configError('missing', path, 'required field is missing', { expected: issue.expected, found: 'nothing' })];
      const looksLikeCategory = typeof found === 'number' && /[Cc]ategor/.test(String(path.join('.')));
      return [
        configError('invalid-type', path, looksLikeCategory ? 'YAML read this category as a number: write it in quotes, such as "0002"' : `wrong type`, {
          expected: issue.expected,
          found: describeValue(found),
        }),
      ];
    }
    case 'too_small':
    case 'too_big':
      return [configError('out-of-range', path, issue.message.replace(/^Too (small|big): /, ''), { found: describeValue(found) })];
    case 'invalid_value':
      return [configError('invalid-value', path, 'not an allowed value', { expected: `one of ${issue.values.map((value) => JSON.stringify(value)).join(', ')}`, found: describeValue(found) })];
    case 'invalid_format':
      return [configError('invalid-value', path, issue.message, { found: describeValue(found) })];
    case 'custom': {
      const params = (issue.params ?? {}) as { tapegridCode?: 'invalid-unit' | 'dimension-mismatch'; expected?: string };
      return [configError(params.tapegridCode ?? 'invalid-value', path, issue.message, { ...(params.expected === undefined ? {} : { expected: params.expected }), found: describeValue(found) })];
    }
    case 'invalid_union': {
      const nested = issue.errors.flat().find((candidate) => candidate.code === 'custom');
      if (nested !== undefined) return issueToProblems({ ...nested, path: [...issue.path, ...nested.path] } as z.core.$ZodIssue, raw, schema);
      return [configError('invalid-value', path, 'not an allowed value', { found: describeValue(found) })];
    }
    default:
      return [configError('invalid-value', path, issue.message, { found: describeValue(found) })];
  }
}

/** Fields each list element needs for cross-field checks to say anything about it. */
const identityFields: Readonly<Record<string, readonly string[]>> = {
  clusters: ['id', 'kind'],
  gridLinks: ['between'],
  hosts: ['name', 'online'],
  managementClasses: ['name', 'copyModes'],
  workload: ['cluster', 'managementClasses'],
};

/**
 * The valid parts of an invalid file: each top-level section that passes on its own, and each list
 * element kept field by field (a bad cache size does not hide the same cluster's drives). Elements
 * whose identity fields failed become null, so indexes still match the file. Cross-field checks then
 * run on what is sound: every error at once.
 */
function salvage(raw: unknown, schema: z.ZodType): Salvaged {
  const result: Record<string, unknown> = {};
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) return result as Salvaged;
  for (const [key, value] of Object.entries(raw as Record<string, unknown>)) {
    const sectionSchema = schemaAt(schema, [key]);
    if (sectionSchema === undefined) continue;
    const def = defOf(sectionSchema);
    if (def.type === 'array' && Array.isArray(value) && def.element !== undefined) {
      const element = def.element;
      result[key] = value.map((item) => salvageElement(item, element, Object.hasOwn(identityFields, key) ? (identityFields[key] ?? []) : []));
    } else {
      const parsed = sectionSchema.safeParse(value);
      if (parsed.success) result[key] = parsed.data;
    }
  }
  return result as Salvaged;
}

function salvageElement(item: unknown, element: z.ZodType, identity: readonly string[]): unknown {
  const whole = element.safeParse(item);
  if (whole.success) return whole.data;
  const elementDef = defOf(element);
  if (elementDef.type !== 'object' || elementDef.shape === undefined || item === null || typeof item !== 'object') return null;
  const kept: Record<string, unknown> = {};
  for (const [field, value] of Object.entries(item as Record<string, unknown>)) {
    const fieldSchema = Object.hasOwn(elementDef.shape, field) ? elementDef.shape[field] : undefined;
    if (fieldSchema === undefined) continue;
    const parsed = fieldSchema.safeParse(value);
    if (parsed.success) kept[field] = parsed.data;
  }
  return identity.every((field) => kept[field] !== undefined) ? kept : null;
}
