import { commands, globalOptions, type CommandSpec } from './commandTable.js';

/**
 * The command reference of README.md (between the command-reference markers), generated from the
 * command table by `npm run docs`, so that README lists exactly the commands and options the parser
 * accepts; a test compares the two.
 */

function synopsis(command: CommandSpec): string {
  const positional = command.positionals.kind === 'config' ? ' <config>' : command.positionals.kind === 'two-configs' ? ' <old> <new>' : command.positionals.kind === 'choice' ? ` ${command.positionals.choices.join('|')}` : '';
  return `tapegrid ${command.name}${positional}`;
}

/** The reference as Markdown. */
export function commandReference(): string {
  const lines = ['| command | what it does | options |', '| --- | --- | --- |'];
  for (const command of commands) {
    const options = Object.entries(command.options).map(([name, option]) => `\`--${name}${option.type === 'string' ? ` ${option.value ?? 'VALUE'}` : ''}\`${option.multiple === true ? ' (repeatable)' : ''}`);
    lines.push(`| \`${synopsis(command).replace(/\|/g, "\\|")}\` | ${command.summary.replace(/\|/g, '\\|')} | ${options.join(', ').replace(/\|/g, '\\|') || '-'} |`);
  }
  lines.push('', `Every command also takes ${Object.keys(globalOptions).map((name) => `\`--${name}\``).join(', ')}; \`tapegrid <command> --help\` explains each option with examples.`);
  return lines.join('\n');
}
