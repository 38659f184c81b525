#!/usr/bin/env node
// Thin launcher: the bundled command line lives in dist/bundle/ (built by `npm ci` through the prepare script).
import { main } from '../dist/bundle/main.js';

// `tapegrid ... | head` closes the pipe early: that is the reader's choice, not an error (exit 0, quietly).
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error) => {
    if (error.code === 'EPIPE') process.exit(0);
    throw error;
  });
}

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
