// A rollout drawn as a small inline SVG (no scripts, no fonts to load): step lines of the old
// ReplicaSets' replicas, the new ReplicaSet's replicas and the available Pods (plus the desired
// count, dotted) over virtual time, axes in virtual seconds, a legend, and a <title>/<desc> for
// screen readers.
import type { RolloutPoint, RolloutSeries } from './rollout-series';

const WIDTH = 560;
const HEIGHT = 230;
const PAD = { left: 44, right: 150, top: 14, bottom: 40 };

export interface SeriesStyle {
  readonly key: 'old' | 'new' | 'available' | 'desired';
  readonly label: string;
  readonly index: 1 | 2 | 3 | 4;                 // the value's place in a RolloutPoint
  readonly color: string;
  readonly dash?: string;
  readonly width: number;
}

export const SERIES: readonly SeriesStyle[] = [
  { key: 'old', label: 'old ReplicaSets', index: 1, color: '#bc4c00', width: 2 },
  { key: 'new', label: 'new ReplicaSet', index: 2, color: '#0969da', width: 2 },
  { key: 'available', label: 'available Pods', index: 3, color: '#1a7f37', dash: '6 3', width: 2.5 },
  { key: 'desired', label: 'desired replicas', index: 4, color: '#6e7781', dash: '1 3', width: 1.5 },
];

/** One chart; `id` makes the title/desc ids unique within the page. */
export function rolloutChart(series: RolloutSeries, id: string): string {
  const points = series.points;
  if (points.length === 0) return '';
  const first = points[0]![0];
  const lastChange = points[points.length - 1]![0];
  // A margin either side of the changes; lines stop at the scenario's end, and a long idle tail
  // (a scenario may wait minutes after the rollout) is cut.
  const pad = Math.max(1000, (lastChange - first) * 0.08);
  const t0 = Math.max(0, first - pad);
  const t1 = lastChange + pad;
  const lineEnd = Math.min(series.endMs, t1);
  const yMax = Math.max(1, ...points.map((p) => Math.max(p[1], p[2], p[3], p[4])));
  const yTop = niceCeil(yMax);
  const plotW = WIDTH - PAD.left - PAD.right;
  const plotH = HEIGHT - PAD.top - PAD.bottom;
  const x = (ms: number): number => round(PAD.left + ((ms - t0) / (t1 - t0)) * plotW);
  const y = (v: number): number => round(PAD.top + plotH - (v / yTop) * plotH);

  const titleId = `${id}-title`;
  const descId = `${id}-desc`;
  const parts: string[] = [];
  parts.push(`<svg class="rollout-chart" role="img" aria-labelledby="${titleId} ${descId}" viewBox="0 0 ${WIDTH} ${HEIGHT}" width="${WIDTH}" height="${HEIGHT}" data-deployment="${attr(series.deployment)}">`);
  parts.push(`<title id="${titleId}">Rollout of deployment ${esc(series.deployment)}: replicas of the old and new ReplicaSets and available Pods over virtual time</title>`);
  parts.push(`<desc id="${descId}">${esc(describe(series))}</desc>`);

  // axes, grid, ticks
  parts.push(`<g class="axes" stroke="#8c959f" stroke-width="1" fill="none"><path d="M${PAD.left} ${PAD.top}V${PAD.top + plotH}H${PAD.left + plotW}"/></g>`);
  const ticks: string[] = [];
  for (const v of yTicks(yTop)) {
    ticks.push(`<line x1="${PAD.left}" x2="${PAD.left + plotW}" y1="${y(v)}" y2="${y(v)}" stroke="#eaeef2"/>`);
    ticks.push(`<text x="${PAD.left - 6}" y="${y(v) + 4}" text-anchor="end">${v}</text>`);
  }
  for (const s of timeTicks(t0, t1)) {
    ticks.push(`<line x1="${x(s * 1000)}" x2="${x(s * 1000)}" y1="${PAD.top + plotH}" y2="${PAD.top + plotH + 4}" stroke="#8c959f"/>`);
    ticks.push(`<text class="x-tick" x="${x(s * 1000)}" y="${PAD.top + plotH + 16}" text-anchor="middle">${s} s</text>`);
  }
  parts.push(`<g class="ticks" font-size="10" fill="#57606a">${ticks.join('')}</g>`);
  parts.push(`<text class="axis-label" x="${PAD.left + plotW / 2}" y="${HEIGHT - 6}" text-anchor="middle" font-size="11" fill="#57606a">virtual time (s)</text>`);
  parts.push(`<text class="axis-label" x="12" y="${PAD.top + plotH / 2}" text-anchor="middle" font-size="11" fill="#57606a" transform="rotate(-90 12 ${PAD.top + plotH / 2})">replicas / Pods</text>`);

  // series: desired at the bottom, available (dashed) on top so the lines under it show through
  for (const s of DRAW_ORDER) {
    parts.push(`<path class="series ${s.key}" data-series="${s.key}" d="${stepPath(points, s.index, x, y, t0, lineEnd)}" fill="none" stroke="${s.color}" stroke-width="${s.width}"${s.dash !== undefined ? ` stroke-dasharray="${s.dash}"` : ''}/>`);
  }

  // legend
  const lx = PAD.left + plotW + 14;
  const legend = SERIES.map((s, i) => {
    const ly = PAD.top + 8 + i * 18;
    return `<line x1="${lx}" x2="${lx + 22}" y1="${ly}" y2="${ly}" stroke="${s.color}" stroke-width="${s.width}"${s.dash !== undefined ? ` stroke-dasharray="${s.dash}"` : ''}/>` +
      `<text x="${lx + 28}" y="${ly + 4}">${s.label}</text>`;
  });
  parts.push(`<g class="legend" font-size="11" fill="#1b1f24">${legend.join('')}</g>`);
  parts.push('</svg>');
  return parts.join('');
}

