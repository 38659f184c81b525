import type { GridDefinition } from '../model/index.js';

/** Escapes text for HTML and SVG (element content and attribute values). */
export function escapeHtml(value: string | number): string {
  return String(value).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

const palette = ['#1f77b4', '#d62728', '#2ca02c', '#9467bd', '#ff7f0e', '#17becf', '#8c564b', '#e377c2'];

/** A line chart as inline SVG: series of (x, y) points, optional horizontal target line. */
export function lineChart(options: {
  readonly title: string;
  readonly xLabel: string;
  readonly yLabel: string;
  readonly series: readonly { readonly name: string; readonly points: readonly (readonly [number, number])[] }[];
  readonly target?: { readonly y: number; readonly label: string };
  readonly formatX: (x: number) => string;
  readonly formatY: (y: number) => string;
}): string {
  const width = 640;
  const height = 300;
  const left = 80;
  const right = 20;
  const top = 30;
  const bottom = 50;
  const finite = options.series.flatMap((series) => series.points).filter(([, y]) => Number.isFinite(y));
  const xs = finite.map(([x]) => x);
  const ys = [...finite.map(([, y]) => y), ...(options.target === undefined ? [] : [options.target.y])];
  const minX = Math.min(...xs, 0);
  const maxX = Math.max(...xs, 1);
  const maxY = Math.max(...ys, 1e-9) * 1.1;
  const sx = (x: number): number => left + ((x - minX) / (maxX - minX || 1)) * (width - left - right);
  const sy = (y: number): number => top + (1 - Math.min(y, maxY) / maxY) * (height - top - bottom);
  const parts: string[] = [];
  parts.push(`<svg class="chart" role="img" aria-label="${escapeHtml(options.title)}" viewBox="0 0 ${width} ${height}" xmlns="http://www.w3.org/2000/svg">`);
  parts.push(`<title>${escapeHtml(options.title)}</title>`);
  parts.push(`<rect x="${left}" y="${top}" width="${width - left - right}" height="${height - top - bottom}" fill="#fafafa" stroke="#ccc"/>`);
  for (let tick = 0; tick <= 4; tick += 1) {
    const y = (maxY * tick) / 4;
    parts.push(`<line x1="${left}" x2="${width - right}" y1="${sy(y).toFixed(1)}" y2="${sy(y).toFixed(1)}" stroke="#e5e5e5"/><text x="${left - 6}" y="${(sy(y) + 4).toFixed(1)}" font-size="10" text-anchor="end">${escapeHtml(options.formatY(y))}</text>`);
    const x = minX + ((maxX - minX) * tick) / 4;
    // The last tick sits on the right edge: anchored at its end it cannot be cut off by the drawing's edge.
    parts.push(`<text x="${sx(x).toFixed(1)}" y="${height - bottom + 16}" font-size="10" text-anchor="${tick === 4 ? 'end' : 'middle'}">${escapeHtml(options.formatX(x))}</text>`);
  }
  parts.push(`<text x="${(left + width - right) / 2}" y="${height - 8}" font-size="11" text-anchor="middle">${escapeHtml(options.xLabel)}</text>`);
  parts.push(`<text x="14" y="${(top + height - bottom) / 2}" font-size="11" text-anchor="middle" transform="rotate(-90 14 ${(top + height - bottom) / 2})">${escapeHtml(options.yLabel)}</text>`);
  if (options.target !== undefined) {
    parts.push(`<line class="target" x1="${left}" x2="${width - right}" y1="${sy(options.target.y).toFixed(1)}" y2="${sy(options.target.y).toFixed(1)}" stroke="#d62728" stroke-dasharray="6 4"/><text x="${width - right - 4}" y="${(sy(options.target.y) - 4).toFixed(1)}" font-size="10" text-anchor="end" fill="#d62728">${escapeHtml(options.target.label)}</text>`);
  }
  options.series.forEach((series, index) => {
    const colour = palette[index % palette.length] ?? '#333';
    const points = series.points.map(([x, y]) => `${sx(x).toFixed(1)},${sy(Number.isFinite(y) ? y : maxY).toFixed(1)}`).join(' ');
    parts.push(`<polyline class="series" fill="none" stroke="${colour}" stroke-width="2" points="${points}"/>`);
    parts.push(`<text x="${left + 8}" y="${top + 14 + index * 14}" font-size="11" fill="${colour}">${escapeHtml(series.name)}</text>`);
  });
  parts.push('</svg>');
  return parts.join('');
}

/** The grid as a drawing: sites as columns, clusters as boxes, links as lines with their capacity. */
export function gridDiagram(definition: GridDefinition): string {
  const sites = [...new Set(definition.clusters.map((cluster) => cluster.site))];
  const columnWidth = 220;
  const width = Math.max(320, sites.length * columnWidth + 40);
  const rows = Math.max(...sites.map((site) => definition.clusters.filter((cluster) => cluster.site === site).length), 1);
  const height = rows * 90 + 80;
  const position = new Map<number, { x: number; y: number }>();
  sites.forEach((site, column) => {
    definition.clusters
      .filter((cluster) => cluster.site === site)
      .forEach((cluster, row) => position.set(cluster.id, { x: 40 + column * columnWidth, y: 50 + row * 90 }));
  });
  const parts: string[] = [`<svg class="diagram" role="img" aria-label="grid diagram" viewBox="0 0 ${width} ${height}" xmlns="http://www.w3.org/2000/svg"><title>Grid ${escapeHtml(definition.name)}</title>`];
  sites.forEach((site, column) => {
    parts.push(`<rect x="${25 + column * columnWidth}" y="20" width="${columnWidth - 30}" height="${height - 30}" rx="8" fill="#f3f6fa" stroke="#c8d3e0"/><text x="${25 + column * columnWidth + 10}" y="38" font-size="12" font-weight="bold">${escapeHtml(site)}</text>`);
  });
  const labels: string[] = [];
  for (const link of definition.links) {
    const a = position.get(link.between[0]);
    const b = position.get(link.between[1]);
    if (a === undefined || b === undefined) continue;
    const x1 = a.x + 80;
    const y1 = a.y + 25;
    const x2 = b.x + 80;
    const y2 = b.y + 25;
    parts.push(`<line class="link" x1="${x1}" y1="${y1}" x2="${x2}" y2="${y2}" stroke="#7a8ca5" stroke-width="${Math.min(6, 1 + link.count)}"/>`);
    // Labels go on top of the boxes, with a white halo, so that a short link's label stays readable.
    labels.push(`<text x="${(x1 + x2) / 2}" y="${(y1 + y2) / 2 - 4}" font-size="10" text-anchor="middle" fill="#44546a" stroke="#fff" stroke-width="3" paint-order="stroke">${link.count} x, ${(link.copyRateMBPerMinute / 60).toFixed(0)} MB/s</text>`);
  }
  for (const cluster of definition.clusters) {
    const at = position.get(cluster.id);
    if (at === undefined) continue;
    parts.push(
      `<g class="cluster"><rect x="${at.x}" y="${at.y}" width="160" height="50" rx="6" fill="${cluster.kind === 'disk-only' ? '#e8f4e8' : '#fff4e0'}" stroke="#555"/><text x="${at.x + 80}" y="${at.y + 20}" font-size="12" text-anchor="middle" font-weight="bold">C${cluster.id} ${escapeHtml(cluster.name)}</text><text x="${at.x + 80}" y="${at.y + 38}" font-size="10" text-anchor="middle">${escapeHtml(cluster.kind)}, ${(cluster.cacheMB / 1e6).toFixed(0)} TB</text></g>`,
    );
  }
  parts.push(...labels, '</svg>');
  return parts.join('');
}

/** The copy policy matrix as a drawing: rows are classes as defined on a cluster, columns the targets. */
export function policyMatrix(definition: GridDefinition): string {
  const ids = definition.clusters.map((cluster) => cluster.id);
  const rows = definition.managementClasses.flatMap((mc) => ids.filter((id) => mc.copyModes[id] !== undefined).map((id) => ({ name: mc.name, on: id, points: mc.copyModes[id] ?? [] })));
  const cell = 34;
  const width = 200 + ids.length * cell;
  const height = 40 + rows.length * cell;
  const colour: Record<string, string> = { R: '#2ca02c', S: '#1f77b4', D: '#ff7f0e', N: '#bbbbbb' };
  const parts = [`<svg class="matrix" role="img" aria-label="copy policy matrix" viewBox="0 0 ${width} ${height}" xmlns="http://www.w3.org/2000/svg"><title>Copy policies</title>`];
  ids.forEach((id, column) => parts.push(`<text x="${200 + column * cell + cell / 2}" y="24" font-size="12" text-anchor="middle">C${id}</text>`));
  rows.forEach((row, index) => {
    const y = 34 + index * cell;
    parts.push(`<text x="8" y="${y + 21}" font-size="12">${escapeHtml(row.name)} on C${row.on}</text>`);
    ids.forEach((id, column) => {
      const point = row.points[id] ?? '-';
      parts.push(`<rect x="${200 + column * cell + 2}" y="${y + 2}" width="${cell - 4}" height="${cell - 4}" rx="4" fill="${colour[point] ?? '#eee'}"/><text x="${200 + column * cell + cell / 2}" y="${y + 22}" font-size="13" text-anchor="middle" fill="#fff" font-weight="bold">${escapeHtml(point)}</text>`);
    });
  });
  parts.push('</svg>');
  return parts.join('');
}
