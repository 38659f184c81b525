// Bundles the command line (npm run build, after tsc): dist/cli/main.js and everything it imports
// become a few files under dist/bundle/, one chunk per subcommand, so `tapegrid validate` evaluates a
// handful of files instead of resolving some two hundred ES modules (bench/startup.mjs prints the
// start-up before and after). Heavy optional modules stay outside and load only where needed:
// ts-morph, the browser (playwright-core, @sparticuz/chromium), and mathjs, which the unit parser
// requires by name on first need (config/quantity.ts).
import { rmSync } from 'node:fs';
import { build } from 'esbuild';

// Chunk names carry content hashes: clear the old set so no stale chunk lingers beside the new one.
rmSync('dist/bundle', { recursive: true, force: true });

await build({
  entryPoints: ['dist/cli/main.js'],
  outdir: 'dist/bundle',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  external: ['ts-morph', 'playwright-core', '@sparticuz/chromium', 'mathjs'],
  // Some dependencies (yaml) are CommonJS and require node built-ins; give the ES bundle a require.
  banner: { js: "import { createRequire as tapegridCreateRequire } from 'node:module'; const require = tapegridCreateRequire(import.meta.url);" },
  minifyWhitespace: true,
  minifySyntax: true,
  logLevel: 'warning',
});
