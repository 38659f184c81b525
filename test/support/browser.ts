import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

/**
 * Launches a headless Chromium for the browser tests without downloading anything at run time:
 * `CHROMIUM_PATH` when set, else a system Chromium when one is installed, else the Chromium that
 * ships inside the `@sparticuz/chromium` npm package (installed by `npm ci`, so a fresh machine
 * with no browser still runs README's test command).
 */
const systemCandidates = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];

/** Flags a root user in a closed network needs (no sandbox, no background connections). */
const quietFlags = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/** Which browser the tests use, and why. */
export interface BrowserChoice {
  readonly executablePath: string;
  readonly source: 'CHROMIUM_PATH' | 'system' | '@sparticuz/chromium';
  readonly args: readonly string[];
}

/** Picks the browser as described above. */
export async function chooseBrowser(): Promise<BrowserChoice> {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv !== undefined && fromEnv !== '') return { executablePath: fromEnv, source: 'CHROMIUM_PATH', args: quietFlags };
  const system = systemCandidates.find((candidate) => existsSync(candidate));
  if (system !== undefined && process.env.TAPEGRID_BROWSER !== 'bundled') return { executablePath: system, source: 'system', args: quietFlags };
  const bundled = (await import('@sparticuz/chromium')).default;
  bundled.setGraphicsMode = false;
  const executablePath = await bundled.executablePath();
  return { executablePath, source: '@sparticuz/chromium', args: [...new Set([...bundled.args, ...quietFlags])] };
}

/** Launches the chosen browser. */
export async function launchBrowser(): Promise<{ browser: Browser; choice: BrowserChoice }> {
  const choice = await chooseBrowser();
  const browser = await chromium.launch({ executablePath: choice.executablePath, args: [...choice.args] });
  return { browser, choice };
}
