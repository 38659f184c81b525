import type { DrTestSetup } from '../../properties/index.js';

/**
 * A DR test setup for hand-built verification tests: the test host DRHOST, no write protect, return
 * to scratch running, no takeover, no TMS rules; each test names what it changes.
 */
export function drTestSetup(overrides: Partial<DrTestSetup> & Pick<DrTestSetup, 'clusters' | 'links'>): DrTestSetup {
  return {
    host: 'DRHOST',
    writeProtect: false,
    productionReturnToScratch: 'running',
    removeFastReady: [],
    takeoverWhenBroken: 'none',
    procedure: null,
    testRangePrefix: null,
    insertBeforeBreak: true,
    testManagementClass: null,
    productionRejectAnyUse: [],
    testRejectOutput: [],
    testReturnToScratch: false,
    ...overrides,
  };
}
