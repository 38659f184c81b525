import { join, relative } from 'node:path';
import { Node, Project, SyntaxKind } from 'ts-morph';

/**
 * Reads the project's TypeScript with ts-morph and finds where each rule id is named: in the JSDoc of
 * exported declarations (the code that implements it) and in the names of tests (what tests it).
 */

/** Where a rule id is named. */
export interface RuleReference {
  readonly rule: string;
  readonly kind: 'property' | 'scenario' | 'planner' | 'model' | 'config' | 'test';
  /** Declaration name or test name. */
  readonly name: string;
  readonly file: string;
}

const rulePattern = /\b(?:TOP|OWN|CCP|TVC|CAT|WP|GS|FS|CE|CER|DRT|GDPS|PLN)-\d+\b/g;

function kindOf(file: string): RuleReference['kind'] | null {
  if (file.startsWith('test/')) return 'test';
  if (file.startsWith('properties/')) return 'property';
  if (file.startsWith('scenarios/')) return 'scenario';
  if (file.startsWith('planner/')) return 'planner';
  if (file.startsWith('model/')) return 'model';
  if (file.startsWith('config/')) return 'config';
  return null;
}

/** Scans the source folders under `root`; deterministic order. */
export function scanSources(root: string): RuleReference[] {
  const project = new Project({ skipAddingFilesFromTsConfig: true, skipFileDependencyResolution: true, compilerOptions: { allowJs: false } });
  for (const folder of ['model', 'properties', 'scenarios', 'planner', 'config', 'test']) project.addSourceFilesAtPaths(join(root, folder, '**/*.ts'));
  const references: RuleReference[] = [];
  for (const source of project.getSourceFiles()) {
    const file = relative(root, source.getFilePath()).split('\\').join('/');
    const kind = kindOf(file);
    if (kind === null) continue;
    if (kind === 'test') {
      for (const call of source.getDescendantsOfKind(SyntaxKind.CallExpression)) {
        const callee = call.getExpression().getText();
        if (!/^(it|test|describe)(\.each\(.*\))?$/s.test(callee) && !/^(it|test|describe)\.each/.test(callee)) continue;
        const first = call.getArguments()[0];
        if (first === undefined || !(Node.isStringLiteral(first) || Node.isNoSubstitutionTemplateLiteral(first) || Node.isTemplateExpression(first))) continue;
        const name = Node.isTemplateExpression(first) ? first.getText().slice(1, -1) : first.getLiteralText();
        for (const match of name.matchAll(rulePattern)) references.push({ rule: match[0], kind, name, file });
      }
      // Scenario effect tables name FS ids through data: count the seed scenario test for FS rules.
      continue;
    }
    for (const statement of source.getStatements()) {
      if (!Node.isJSDocable(statement)) continue;
      const exported = Node.isExportable(statement) ? statement.isExported() : false;
      if (!exported) continue;
      const docs = statement.getJsDocs().map((doc) => doc.getInnerText()).join('\n');
      const name = Node.isVariableStatement(statement)
        ? statement.getDeclarations().map((declaration) => declaration.getName()).join(', ')
        : (statement as unknown as { getName?: () => string | undefined }).getName?.() ?? '(anonymous)';
      for (const match of new Set([...docs.matchAll(rulePattern)].map((found) => found[0]))) references.push({ rule: match, kind, name, file });
    }
    // Scenario definitions carry their FS id as data (id: 'FS-3').
    if (kind === 'scenario') {
      for (const literal of source.getDescendantsOfKind(SyntaxKind.StringLiteral)) {
        const text = literal.getLiteralText();
        if (/^FS-\d$/.test(text)) references.push({ rule: text, kind, name: `scenario ${text}`, file });
      }
    }
  }
  const key = (reference: RuleReference): string => `${reference.rule}|${reference.kind}|${reference.file}|${reference.name}`;
  const unique = new Map(references.map((reference) => [key(reference), reference]));
  return [...unique.values()].sort((a, b) => key(a).localeCompare(key(b)));
}
