import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../support/browser.js';
import { labelProblems } from '../support/layout.js';

/**
 * Opens report.html of every bundled example in a real headless Chromium (a system one when present,
 * else the one that ships in the @sparticuz/chromium npm package) and checks what a reader sees
 * (issue 18): every section and chart renders with nothing fetched and no error; no label of a chart,
 * the grid diagram or the policy matrix is clipped or drawn over another; the executive summary fits
 * one 1280x800 screen; the page prints to A4 and Letter with charts kept whole. Screenshots of the
 * 2-cluster and 4-cluster reports are saved in test-output/.
 */
const root = join(import.meta.dirname, '..', '..');
const examples = readdirSync(join(root, 'examples'))
  .filter((file) => file.endsWith('.yaml'))
  .sort();
const out = mkdtempSync(join(tmpdir(), 'tapegrid-browser-'));
const shots = join(root, 'test-output');
let browser: Browser;
let context: BrowserContext;

function generate(example: string): Promise<number | null> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [join(root, 'bin', 'tapegrid.js'), 'report', join('examples', example), '--out', join(out, basename(example, '.yaml')), '--runs', '20'], { cwd: root, stdio: 'ignore' });
    child.on('exit', (code) => resolve(code));
  });
}

function reportUrl(example: string): string {
  return pathToFileURL(join(out, basename(example, '.yaml'), 'report.html')).href;
}

async function open(example: string, viewport = { width: 1280, height: 800 }): Promise<Page> {
  const page = await context.newPage();
  await page.setViewportSize(viewport);
  await page.goto(reportUrl(example));
  return page;
}

beforeAll(async () => {
  // Two at a time: the machine has two cores.
  const pending = [...examples];
  const statuses: (number | null)[] = [];
  await Promise.all(
    [0, 1].map(async () => {
      for (let example = pending.shift(); example !== undefined; example = pending.shift()) statuses.push(await generate(example));
    }),
  );
  // 0 when every target is met, 1 when the report shows one missed or a violation; either way it is written.
  expect(statuses.every((status) => status === 0 || status === 1)).toBe(true);
  browser = (await launchBrowser()).browser;
  // The npm-shipped Chromium runs as a single process, which ends when its last context or page closes:
  // one context for all pages, and one page in it that stays open.
  context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  await context.newPage();
}, 600_000);

afterAll(async () => {
  await browser?.close();
  rmSync(out, { recursive: true, force: true });
});

