import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { packageRoot } from './packageRoot.js';
import { colourWanted, exitCodes, processIO, type CommandIO } from './io.js';
import { commandNamed, commands, globalOptions, type CommandSpec } from './commandTable.js';
import { closest } from './suggest.js';
import { parseOutputChoice, type OutputChoice } from './outputChoice.js';

/**
 * The `tapegrid` command line. Subcommand modules are imported only when chosen, so `--help` and
 * `--version` stay fast and heavy modules (mathjs, ts-morph) load only where needed.
 */

/** `tapegrid --help`: the command list comes from the command table. */
function usageText(): string {
  const width = Math.max(...commands.map((command) => command.name.length + usageArguments(command).length)) + 3;
  return [
    'Usage: tapegrid <command> [options]',
    '',
    'Commands:',
    ...commands.map((command) => `  ${`${command.name}${usageArguments(command)}`.padEnd(width)}${command.summary}`),
    '',
    'Global options:',
    '  --json              machine-readable output',
    '  --no-color          no colours (also NO_COLOR=1)',
    '  --help, -h          help for a command: tapegrid validate --help',
    '  --version           print the version',
    '',
    'Exit codes: 0 success, 1 a check failed, 2 bad input or usage.',
  ].join('\n');
}

function usageArguments(command: CommandSpec): string {
  if (command.positionals.kind === 'config') return ' <config>';
  if (command.positionals.kind === 'two-configs') return ' <old> <new>';
  if (command.positionals.kind === 'choice') return ` ${command.positionals.choices.join('|')}`;
  return '';
}

function version(): string {
  const packageJson = JSON.parse(readFileSync(join(packageRoot, 'package.json'), 'utf8')) as { version: string };
  return packageJson.version;
}

/** The values parsed for one command, read by name. */
type Values = Readonly<Record<string, string | boolean | (string | boolean)[] | undefined>>;

/**
 * Parses `argv` against the chosen command's own options (and the global ones). An option the command
 * does not take, a mistyped command or a missing value is a usage error (exit 2) that names the fix.
 */
function parseCommandLine(argv: readonly string[]): { command: CommandSpec | null; values: Values; rest: string[] } | { error: string } {
  // Global options are flags, so the first word that is not an option is the command.
  const commandName = argv.find((argument) => !argument.startsWith('-'));
  const command = commandName === undefined ? null : (commandNamed(commandName) ?? null);
  if (commandName !== undefined && command === null) {
    const suggestion = closest(commandName, commands.map((candidate) => candidate.name));
    return { error: `tapegrid: unknown command "${commandName}"${suggestion === null ? '' : `; did you mean "tapegrid ${suggestion}"?`}\n(commands: ${commands.map((candidate) => candidate.name).join(', ')}; see tapegrid --help)` };
  }
  const declared = { ...globalOptions, ...(command?.options ?? {}) };
  const parserOptions: Record<string, { type: 'string' | 'boolean'; multiple?: boolean; short?: string }> = {};
  for (const [name, option] of Object.entries(declared)) parserOptions[name] = { type: option.type, ...(option.multiple === true ? { multiple: true } : {}), ...(option.short === undefined ? {} : { short: option.short }) };
  const who = command === null ? 'tapegrid' : `tapegrid ${command.name}`;
  try {
    const { values, positionals } = parseArgs({ args: [...argv], allowPositionals: true, strict: true, options: parserOptions });
    const rest = positionals.slice(command === null ? 0 : 1);
    return { command, values, rest };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const unknown = /Unknown option '(-{1,2}[^']+)'/.exec(message)?.[1];
    if (unknown !== undefined) {
      const name = unknown.replace(/^-+/, '').split('=')[0] ?? '';
      const suggestion = closest(name, Object.keys(declared));
      const owners = commands.filter((candidate) => candidate.options[name] !== undefined).map((candidate) => candidate.name);
      const hints = [
        suggestion === null ? null : `did you mean --${suggestion}?`,
        owners.length === 0 || command === null ? null : `--${name} is an option of ${owners.map((owner) => `tapegrid ${owner}`).join(', ')}`,
      ].filter((hint): hint is string => hint !== null);
      return { error: `${who}: unknown option ${unknown}${hints.length === 0 ? '' : `; ${hints.join('; ')}`}\n(options of ${who}: ${[...Object.keys(command?.options ?? {}), ...Object.keys(globalOptions)].map((option) => `--${option}`).join(' ')}; see ${who} --help)` };
    }
    const missing = /Option '(-{1,2}[^' ]+)[^']*' argument missing/.exec(message)?.[1];
    if (missing !== undefined) {
      const option = declared[missing.replace(/^-+/, '')];
      return { error: `${who}: ${missing} needs a value${option === undefined ? '' : ` (${option.value ?? 'VALUE'}: ${option.description})`}` };
    }
    const flag = /Option '(-{1,2}[^' ]+)[^']*' does not take an argument/.exec(message)?.[1];
    if (flag !== undefined) return { error: `${who}: ${flag} is a flag and takes no value` };
    return { error: `${who}: ${message}\n\n${usageText()}` };
  }
}