const DRAW_ORDER = ['desired', 'old', 'new', 'available'].map((k) => SERIES.find((s) => s.key === k)!);

/** Step line from `startMs` (first value) to `endMs`: hold each value until the next change; several changes at one instant draw a vertical run. */
export function stepPath(points: readonly RolloutPoint[], index: number, x: (ms: number) => number, y: (v: number) => number, startMs: number, endMs: number): string {
  const first = points[0]!;
  let d = `M${x(Math.min(startMs, first[0]))} ${y(first[index]!)}`;
  let lastY = y(first[index]!);
  let lastX = x(Math.min(startMs, first[0]));
  for (let i = 1; i < points.length; i++) {
    const p = points[i]!;
    const px = x(Math.min(p[0], endMs));
    const py = y(p[index]!);
    if (py === lastY) continue;
    if (px !== lastX) d += `H${px}`;
    d += `V${py}`;
    lastX = px;
    lastY = py;
  }
  const ex = x(endMs);
  if (ex !== lastX) d += `H${ex}`;
  return d;
}

/** "From 5 s to 47 s: old ReplicaSets 3 → 0, new ReplicaSet 0 → 3, available Pods 3 → 3 (at least 3)." */
export function describe(series: RolloutSeries): string {
  const p = series.points;
  const first = p[0]!;
  const last = p[p.length - 1]!;
  const minAvailable = Math.min(...p.filter((q) => q[0] > first[0]).map((q) => q[3]), last[3]);
  return `Deployment ${series.deployment}, ReplicaSets ${series.replicaSets.join(', ')}. From ${seconds(first[0])} s to ${seconds(last[0])} s of virtual time: ` +
    `old ReplicaSets ${first[1]} → ${last[1]}, new ReplicaSet ${first[2]} → ${last[2]}, available Pods ${first[3]} → ${last[3]} (at least ${minAvailable} after the start), ` +
    `${p.length} changes${series.thinned === true ? ' (thinned)' : ''}.`;
}

/** Ticks at a round step in seconds (1, 2, 5, 10, 15, 30 s, 1, 2, 5, 10 min ...), at most 8. */
export function timeTicks(t0Ms: number, t1Ms: number): number[] {
  const spanS = (t1Ms - t0Ms) / 1000;
  const steps = [1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 900, 1800, 3600, 7200, 14400, 43200, 86400];
  const step = steps.find((s) => spanS / s <= 7) ?? Math.ceil(spanS / 7);
  const out: number[] = [];
  for (let s = Math.ceil(t0Ms / 1000 / step) * step; s <= t1Ms / 1000 + 1e-9; s += step) out.push(s);
  return out;
}

function yTicks(top: number): number[] {
  const step = [1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000].find((s) => top / s <= 5) ?? Math.ceil(top / 5);
  const out: number[] = [];
  for (let v = 0; v <= top; v += step) out.push(v);
  return out;
}

function niceCeil(v: number): number {
  if (v <= 5) return v;
  const step = v <= 20 ? 2 : v <= 50 ? 5 : 10 ** Math.floor(Math.log10(v)) / 2;
  return Math.ceil(v / step) * step;
}

function seconds(ms: number): string {
  return ms % 1000 === 0 ? String(ms / 1000) : (ms / 1000).toFixed(1);
}

function round(n: number): number {
  return Math.round(n * 10) / 10;
}

function esc(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

function attr(s: string): string {
  return esc(s);
}
