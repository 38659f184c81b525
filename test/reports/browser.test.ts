import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { launchBrowser } from '../support/browser.js';

/**
 * Opens report.html in a real headless Chromium (a system one when present, else the one that ships
 * in the @sparticuz/chromium npm package) and checks what a
 * reader sees: the sections and charts render, nothing errors, nothing is fetched from the network.
 */
const root = join(import.meta.dirname, '..', '..');

describe('report.html in a browser', () => {
  it('renders every section and chart, with no console errors and no network requests; saves a screenshot', async () => {
    const out = mkdtempSync(join(tmpdir(), 'tapegrid-browser-'));
    const generated = spawnSync(process.execPath, [join(root, 'bin', 'tapegrid.js'), 'report', 'examples/three-cluster-disk-disk-tape.yaml', '--out', join(out, 'report'), '--runs', '20'], { cwd: root, encoding: 'utf8' });
    expect([0, 1]).toContain(generated.status);
    const { browser } = await launchBrowser();
    try {
      const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
      const errors: string[] = [];
      const requests: string[] = [];
      page.on('console', (message) => {
        if (message.type() === 'error') errors.push(message.text());
      });
      page.on('pageerror', (error) => errors.push(error.message));
      page.on('request', (request) => requests.push(request.url()));
      const url = pathToFileURL(join(out, 'report', 'report.html')).href;
      await page.goto(url);
      for (const section of ['summary', 'grid', 'safety', 'whatifs', 'runbooks', 'wan', 'outage', 'cache', 'scratch', 'recommendations', 'assumptions', 'traceability']) {
        expect(await page.locator(`section#${section}`).count(), section).toBe(1);
      }
      expect(await page.locator('svg.diagram').count()).toBe(1);
      expect(await page.locator('svg.matrix').count()).toBe(1);
      expect(await page.locator('svg.chart').count()).toBeGreaterThanOrEqual(2);
      const chartBox = await page.locator('svg.chart').first().boundingBox();
      expect(chartBox?.width ?? 0).toBeGreaterThan(200);
      // Issue 15: the backlog of each direction over the day, with axis titles that carry units and its RPO limit as a line.
      const backlog = page.locator('#wan svg.chart', { hasText: 'deferred backlog (bytes, decimal)' });
      expect(await backlog.count()).toBeGreaterThanOrEqual(1);
      expect(await backlog.first().locator('text', { hasText: 'hour of the day (UTC)' }).count()).toBe(1);
      expect(await backlog.first().locator('line.target').count()).toBe(1);
      // No label of any chart is cut off by its drawing's edge.
      const clipped = await page.locator('svg.chart').evaluateAll((charts) =>
        charts.flatMap((chart) => {
          const frame = chart.getBoundingClientRect();
          return [...chart.querySelectorAll('text')]
            .filter((label) => {
              const box = label.getBoundingClientRect();
              return box.left < frame.left - 0.5 || box.right > frame.right + 0.5 || box.top < frame.top - 0.5 || box.bottom > frame.bottom + 0.5;
            })
            .map((label) => label.textContent ?? '');
        }),
      );
      expect(clipped).toEqual([]);
      expect(await page.locator('#summary .card').count()).toBe(4);
      expect(await page.locator('#traceability tbody tr').count()).toBeGreaterThanOrEqual(80);
      expect(errors).toEqual([]);
      expect(requests.filter((request) => request !== url)).toEqual([]);
      const shots = join(root, 'test-output');
      mkdirSync(shots, { recursive: true });
      await page.screenshot({ path: join(shots, 'report-three-cluster-disk-disk-tape.png'), fullPage: true });
      expect(existsSync(join(shots, 'report-three-cluster-disk-disk-tape.png'))).toBe(true);
    } finally {
      await browser.close();
    }
  });
});
