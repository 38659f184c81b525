// Regenerates the configuration reference in README.md from the JSON Schema, and the command reference
// from the command table (npm run docs).
import { readFileSync, writeFileSync } from 'node:fs';
import { configJsonSchema } from '../dist/config/schema.js';
import { configReference } from '../dist/reports/configReference.js';
import { commandReference } from '../dist/cli/commandReference.js';

/** Replaces the text between two markers of README.md. */
function replaceBetween(text, name, content) {
  const start = `<!-- ${name}:start -->`;
  const end = `<!-- ${name}:end -->`;
  if (!text.includes(start) || !text.includes(end)) throw new Error(`README.md lacks the ${name} markers`);
  return `${text.slice(0, text.indexOf(start) + start.length)}\n${content}\n${text.slice(text.indexOf(end))}`;
}

const readme = readFileSync('README.md', 'utf8');
writeFileSync('README.md', replaceBetween(replaceBetween(readme, 'config-reference', configReference(configJsonSchema())), 'command-reference', commandReference()));
