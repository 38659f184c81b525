import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { commandReference } from '../../cli/commandReference.js';
import { commands, globalOptions } from '../../cli/commandTable.js';
import { closest, editDistance } from '../../cli/suggest.js';
import { root, tapegrid, tapegridInProcess } from './run.js';

/** Commands sharing one help text (export and recover) are checked against the options of both. */
const helpSiblings: Readonly<Record<string, readonly string[]>> = { export: ['export', 'recover'], recover: ['export', 'recover'] };

describe('options per command (issue 17 item 1)', () => {
  it.each(commands.map((command) => command.name))('tapegrid %s refuses an option it does not take, with exit 2 and its own options listed', async (name) => {
    const command = commands.find((candidate) => candidate.name === name);
    const files = command?.positionals.kind === 'config' ? ['examples/two-cluster-ha.yaml'] : command?.positionals.kind === 'two-configs' ? ['examples/two-cluster-ha.yaml', 'examples/two-cluster-dr.yaml'] : [];
    const args = [name, ...files, '--bogus-option'];
    const { code, stderr, stdout } = await tapegridInProcess(args);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toContain(`tapegrid ${name}: unknown option --bogus-option`);
    expect(stderr).toContain(`see tapegrid ${name} --help`);
  });

  it('an option of another command names that command: report --target', async () => {
    const { code, stderr } = await tapegridInProcess(['report', 'examples/two-cluster-ha.yaml', '--target', 'rpo=1h']);
    expect(code).toBe(2);
    expect(stderr).toContain('tapegrid report: unknown option --target; --target is an option of tapegrid plan');
  });

  it('a mistyped command or option gets "did you mean"', async () => {
    const command = await tapegridInProcess(['verfy', 'examples/two-cluster-ha.yaml']);
    expect(command.code).toBe(2);
    expect(command.stderr).toContain('unknown command "verfy"; did you mean "tapegrid verify"?');
    const option = await tapegridInProcess(['whatif', 'examples/two-cluster-ha.yaml', '--fial', 'C0']);
    expect(option.stderr).toContain('unknown option --fial; did you mean --fail?');
    const far = await tapegridInProcess(['frobnicate']);
    expect(far.stderr).not.toContain('did you mean');
  });

  it('a missing value and a value given to a flag are usage errors that say what is expected', async () => {
    expect((await tapegridInProcess(['whatif', 'examples/two-cluster-ha.yaml', '--fail'])).stderr).toContain('--fail needs a value (FAILURE: what fails: C0');
    expect((await tapegridInProcess(['validate', 'examples/two-cluster-ha.yaml', '--json=yes'])).stderr).toContain('--json is a flag and takes no value');
    expect((await tapegridInProcess(['init', 'grid.yaml'])).stderr).toContain('give the file with --out FILE');
    expect((await tapegridInProcess(['schema', 'planner'])).code).toBe(2);
  });

  it.each(commands.filter((command) => command.name !== 'completion').map((command) => command.name))('tapegrid %s --help lists exactly the options the command takes', async (name) => {
    const { code, stdout } = await tapegridInProcess([name, '--help']);
    expect(code).toBe(0);
    const mentioned = new Set([...stdout.matchAll(/--([a-z][a-z-]*)/g)].map((match) => match[1] ?? ''));
    const own = commands.find((command) => command.name === name)?.options ?? {};
    for (const option of Object.keys(own)) expect(mentioned, `--${option} missing from tapegrid ${name} --help`).toContain(option);
    const allowed = new Set([...Object.keys(globalOptions), ...(helpSiblings[name] ?? [name]).flatMap((sibling) => Object.keys(commands.find((command) => command.name === sibling)?.options ?? {}))]);
    for (const option of mentioned) expect(allowed, `tapegrid ${name} --help mentions --${option}, which it does not take`).toContain(option);
  });

  it("README's command reference is the one generated from the command table (npm run docs)", () => {
    const readme = readFileSync(join(root, 'README.md'), 'utf8');
    const section = readme.slice(readme.indexOf('<!-- command-reference:start -->') + '<!-- command-reference:start -->'.length, readme.indexOf('<!-- command-reference:end -->')).trim();
    expect(section).toBe(commandReference().trim());
    for (const command of commands) expect(section).toContain(`tapegrid ${command.name}`);
  });

  it('the real process exits 2 on an unknown option too (the launcher keeps the code)', () => {
    const { code, stderr } = tapegrid(['plan', 'examples/two-cluster-ha.yaml', '--runs', '5']);
    expect(code).toBe(2);
    expect(stderr).toMatch(/--runs is an option of tapegrid check, tapegrid diff, tapegrid verify, tapegrid drtest, tapegrid report/);
  });
});

describe('did you mean (edit distance)', () => {
  it('counts insertions, deletions, substitutions and swapped neighbours as one edit each', () => {
    expect(editDistance('verify', 'verify')).toBe(0);
    expect(editDistance('verfy', 'verify')).toBe(1);
    expect(editDistance('vreify', 'verify')).toBe(1);
    expect(editDistance('verifyy', 'verify')).toBe(1);
    expect(editDistance('barify', 'verify')).toBe(2);
    expect(editDistance('', 'plan')).toBe(4);
  });

  it('suggests only names within a third of the word, or one the word is a prefix of', () => {
    expect(closest('plna', ['plan', 'validate'])).toBe('plan');
    expect(closest('xyz', ['plan', 'validate'])).toBeNull();
    expect(closest('valid', ['plan', 'validate'])).toBe('validate');
    expect(closest('max', ['max-steps', 'max-states'])).toBeNull();
  });
});

describe('shell completion (issue 17 item 1)', () => {
  it('bash and zsh scripts complete every command and each command\'s own options', async () => {
    const bash = await tapegridInProcess(['completion', 'bash']);
    const zsh = await tapegridInProcess(['completion', 'zsh']);
    expect(bash.code).toBe(0);
    expect(zsh.code).toBe(0);
    for (const command of commands) {
      expect(bash.stdout).toContain(`    ${command.name})`);
      expect(zsh.stdout).toContain(`'${command.name}:`);
    }
    expect(bash.stdout).toMatch(/ {4}whatif\)[\s\S]*?--fail --takeover --runbook --switch-site --after --backlog --later --json/);
    expect(bash.stdout).toContain('--takeover) COMPREPLY=( $(compgen -W "read write" -- "$cur") )');
    expect(zsh.stdout).toContain("'*--target=[");
    expect((await tapegridInProcess(['completion', 'fish'])).code).toBe(2);
  });
});
