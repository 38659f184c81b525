import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { configJsonSchema } from '../../config/schema.js';
import { configReference } from '../../reports/configReference.js';

const root = join(import.meta.dirname, '..', '..');

describe('README', () => {
  it('carries the configuration reference generated from the schema (npm run docs)', () => {
    const readme = readFileSync(join(root, 'README.md'), 'utf8');
    const section = readme.slice(readme.indexOf('<!-- config-reference:start -->') + '<!-- config-reference:start -->'.length, readme.indexOf('<!-- config-reference:end -->')).trim();
    expect(section).toBe(configReference(configJsonSchema()).trim());
    expect(section).toContain('`clusters[].aotm.tsscNetwork`');
  });

  it('gives the two quick-start commands and the test command CI runs', () => {
    const readme = readFileSync(join(root, 'README.md'), 'utf8');
    expect(readme).toContain('npm ci && npm start');
    expect(readme).toContain('npm ci && npm test');
    expect(readFileSync(join(root, '.ci', 'run'), 'utf8')).toContain('npm test');
  });
});
