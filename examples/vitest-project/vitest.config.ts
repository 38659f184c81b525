import { defineConfig } from 'vitest/config';

// The example project's own configuration: its tests only, with room for a verification per test.
export default defineConfig({ test: { include: ['*.test.ts'], testTimeout: 300_000 } });
