import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tapegridInProcess } from './run.js';

describe('tapegrid export and recover', async () => {
  it('export prints the E00xx messages, CBR3855I and the statistics (CE-1, CE-10, CE-12)', async () => {
    const { code, stdout } = await tapegridInProcess(['export', 'examples/copy-export.yaml', '--pool', '8', '--lmtdbpvl', '--hold']);
    expect(code).toBe(0);
    expect(stdout).toContain('E0000 EXPORT OPERATION STARTED FOR EXPORT LIST VOLUME EXP000');
    expect(stdout).toMatch(/E0006 STACKED VOLUME CE0001 FROM PRODB IN EXPORT-HOLD/);
    expect(stdout).toMatch(/CBR3855I .* Requested: 6 Exportable: 6 Exported: 6 Stacked volumes: 1 MBytes Exported: \d+/);
  });

  it('recover lists what comes back to an empty stand-alone cluster 0 (CER-1, CER-5)', async () => {
    const { code, stdout } = await tapegridInProcess(['recover', 'examples/copy-export.yaml', '--from', '1']);
    expect(code).toBe(0);
    expect(stdout).toContain('Copy Export Recovery onto the configured target, cluster 0');
    expect(stdout).toContain('6 logical volumes come back, all owned by C0');
    expect(stdout).not.toContain('not checked');
  });

  it("recover checks the user's target and refuses a bad one with the CER-1 reason (exit 1)", async () => {
    const example = readFileSync(join(import.meta.dirname, '..', '..', 'examples', 'copy-export.yaml'), 'utf8').replace(/^\$schema:.*$/m, '');
    const folder = mkdtempSync(join(tmpdir(), 'tapegrid-recover-'));
    const variant = (from: string, to: string): string => {
      const path = join(folder, `${to.replace(/\W/g, '')}.yaml`);
      writeFileSync(path, example.replace(from, to));
      return path;
    };
    const older = await tapegridInProcess(['recover', variant('codeLevel: "8.30.0.50"', 'codeLevel: "8.20"'), '--from', '1']);
    expect(older.code).toBe(1);
    expect(older.stdout).toContain('recovery refused (CER-1): the recovery cluster runs code 8.20, older than the source\'s 8.21.0.100');
    const inGrid = await tapegridInProcess(['recover', variant('standAlone: true', 'standAlone: false'), '--from', '1']);
    expect(inGrid.stdout).toContain('must be stand-alone');
    const noKeys = await tapegridInProcess(['recover', variant('keyManagerAccess: true', 'keyManagerAccess: false'), '--from', '1']);
    expect(noKeys.stdout).toContain('key manager');
    const unstated = await tapegridInProcess(['recover', variant(/^recoveryTarget:.*$/m.exec(example)?.[0] ?? '', ''), '--from', '1']);
    expect(unstated.code).toBe(0);
    expect(unstated.stdout).toContain('an assumed empty, stand-alone, tape-attached cluster 0 (no recoveryTarget in the configuration)');
    expect(unstated.stdout).toContain('not checked (CER-1): code level');
  });

  it('bad options are exit 2', async () => {
    expect((await tapegridInProcess(['export', 'examples/copy-export.yaml'])).code).toBe(2);
    expect((await tapegridInProcess(['export', 'examples/copy-export.yaml', '--pool', '9'])).code).toBe(2);
    expect((await tapegridInProcess(['export', 'examples/copy-export.yaml', '--pool', '8', '--eject', '--hold'])).code).toBe(2);
    expect((await tapegridInProcess(['recover', 'examples/copy-export.yaml', '--from', '0'])).code).toBe(2);
  });
});