describe('report.html in a browser', () => {
  it('renders every section and chart, with no console errors and no network requests', async () => {
    const page = await context.newPage();
    await page.setViewportSize({ width: 1280, height: 900 });
    const errors: string[] = [];
    const requests: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text());
    });
    page.on('pageerror', (error) => errors.push(error.message));
    page.on('request', (request) => requests.push(request.url()));
    const url = reportUrl('three-cluster-disk-disk-tape.yaml');
    await page.goto(url);
    for (const section of ['summary', 'grid', 'safety', 'whatifs', 'runbooks', 'wan', 'outage', 'cache', 'scratch', 'recommendations', 'assumptions', 'traceability']) {
      expect(await page.locator(`section#${section}`).count(), section).toBe(1);
    }
    expect(await page.locator('svg.diagram').count()).toBe(1);
    expect(await page.locator('svg.matrix').count()).toBe(1);
    expect(await page.locator('figure.chart svg.chart').count()).toBeGreaterThanOrEqual(2);
    expect((await page.locator('svg.chart').first().boundingBox())?.width ?? 0).toBeGreaterThan(200);
    // Issue 15/18: the backlog of each direction over the day, its axis titles carry units, its RPO limit is a line.
    const backlog = page.locator('#wan svg.chart', { hasText: 'deferred backlog' });
    expect(await backlog.count()).toBeGreaterThanOrEqual(1);
    expect(await backlog.first().locator('text.axis-title', { hasText: /^hour of the day, UTC \(h\)$/ }).count()).toBe(1);
    expect(await backlog.first().locator('text.axis-title', { hasText: /^deferred backlog \((kB|MB|GB|TB|PB)\)|\(log scale\)$/ }).count()).toBe(1);
    expect(await backlog.first().locator('line.target').count()).toBe(1);
    // The auditor's matrix: each rule with its text and how it was shown; evidence links resolve in the page.
    const rows = page.locator('#traceability tbody tr');
    expect(await rows.count()).toBeGreaterThanOrEqual(80);
    expect((await rows.first().locator('td').nth(1).textContent())?.length ?? 0).toBeGreaterThan(20);
    const targets = await page.locator('#traceability a[href^="#"]').evaluateAll((links) => links.map((link) => link.getAttribute('href') ?? ''));
    expect(targets.length).toBeGreaterThan(10);
    const ids = new Set(await page.locator('[id]').evaluateAll((elements) => elements.map((element) => element.id)));
    const missing = [...new Set(targets)].filter((href) => !ids.has(href.slice(1)));
    expect(missing).toEqual([]);
    // Traceability is the auditor's: not in the manager's summary.
    expect(await page.locator('#summary').textContent()).not.toMatch(/rules covered/);
    expect(errors).toEqual([]);
    expect(requests.filter((request) => request !== url)).toEqual([]);
    await page.close();
  });

  it.each(examples)('%s: no label of any drawing is clipped or overlaps another', async (example) => {
    const page = await open(example);
    const drawings = await page.locator('svg').count();
    expect(drawings).toBeGreaterThanOrEqual(2);
    const problems = await labelProblems(page);
    expect(problems, JSON.stringify(problems)).toEqual([]);
    await page.close();
  });

  it('the label check catches a deliberately overlapping label and a clipped one', async () => {
    const page = await open('four-cluster-hybrid.yaml');
    expect(await labelProblems(page)).toEqual([]);
    await page.locator('svg.chart text.tick').first().evaluate((tick) => {
      const copy = tick.cloneNode(true);
      copy.textContent = 'overlapping label';
      tick.parentNode?.appendChild(copy);
    });
    const overlaps = await labelProblems(page);
    expect(overlaps.some((problem) => problem.kind === 'overlap' && problem.labels.includes('overlapping label'))).toBe(true);
    await page.locator('svg.diagram text.link-label').first().evaluate((label) => label.setAttribute('x', '-40'));
    expect((await labelProblems(page, 'svg.diagram')).some((problem) => problem.kind === 'clipped')).toBe(true);
    await page.close();
  });

  it.each(examples)('%s: the executive summary fits one 1280x800 screen, verdict first', async (example) => {
    const page = await open(example);
    const box = await page.locator('section#summary').boundingBox();
    expect(box).not.toBeNull();
    expect((box?.y ?? 0) + (box?.height ?? Number.POSITIVE_INFINITY)).toBeLessThanOrEqual(800);
    const headings = await page.locator('#summary h3').allTextContents();
    const verdict = await page.locator('#summary .verdict-line').textContent();
    expect(verdict).toMatch(/^(Safe within the stated scope|Not safe: )/);
    expect(headings.slice(-1)).toEqual(['Top risks']);
    await page.close();
  });

  it('saves full-page screenshots of the 2-cluster and 4-cluster reports', async () => {
    mkdirSync(shots, { recursive: true });
    for (const example of examples.filter((name) => /^(two|four)-cluster/.test(name))) {
      const page = await open(example);
      const path = join(shots, `report-${basename(example, '.yaml')}.png`);
      await page.screenshot({ path, fullPage: true });
      expect(existsSync(path)).toBe(true);
      await page.close();
    }
  });

  it.each(['A4', 'Letter'] as const)('prints to %s: a sane number of pages, every chart kept whole on one page', async (format) => {
    const page = await open('four-cluster-hybrid.yaml');
    const pdf = (await page.pdf({ format })).toString('latin1');
    // The page tree's root holds the largest /Count.
    const pages = Math.max(...[...pdf.matchAll(/\/Count (\d+)/g)].map((match) => Number(match[1])));
    const sections = await page.locator('main > section').count();
    expect(pages).toBeGreaterThanOrEqual(sections);
    expect(pages).toBeLessThanOrEqual(sections * 4);
    // Printed, a chart is never split: the print style keeps each chart figure in one piece, and each is
    // shorter than the printable height, so keeping it whole is always possible.
    await page.emulateMedia({ media: 'print' });
    const printableHeight = ((format === 'A4' ? 297 : 279.4) - 28) * (96 / 25.4);
    const charts = await page.locator('figure.chart').evaluateAll((figures) => figures.map((figure) => ({ breakInside: (globalThis as unknown as { getComputedStyle: (element: unknown) => { breakInside: string } }).getComputedStyle(figure).breakInside, height: figure.getBoundingClientRect().height })));
    expect(charts.length).toBeGreaterThan(0);
    for (const chart of charts) {
      expect(chart.breakInside).toBe('avoid');
      expect(chart.height).toBeLessThan(printableHeight);
    }
    await page.close();
  });
});
