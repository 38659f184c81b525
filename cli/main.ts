import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { packageRoot } from './packageRoot.js';
import { colourWanted, exitCodes, processIO, type CommandIO } from './io.js';

/**
 * The `tapegrid` command line. Subcommand modules are imported only when chosen, so `--help` and
 * `--version` stay fast and heavy modules (mathjs, ts-morph) load only where needed.
 */

const usage = `Usage: tapegrid <command> [options]

Commands:
  validate <config>   check a grid configuration and summarise it
  verify <config>     prove the invariants under failures and operator actions, or show a trace
  plan <config>       size WAN links, cache and scratch media against the targets
  scenario list|run   the seed's eight failover scenarios, executed
  whatif <config>     run a failure (--fail C0, links:0-1, site:dr ...) against your grid
  runbook <config>    the operator's recovery steps for one failure (--fail site:dr ...)
  drtest <config>     check a DR test plan; --checklist prints the operator checklist
  export <config>     simulate a Copy Export of a pool (--pool N)
  recover <config>    simulate a Copy Export Recovery (--from CLUSTER)
  report <config>     write report.html, report.md and report.json (--out DIR)
  init --out FILE     write a starting configuration (asks, or takes flags)
  schema              print the JSON Schema of the configuration format

Global options:
  --json              machine-readable output
  --no-color          no colours (also NO_COLOR=1)
  --help, -h          help for a command: tapegrid validate --help
  --version           print the version

Exit codes: 0 success, 1 a check failed, 2 bad input or usage.`;

function version(): string {
  const packageJson = JSON.parse(readFileSync(join(packageRoot, 'package.json'), 'utf8')) as { version: string };
  return packageJson.version;
}

