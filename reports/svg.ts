import type { GridDefinition } from '../model/index.js';
import { formatByteRate, formatBytes, type DataNotation } from '../planner/index.js';

/** Escapes text for HTML and SVG (element content and attribute values). */
export function escapeHtml(value: string | number): string {
  return String(value).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

interface Box {
  readonly left: number;
  readonly right: number;
  readonly top: number;
  readonly bottom: number;
}

function intersects(a: Box, b: Box): boolean {
  return a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
}

/** The grid as a drawing: sites as columns, clusters as boxes, links as lines with their capacity. */
export function gridDiagram(definition: GridDefinition, notation: DataNotation = 'decimal'): string {
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
  // Link labels are placed where they clear every cluster box and every label already placed: first
  // along their own line, then above or below it; only when nothing is clear do they sit on a box (with a
  // white halo). Widths are estimated from a 10 px font, generously, since the page's font is unknown.
  const boxes: Box[] = [
    ...[...position.values()].map((at) => ({ left: at.x, right: at.x + 160, top: at.y, bottom: at.y + 50 })),
    ...sites.map((site, column) => ({ left: 25 + column * columnWidth + 6, right: 25 + column * columnWidth + 14 + site.length * 8.5, top: 22, bottom: 46 })),
  ];
  const placed: Box[] = [];
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
    const text = `${link.count} link${link.count === 1 ? '' : 's'}, ${formatByteRate((link.copyRateMBPerMinute * 1e6) / 60)}`;
    const labelWidth = text.length * 6.4 + 6;
    const candidates = [0.5, 0.38, 0.62, 0.28, 0.72].flatMap((t) => [0, -14, 14, -28, 28].map((shift) => ({ x: x1 + (x2 - x1) * t, y: y1 + (y2 - y1) * t + shift })));
    const boxAt = (at: { x: number; y: number }): Box => ({ left: at.x - labelWidth / 2, right: at.x + labelWidth / 2, top: at.y - 11, bottom: at.y + 3 });
    const inside = (box: Box): boolean => box.left >= 0 && box.right <= width && box.top >= 0 && box.bottom <= height;
    const clear = (box: Box, avoid: readonly Box[]): boolean => inside(box) && avoid.every((other) => !intersects(box, other));
    const spot = candidates.find((at) => clear(boxAt(at), [...placed, ...boxes])) ?? candidates.find((at) => clear(boxAt(at), placed)) ?? candidates[0] ?? { x: (x1 + x2) / 2, y: (y1 + y2) / 2 };
    placed.push(boxAt(spot));
    labels.push(`<text class="link-label" x="${spot.x.toFixed(1)}" y="${spot.y.toFixed(1)}" font-size="10" text-anchor="middle" fill="#44546a" stroke="#fff" stroke-width="3" paint-order="stroke">${escapeHtml(text)}</text>`);
  }
  for (const cluster of definition.clusters) {
    const at = position.get(cluster.id);
    if (at === undefined) continue;
    parts.push(
      `<g class="cluster"><rect x="${at.x}" y="${at.y}" width="160" height="50" rx="6" fill="${cluster.kind === 'disk-only' ? '#e8f4e8' : '#fff4e0'}" stroke="#555"/><text x="${at.x + 80}" y="${at.y + 20}" font-size="12" text-anchor="middle" font-weight="bold">C${cluster.id} ${escapeHtml(cluster.name)}</text><text x="${at.x + 80}" y="${at.y + 38}" font-size="10" text-anchor="middle">${escapeHtml(cluster.kind)}, ${escapeHtml(formatBytes(cluster.cacheMB * 1e6, notation))}</text></g>`,
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
