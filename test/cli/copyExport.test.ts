import { describe, expect, it } from 'vitest';
import { tapegrid } from './run.js';

describe('tapegrid export and recover', () => {
  it('export prints the E00xx messages, CBR3855I and the statistics (CE-1, CE-10, CE-12)', () => {
    const { code, stdout } = tapegrid(['export', 'examples/copy-export.yaml', '--pool', '8', '--lmtdbpvl', '--hold']);
    expect(code).toBe(0);
    expect(stdout).toContain('E0000 EXPORT OPERATION STARTED FOR EXPORT LIST VOLUME EXP000');
    expect(stdout).toMatch(/E0006 STACKED VOLUME CE0001 FROM PRODB IN EXPORT-HOLD/);
    expect(stdout).toMatch(/CBR3855I .* Requested: 6 Exportable: 6 Exported: 6 Stacked volumes: 1 MBytes Exported: \d+/);
  });

  it('recover lists what comes back to an empty stand-alone cluster 0 (CER-1, CER-5)', () => {
    const { code, stdout } = tapegrid(['recover', 'examples/copy-export.yaml', '--from', '1']);
    expect(code).toBe(0);
    expect(stdout).toContain('6 logical volumes come back, all owned by C0');
  });

  it('bad options are exit 2', () => {
    expect(tapegrid(['export', 'examples/copy-export.yaml']).code).toBe(2);
    expect(tapegrid(['export', 'examples/copy-export.yaml', '--pool', '9']).code).toBe(2);
    expect(tapegrid(['export', 'examples/copy-export.yaml', '--pool', '8', '--eject', '--hold']).code).toBe(2);
    expect(tapegrid(['recover', 'examples/copy-export.yaml', '--from', '0']).code).toBe(2);
  });
});
