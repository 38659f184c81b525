// Regenerates the configuration reference in README.md from the JSON Schema (npm run docs).
import { readFileSync, writeFileSync } from 'node:fs';
import { configJsonSchema } from '../dist/config/schema.js';
import { configReference } from '../dist/reports/configReference.js';

const start = '<!-- config-reference:start -->';
const end = '<!-- config-reference:end -->';
const readme = readFileSync('README.md', 'utf8');
const before = readme.slice(0, readme.indexOf(start) + start.length);
const after = readme.slice(readme.indexOf(end));
if (!readme.includes(start) || !readme.includes(end)) throw new Error('README.md lacks the config-reference markers');
writeFileSync('README.md', `${before}\n${configReference(configJsonSchema())}\n${after}`);
