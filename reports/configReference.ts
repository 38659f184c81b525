/**
 * The configuration reference as Markdown, generated from the JSON Schema (README keeps a copy
 * between markers; a test checks it is current).
 */

interface SchemaNode {
  readonly type?: string | string[];
  readonly description?: string;
  readonly properties?: Record<string, SchemaNode>;
  readonly required?: readonly string[];
  readonly items?: SchemaNode;
  readonly enum?: readonly unknown[];
  readonly anyOf?: readonly SchemaNode[];
  readonly additionalProperties?: SchemaNode | boolean;
  readonly prefixItems?: readonly SchemaNode[];
  readonly minimum?: number;
  readonly maximum?: number;
}

function typeOf(node: SchemaNode): string {
  if (node.enum !== undefined) return node.enum.map((value) => JSON.stringify(value)).join(' \\| ');
  if (node.anyOf !== undefined) return node.anyOf.map(typeOf).join(' or ');
  if (node.type === 'array') return node.prefixItems !== undefined ? `[${node.prefixItems.map(typeOf).join(', ')}]` : `list of ${node.items === undefined ? 'values' : typeOf(node.items)}`;
  if (node.type === 'object' && node.properties === undefined && typeof node.additionalProperties === 'object') return `map of ${typeOf(node.additionalProperties)}`;
  const range = node.minimum !== undefined || node.maximum !== undefined ? ` ${node.minimum ?? ''}..${node.maximum ?? ''}` : '';
  return `${Array.isArray(node.type) ? node.type.join('/') : (node.type ?? 'value')}${range}`;
}

function walk(node: SchemaNode, path: string, rows: string[]): void {
  const object = node.type === 'array' && node.items !== undefined ? node.items : node;
  if (object.properties === undefined) return;
  for (const [key, child] of Object.entries(object.properties)) {
    if (key === '$schema') continue;
    const childPath = `${path}${path === '' ? '' : node.type === 'array' ? '[].' : '.'}${key}`;
    const required = object.required?.includes(key) === true ? 'yes' : '';
    rows.push(`| \`${childPath}\` | ${typeOf(child)} | ${required} | ${(child.description ?? '').replace(/\|/g, '\\|')} |`);
    walk(child, childPath, rows);
  }
}

/** The reference table of every field. */
export function configReference(schema: SchemaNode): string {
  const rows = ['| field | type | required | meaning |', '| --- | --- | --- | --- |'];
  walk(schema, '', rows);
  return rows.join('\n');
}
