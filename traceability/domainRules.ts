/**
 * The rules of docs/DOMAIN.md with their ids and the seed sections they come from: the rows of the
 * traceability matrix.
 */

/** One rule. */
export interface DomainRule {
  readonly id: string;
  readonly family: string;
  readonly text: string;
  /** Seed sections (11.x) the rule comes from: the section heading's, plus any the rule names. */
  readonly sections: readonly string[];
}

/** Parses DOMAIN.md: "## OWN: volume ownership (11.1, 11.9.9)" headings and "- OWN-2 ..." rules (and FS table rows). */
export function parseDomainRules(markdown: string): DomainRule[] {
  const rules: DomainRule[] = [];
  let family = '';
  let headingSections: string[] = [];
  // A rule's text continues on indented lines; join them first.
  const lines: string[] = [];
  for (const line of markdown.split('\n')) {
    if (/^  \S/.test(line) && lines.length > 0 && /^- [A-Z]+-\d+ /.test(lines.at(-1) ?? '')) lines[lines.length - 1] = `${lines.at(-1) ?? ''} ${line.trim()}`;
    else lines.push(line);
  }
  for (const line of lines) {
    const heading = /^## ([A-Z]+): .*?(?:\(([^)]*)\))?\s*$/.exec(line);
    if (heading !== null) {
      family = heading[1] ?? '';
      headingSections = [...(heading[2] ?? '').matchAll(/11(?:\.\d+)+/g)].map((match) => match[0]);
      continue;
    }
    const rule = /^- ([A-Z]+-\d+) (.*)$/.exec(line);
    const row = /^\| (FS-\d+) \| (.*)$/.exec(line);
    const id = rule?.[1] ?? row?.[1];
    const text = rule?.[2] ?? row?.[2];
    if (id === undefined || text === undefined) continue;
    const own = [...text.matchAll(/\b11(?:\.\d+)+/g)].map((match) => match[0]);
    const fsSection = id.startsWith('FS-') ? [`11.2.${Number(id.slice(3)) + 1}`] : [];
    rules.push({ id, family: family || id.split('-')[0] || '', text: text.replace(/\s*\|\s*$/, ''), sections: [...new Set([...own, ...fsSection, ...(own.length === 0 && fsSection.length === 0 ? headingSections : [])])] });
  }
  return rules;
}
