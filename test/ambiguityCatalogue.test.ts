import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..');
const sourceFolders = ['model', 'properties', 'planner', 'scenarios', 'config', 'reports', 'cli', 'test'];

function files(folder: string): string[] {
  return readdirSync(folder).flatMap((name) => {
    const path = join(folder, name);
    return statSync(path).isDirectory() ? files(path) : path.endsWith('.ts') ? [path] : [];
  });
}

function idsIn(text: string): Set<string> {
  return new Set([...text.matchAll(/\b(AMB|ASM)-\d+\b/g)].map((match) => match[0]));
}

describe("README's lists of ambiguities and assumptions", () => {
  const readme = readFileSync(join(root, 'README.md'), 'utf8');
  const listed = new Set([...readme.matchAll(/^- \*\*((?:AMB|ASM)-\d+) /gm)].map((match) => match[1] as string));
  const cited = new Set<string>();
  for (const folder of sourceFolders) {
    for (const file of files(join(root, folder))) {
      if (file.endsWith('ambiguityCatalogue.test.ts')) continue;
      for (const id of idsIn(readFileSync(file, 'utf8'))) cited.add(id);
    }
  }

  it('lists every ambiguity (AMB) and assumption (ASM) once, numbered without gaps', () => {
    for (const prefix of ['AMB', 'ASM']) {
      const numbers = [...listed].filter((id) => id.startsWith(prefix)).map((id) => Number(id.slice(4))).sort((a, b) => a - b);
      expect(numbers.length).toBeGreaterThan(0);
      expect(numbers).toEqual(numbers.map((_, position) => position + 1));
    }
  });

  it('every listed entry is marked in the code that makes the choice, and the code cites no entry the README lacks', () => {
    expect([...listed].filter((id) => !cited.has(id)).sort()).toEqual([]);
    expect([...cited].filter((id) => !listed.has(id)).sort()).toEqual([]);
  });
});
