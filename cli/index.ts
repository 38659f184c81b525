/** The `tapegrid` command line: `main(argv)` resolves to the exit code. */
export { main } from './main.js';
export { exitCodes, type CommandIO } from './io.js';
