#!/usr/bin/env node
// Thin launcher: the compiled command line lives in dist/ (built by `npm ci` through the prepare script).
import { main } from '../dist/cli/main.js';

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error) => {
    // Last resort only: every expected failure is reported by main() itself with exit code 2.
    process.stderr.write(`tapegrid: internal error: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 3;
  },
);