/** Runs the command line with `argv` (without node and script); resolves to the exit code. */
export async function main(argv: readonly string[], io?: CommandIO): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      strict: true,
      options: {
        json: { type: 'boolean', default: false },
        'no-color': { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
        version: { type: 'boolean', default: false },
        runs: { type: 'string' },
        seed: { type: 'string' },
        'max-steps': { type: 'string' },
        replay: { type: 'string' },
        volumes: { type: 'string' },
        depth: { type: 'string' },
        'max-states': { type: 'string' },
        failures: { type: 'string' },
        'random-volumes': { type: 'string' },
        catalog: { type: 'string' },
        target: { type: 'string', multiple: true },
        history: { type: 'string' },
        markdown: { type: 'boolean', default: false },
        'history-day': { type: 'string' },
        fail: { type: 'string' },
        takeover: { type: 'string' },
        after: { type: 'string' },
        backlog: { type: 'string' },
        'switch-site': { type: 'boolean', default: false },
        runbook: { type: 'boolean', default: false },
        later: { type: 'string' },
        out: { type: 'string' },
        force: { type: 'boolean', default: false },
        sites: { type: 'string' },
        kinds: { type: 'string' },
        cache: { type: 'string' },
        links: { type: 'string' },
        'local-distance': { type: 'string' },
        'remote-distance': { type: 'string' },
        daily: { type: 'string' },
        rpo: { type: 'string' },
        'local-copy': { type: 'string' },
        'remote-copy': { type: 'string' },
        checklist: { type: 'boolean', default: false },
        pool: { type: 'string' },
        lmtdbpvl: { type: 'boolean', default: false },
        eject: { type: 'boolean', default: false },
        hold: { type: 'boolean', default: false },
        from: { type: 'string' },
      },
    });
  } catch (error) {
    const ioOut = io ?? processIO(false);
    ioOut.err(`tapegrid: ${error instanceof Error ? error.message : String(error)}\n\n${usage}`);
    return exitCodes.badInput;
  }
  const { values, positionals } = parsed;
  const out = io ?? processIO(colourWanted(values['no-color'] === true, process.env, process.stdout.isTTY === true));
  if (values.version === true) {
    out.out(version());
    return exitCodes.ok;
  }
  const [command, ...rest] = positionals;
  switch (command) {
    case 'validate': {
      const { runValidate, validateHelp } = await import('./commands/validate.js');
      if (values.help === true) {
        out.out(validateHelp);
        return exitCodes.ok;
      }
      const file = rest[0];
      if (file === undefined || rest.length > 1) {
        out.err(`tapegrid validate: give exactly one configuration file\n\n${validateHelp}`);
        return exitCodes.badInput;
      }
      return runValidate(file, { json: values.json === true }, out);
    }
    case 'verify': {
      const { runVerify, verifyHelp } = await import('./commands/verify.js');
      if (values.help === true) {
        out.out(verifyHelp);
        return exitCodes.ok;
      }
      const file = rest[0];
      if (file === undefined || rest.length > 1) {
        out.err(`tapegrid verify: give exactly one configuration file\n\n${verifyHelp}`);
        return exitCodes.badInput;
      }
      return runVerify(
        file,
        {
          json: values.json === true,
          ...(values.runs === undefined ? {} : { runs: values.runs }),
          ...(values.seed === undefined ? {} : { seed: values.seed }),
          ...(values['max-steps'] === undefined ? {} : { maxSteps: values['max-steps'] }),
          ...(values.replay === undefined ? {} : { replay: values.replay }),
          ...(values.volumes === undefined ? {} : { volumes: values.volumes }),
          ...(values.depth === undefined ? {} : { depth: values.depth }),
          ...(values['max-states'] === undefined ? {} : { maxStates: values['max-states'] }),
          ...(values.failures === undefined ? {} : { failures: values.failures }),
          ...(values['random-volumes'] === undefined ? {} : { randomVolumes: values['random-volumes'] }),
        },
        out,
      );
    }
    case 'plan': {
      const { runPlan, planHelp } = await import('./commands/plan.js');
      if (values.help === true) {
        out.out(planHelp);
        return exitCodes.ok;
      }
      const file = rest[0];
      if (file === undefined || rest.length > 1) {
        out.err(`tapegrid plan: give exactly one configuration file\n\n${planHelp}`);
        return exitCodes.badInput;
      }
      return runPlan(
        file,
        {
          json: values.json === true,
          ...(values.catalog === undefined ? {} : { catalog: values.catalog }),
          targets: values.target ?? [],
          ...(values.history === undefined ? {} : { history: values.history }),
          ...(values['history-day'] === undefined ? {} : { historyDay: values['history-day'] }),
        },
        out,
      );
    }
    case 'scenario': {
      const { runScenarioCommand, scenarioHelp } = await import('./commands/scenario.js');
      if (values.help === true) {
        out.out(scenarioHelp);
        return exitCodes.ok;
      }
      return runScenarioCommand(rest, { json: values.json === true }, out);
    }
    case 'whatif': {
      const { runWhatIf, whatIfHelp } = await import('./commands/scenario.js');
      if (values.help === true) {
        out.out(whatIfHelp);
        return exitCodes.ok;
      }
      const file = rest[0];
      if (file === undefined || rest.length > 1) {
        out.err(`tapegrid whatif: give exactly one configuration file\n\n${whatIfHelp}`);
        return exitCodes.badInput;
      }
      return runWhatIf(
        file,
        {
          json: values.json === true,
          ...(values.fail === undefined ? {} : { fail: values.fail }),
          ...(values.takeover === undefined ? {} : { takeover: values.takeover }),
          ...(values.after === undefined ? {} : { after: values.after }),
          ...(values.backlog === undefined ? {} : { backlog: values.backlog }),
          ...(values.later === undefined ? {} : { later: values.later }),
          switchSite: values['switch-site'] === true,
          runbook: values.runbook === true,
        },
        out,
      );
    }
    case 'runbook': {
      const { runRunbook, runbookHelp } = await import('./commands/runbook.js');
      if (values.help === true) {
        out.out(runbookHelp);
        return exitCodes.ok;
      }
      const file = rest[0];
      if (file === undefined || rest.length > 1) {
        out.err(`tapegrid runbook: give exactly one configuration file\n\n${runbookHelp}`);
        return exitCodes.badInput;
      }
      return runRunbook(
        file,
        {
          json: values.json === true,
          markdown: values.markdown === true,
          ...(values.fail === undefined ? {} : { fail: values.fail }),
          ...(values.catalog === undefined ? {} : { catalog: values.catalog }),
        },
        out,
      );
    }
    case 'report': {
      const { runReport, reportHelp } = await import('./commands/report.js');
      if (values.help === true) {
        out.out(reportHelp);
        return exitCodes.ok;
      }
      const file = rest[0];
      if (file === undefined || rest.length > 1) {
        out.err(`tapegrid report: give exactly one configuration file\n\n${reportHelp}`);
        return exitCodes.badInput;
      }
      return runReport(
        file,
        {
          force: values.force === true,
          json: values.json === true,
          version: version(),
          ...(values.out === undefined ? {} : { out: values.out }),
          ...(values.seed === undefined ? {} : { seed: values.seed }),
          ...(values.runs === undefined ? {} : { runs: values.runs }),
          ...(values.catalog === undefined ? {} : { catalog: values.catalog }),
        },
        out,
      );
    }
    case 'drtest': {
      const { runDrTest, drTestHelp } = await import('./commands/drtest.js');
      if (values.help === true) {
        out.out(drTestHelp);
        return exitCodes.ok;
      }
      const file = rest[0];
      if (file === undefined || rest.length > 1) {
        out.err(`tapegrid drtest: give exactly one configuration file\n\n${drTestHelp}`);
        return exitCodes.badInput;
      }
      return runDrTest(
        file,
        { json: values.json === true, checklist: values.checklist === true, ...(values.runs === undefined ? {} : { runs: values.runs }), ...(values.seed === undefined ? {} : { seed: values.seed }) },
        out,
      );
    }
    case 'export':
    case 'recover': {
      const { runExportCommand, runRecoverCommand, copyExportHelp } = await import('./commands/copyExport.js');
      if (values.help === true) {
        out.out(copyExportHelp);
        return exitCodes.ok;
      }
      const file = rest[0];
      if (file === undefined || rest.length > 1) {
        out.err(`tapegrid ${command}: give exactly one configuration file\n\n${copyExportHelp}`);
        return exitCodes.badInput;
      }
      if (command === 'export') {
        if (values.eject === true && values.hold === true) {
          out.err('tapegrid export: give --eject or --hold, not both');
          return exitCodes.badInput;
        }
        return runExportCommand(file, { lmtdbpvl: values.lmtdbpvl === true, hold: values.hold === true, json: values.json === true, ...(values.pool === undefined ? {} : { pool: values.pool }), ...(values.volumes === undefined ? {} : { volumes: values.volumes }) }, out);
      }
      return runRecoverCommand(file, { lmtdbpvl: values.lmtdbpvl === true, json: values.json === true, ...(values.from === undefined ? {} : { from: values.from }), ...(values.volumes === undefined ? {} : { volumes: values.volumes }) }, out);
    }
    case 'init': {
      const { runInit, initHelp } = await import('./commands/init.js');
      if (values.help === true) {
        out.out(initHelp);
        return exitCodes.ok;
      }
      const optional = (key: keyof typeof values, name: string): Record<string, string> => {
        const value = values[key];
        return typeof value === 'string' ? { [name]: value } : {};
      };
      return runInit(
        {
          force: values.force === true,
          interactive: process.stdin.isTTY === true && io === undefined,
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
      if (values.help === true) {
        out.out('Usage: tapegrid schema [config|report]\n\nPrints the JSON Schema of the configuration format (schema/tapegrid.schema.json) or of report.json (schema/report.schema.json).');
        return exitCodes.ok;
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
    case undefined:
      if (values.help === true) {
        out.out(usage);
        return exitCodes.ok;
      }
      out.err(usage);
      return exitCodes.badInput;
    default:
      out.err(`tapegrid: unknown command "${command}"\n\n${usage}`);
      return exitCodes.badInput;
  }
}
