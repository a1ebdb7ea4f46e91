// A radar chart as inline SVG (no script, no style attributes: the site's Content-Security-Policy
// allows neither): one axis per element, a ring per level of the scale, the current levels as a
// filled shape and the targets as a dashed outline. The values are also in the page's tables.
import type { Element } from 'hast';
import { h } from './hast';

export interface RadarAxis {
  id: string;
  title: string;
  /** Null when the element is not scored (n/a, or no entry). */
  current: number | null;
  target: number | null;
}

export interface RadarOptions {
  /** Levels of the scale, lowest first; the rings. */
  levels: number[];
  /** Accessible title, e.g. "First Line Management: current and target levels". */
  title: string;
  /** An href for an axis label (the element's page), or undefined for plain text. */
  href?(id: string): string | undefined;
}

const SIZE = 480;
const CENTRE = SIZE / 2;
const RADIUS = 170;
const f = (n: number) => (Math.round(n * 10) / 10).toString();

export function radarChart(axes: RadarAxis[], opts: RadarOptions): Element {
  const lo = opts.levels[0] ?? 0;
  const hi = opts.levels[opts.levels.length - 1] ?? 1;
  // The lowest level sits a little off the centre, so that a shape at level 1 stays visible.
  const r = (v: number) => RADIUS * (0.15 + (0.85 * (v - lo)) / Math.max(1, hi - lo));
  const angle = (i: number) => -Math.PI / 2 + (2 * Math.PI * i) / Math.max(1, axes.length);
  const point = (i: number, v: number) => [CENTRE + r(v) * Math.cos(angle(i)), CENTRE + r(v) * Math.sin(angle(i))] as const;
  const shape = (pick: (a: RadarAxis) => number | null) =>
    axes.map((a, i) => point(i, pick(a) ?? lo)).map(([x, y]) => `${f(x)},${f(y)}`).join(' ');
  const titleId = `radar-${slug(opts.title)}`;
  const scored = axes.filter((a) => a.current !== null);
  const desc = scored.length
    ? scored.map((a) => `${a.id} ${a.current}${a.target !== null ? ` to ${a.target}` : ''}`).join('; ')
    : 'No element of this group is scored.';

  const rings = opts.levels.map((lv) =>
    h('polygon', { className: ['ring'], dataLevel: String(lv), points: axes.map((_a, i) => point(i, lv)).map(([x, y]) => `${f(x)},${f(y)}`).join(' '), fill: 'none', stroke: '#c9cfdb', strokeWidth: '1' }),
  );
  // Just inside each ring, beside the first axis, clear of the axis labels outside the chart.
  const ringLabels = opts.levels.map((lv) => h('text', { className: ['ring-label'], x: f(CENTRE + 4), y: f(CENTRE - r(lv) + 11), fontSize: '10', fill: '#5b6475' }, String(lv)));
  const spokes = axes.map((a, i) => {
    const [x, y] = point(i, hi);
    return h('line', { className: ['axis'], dataId: a.id, x1: f(CENTRE), y1: f(CENTRE), x2: f(x), y2: f(y), stroke: '#d9dee8', strokeWidth: '1' });
  });
  const labels = axes.map((a, i) => {
    const ang = angle(i);
    const x = CENTRE + (RADIUS + 14) * Math.cos(ang);
    const y = CENTRE + (RADIUS + 14) * Math.sin(ang) + 4;
    // Only labels right at the top or bottom are centred; with many axes their neighbours would collide.
    const anchor = Math.abs(Math.cos(ang)) < (axes.length > 16 ? 0.02 : 0.2) ? 'middle' : Math.cos(ang) > 0 ? 'start' : 'end';
    const label = h('text', { className: ['axis-label'], x: f(x), y: f(y), textAnchor: anchor, fontSize: axes.length > 24 ? '9' : '11', fill: a.current === null ? '#8a93a3' : '#1d2330' },
      h('title', null, `${a.id} · ${a.title}: ${a.current === null ? 'not scored' : `current ${a.current}${a.target !== null ? `, target ${a.target}` : ''}`}`),
      a.current === null ? `${a.id} –` : a.id);
    const href = opts.href?.(a.id);
    return href ? h('a', { href }, label) : label;
  });
  return h('svg', { className: ['radar'], viewBox: `0 0 ${SIZE} ${SIZE}`, width: String(SIZE), height: String(SIZE), role: 'img', ariaLabelledBy: [titleId, `${titleId}-desc`], xmlns: 'http://www.w3.org/2000/svg' },
    h('title', { id: titleId }, opts.title),
    h('desc', { id: `${titleId}-desc` }, desc),
    rings,
    spokes,
    ringLabels,
    axes.length ? h('polygon', { className: ['target'], points: shape((a) => a.target ?? a.current), fill: 'none', stroke: '#1f5fae', strokeWidth: '2', strokeDasharray: '6 4' }) : null,
    axes.length ? h('polygon', { className: ['current'], points: shape((a) => a.current), fill: '#1f5fae', fillOpacity: '0.25', stroke: '#1f5fae', strokeWidth: '2' }) : null,
    labels,
  );
}

const slug = (s: string) => s.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'chart';
