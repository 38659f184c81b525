// Writes the traceability map (npm run build, after tsc): every place the sources name a rule id
// (JSDoc of exported code, names of tests), read with ts-morph, into dist/traceability/rule-references.json.
// `tapegrid report` reads that file, so ts-morph is a development dependency only (issue 18 item 3);
// test/traceability/ruleReferences.test.ts fails when the file and the sources disagree.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { scanSources } from '../dist/traceability/sourceIndex.js';
import { ruleReferencesFile } from '../dist/traceability/ruleReferences.js';

const references = scanSources(process.cwd());
mkdirSync(dirname(ruleReferencesFile), { recursive: true });
writeFileSync(ruleReferencesFile, `${JSON.stringify(references, null, 1)}\n`);
console.log(`traceability: ${references.length} rule references written to ${ruleReferencesFile}`);