/** Runs the command line with `argv` (without node and script); resolves to the exit code. */
export async function main(argv: readonly string[], io?: CommandIO): Promise<number> {
  const parsed = parseCommandLine(argv);
  if ('error' in parsed) {
    (io ?? processIO(false)).err(parsed.error);
    return exitCodes.badInput;
  }
  const { values, rest, command: spec } = parsed;
  const out = io ?? processIO(colourWanted(values['no-color'] === true, process.env, process.stdout.isTTY === true));
  if (values.version === true) {
    out.out(version());
    return exitCodes.ok;
  }
  const command = spec?.name;
  const text = (name: string): string | undefined => {
    const value = values[name];
    return typeof value === 'string' ? value : undefined;
  };
  const flag = (name: string): boolean => values[name] === true;
  const given = (key: string, value: string | undefined): Record<string, string> => (value === undefined ? {} : { [key]: value });
  const helpShown = (help: string): boolean => {
    if (flag('help')) out.out(help);
    return flag('help');
  };
  // The one configuration file most commands take; anything else is a usage error with the command's help.
  // --format and --fail-on of the commands a CI job runs.
  const outputChoice = (): OutputChoice | null => {
    const choice = parseOutputChoice(text('format'), flag('json'), text('fail-on'));
    if (!('error' in choice)) return choice;
    out.err(`tapegrid ${command ?? ''}: ${choice.error}`);
    return null;
  };
  const oneFile = (help: string): string | null => {
    const file = rest[0];
    if (file !== undefined && rest.length === 1) return file;
    out.err(`tapegrid ${command ?? ''}: give exactly one configuration file\n\n${help}`);
    return null;
  };
  switch (command) {
    case 'check': {
      const { runCheck, checkHelp } = await import('./commands/check.js');
      if (helpShown(checkHelp)) return exitCodes.ok;
      const file = oneFile(checkHelp);
      if (file === null) return exitCodes.badInput;
      return runCheck(file, { json: flag('json'), ...given('runs', text('runs')), ...given('seed', text('seed')) }, out);
    }
    case 'diff': {
      const { runDiff, diffHelp } = await import('./commands/diff.js');
      if (helpShown(diffHelp)) return exitCodes.ok;
      const [oldFile, newFile] = rest;
      if (oldFile === undefined || newFile === undefined || rest.length > 2) {
        out.err(`tapegrid diff: give two configuration files, the old one first\n\n${diffHelp}`);
        return exitCodes.badInput;
      }
      const output = outputChoice();
      if (output === null) return exitCodes.badInput;
      return runDiff(oldFile, newFile, { json: output.format === 'json', output, ...given('runs', text('runs')), ...given('seed', text('seed')) }, out);
    }
    case 'validate': {
      const { runValidate, validateHelp } = await import('./commands/validate.js');
      if (helpShown(validateHelp)) return exitCodes.ok;
      const file = oneFile(validateHelp);
      if (file === null) return exitCodes.badInput;
      const output = outputChoice();
      if (output === null) return exitCodes.badInput;
      return runValidate(file, { json: output.format === 'json', strict: flag('strict'), output }, out);
    }
    case 'verify': {
      const { runVerify, verifyHelp } = await import('./commands/verify.js');
      if (helpShown(verifyHelp)) return exitCodes.ok;
      const file = oneFile(verifyHelp);
      if (file === null) return exitCodes.badInput;
      const output = outputChoice();
      if (output === null) return exitCodes.badInput;
      return runVerify(
        file,
        {
          json: output.format === 'json',
          output,
          ...given('runs', text('runs')),
          ...given('seed', text('seed')),
          ...given('maxSteps', text('max-steps')),
          ...given('replay', text('replay')),
          ...given('volumes', text('volumes')),
          ...given('depth', text('depth')),
          ...given('maxStates', text('max-states')),
          ...given('failures', text('failures')),
          ...given('randomVolumes', text('random-volumes')),
        },
        out,
      );
    }
    case 'plan': {
      const { runPlan, planHelp } = await import('./commands/plan.js');
      if (helpShown(planHelp)) return exitCodes.ok;
      const file = oneFile(planHelp);
      if (file === null) return exitCodes.badInput;
      const output = outputChoice();
      if (output === null) return exitCodes.badInput;
      return runPlan(
        file,
        {
          json: output.format === 'json',
          output,
          ...given('catalog', text('catalog')),
          targets: (Array.isArray(values.target) ? values.target : []).filter((entry): entry is string => typeof entry === 'string'),
          ...given('history', text('history')),
          ...given('historyDay', text('history-day')),
        },
        out,
      );
    }
    case 'scenario': {
      const { runScenarioCommand, scenarioHelp } = await import('./commands/scenario.js');
      if (helpShown(scenarioHelp)) return exitCodes.ok;
      return runScenarioCommand(rest, { json: flag('json') }, out);
    }
    case 'whatif': {
      const { runWhatIf, whatIfHelp } = await import('./commands/scenario.js');
      if (helpShown(whatIfHelp)) return exitCodes.ok;
      const file = oneFile(whatIfHelp);
      if (file === null) return exitCodes.badInput;
      return runWhatIf(
        file,
        {
          json: flag('json'),
          ...given('fail', text('fail')),
          ...given('takeover', text('takeover')),
          ...given('after', text('after')),
          ...given('backlog', text('backlog')),
          ...given('later', text('later')),
          switchSite: flag('switch-site'),
          runbook: flag('runbook'),
        },
        out,
      );
    }
    case 'runbook': {
      const { runRunbook, runbookHelp } = await import('./commands/runbook.js');
      if (helpShown(runbookHelp)) return exitCodes.ok;
      const file = oneFile(runbookHelp);
      if (file === null) return exitCodes.badInput;
      return runRunbook(
        file,
        {
          json: flag('json'),
          markdown: flag('markdown'),
          ...given('fail', text('fail')),
          ...given('catalog', text('catalog')),
        },
        out,
      );
    }
    case 'report': {
      const { runReport, reportHelp } = await import('./commands/report.js');
      if (helpShown(reportHelp)) return exitCodes.ok;
      const file = oneFile(reportHelp);
      if (file === null) return exitCodes.badInput;
      return runReport(
        file,
        {
          force: flag('force'),
          json: flag('json'),
          version: version(),
          ...given('out', text('out')),
          ...given('seed', text('seed')),
          ...given('runs', text('runs')),
          ...given('catalog', text('catalog')),
        },
        out,
      );
    }
    case 'drtest': {
      const { runDrTest, drTestHelp } = await import('./commands/drtest.js');
      if (helpShown(drTestHelp)) return exitCodes.ok;
      const file = oneFile(drTestHelp);
      if (file === null) return exitCodes.badInput;
      return runDrTest(
        file,
        { json: flag('json'), checklist: flag('checklist'), ...given('runs', text('runs')), ...given('seed', text('seed')) },
        out,
      );
    }
    case 'export':
    case 'recover': {
      const { runExportCommand, runRecoverCommand, copyExportHelp } = await import('./commands/copyExport.js');
      if (helpShown(copyExportHelp)) return exitCodes.ok;
      const file = oneFile(copyExportHelp);
      if (file === null) return exitCodes.badInput;
      if (command === 'export') {
        if (flag('eject') && flag('hold')) {
          out.err('tapegrid export: give --eject or --hold, not both');
          return exitCodes.badInput;
        }
        return runExportCommand(file, { lmtdbpvl: flag('lmtdbpvl'), hold: flag('hold'), json: flag('json'), ...given('pool', text('pool')), ...given('volumes', text('volumes')) }, out);
      }
      return runRecoverCommand(file, { lmtdbpvl: flag('lmtdbpvl'), json: flag('json'), ...given('from', text('from')), ...given('volumes', text('volumes')) }, out);
    }
    case 'init': {
      const { runInit, initHelp } = await import('./commands/init.js');
      if (helpShown(initHelp)) return exitCodes.ok;
      if (rest.length > 0) {
        out.err(`tapegrid init: takes no file argument ("${rest.join(' ')}"); give the file with --out FILE`);
        return exitCodes.badInput;
      }
      const optional = (key: string, name: string): Record<string, string> => given(name, text(key));
      return runInit(
        {
          force: flag('force'),
          json: flag('json'),
          interactive: process.stdin.isTTY === true && io === undefined && !flag('json'),
          ...optional('out', 'out'),
          ...optional('sites', 'sites'),
          ...optional('kinds', 'kinds'),
          ...optional('cache', 'cache'),
          ...optional('links', 'links'),
          ...optional('local-distance', 'localDistance'),
          ...optional('remote-distance', 'remoteDistance'),
          ...optional('daily', 'daily'),
          ...optional('rpo', 'rpo'),
          ...optional('local-copy', 'localCopy'),
          ...optional('remote-copy', 'remoteCopy'),
        },
        out,
      );
    }
    case 'schema': {
      if (flag('help')) {
        out.out('Usage: tapegrid schema [config|report]\n\nPrints the JSON Schema of the configuration format (schema/tapegrid.schema.json) or of report.json (schema/report.schema.json).');
        return exitCodes.ok;
      }
      if (rest.length > 1 || (rest[0] !== undefined && rest[0] !== 'config' && rest[0] !== 'report')) {
        out.err(`tapegrid schema: expected "config" or "report", found "${rest.join(' ')}"`);
        return exitCodes.badInput;
      }
      if (rest[0] === 'report') {
        const { reportJsonSchema } = await import('../reports/reportSchema.js');
        out.out(JSON.stringify(reportJsonSchema(), null, 2));
        return exitCodes.ok;
      }
      const { configJsonSchema } = await import('../config/schema.js');
      out.out(JSON.stringify(configJsonSchema(), null, 2));
      return exitCodes.ok;
    }
    case 'completion': {
      const shell = rest[0];
      if (flag('help') || shell === undefined) {
        const help = 'Usage: tapegrid completion bash|zsh\n\nPrints a shell completion script for the commands and options of tapegrid.\n\nExamples:\n  source <(tapegrid completion bash)        # in ~/.bashrc\n  tapegrid completion zsh > ~/.zfunc/_tapegrid   # a directory on $fpath';
        if (flag('help')) out.out(help);
        else out.err(help);
        return flag('help') ? exitCodes.ok : exitCodes.badInput;
      }
      if (shell !== 'bash' && shell !== 'zsh') {
        out.err(`tapegrid completion: no completion for "${shell}"; give bash or zsh`);
        return exitCodes.badInput;
      }
      const { bashCompletion, zshCompletion } = await import('./completion.js');
      out.out(shell === 'bash' ? bashCompletion() : zshCompletion());
      return exitCodes.ok;
    }
    case undefined:
      if (flag('help')) {
        out.out(usageText());
        return exitCodes.ok;
      }
      out.err(usageText());
      return exitCodes.badInput;
    default:
      out.err(`tapegrid: unknown command "${command}"\n\n${usageText()}`);
      return exitCodes.badInput;
  }
}
