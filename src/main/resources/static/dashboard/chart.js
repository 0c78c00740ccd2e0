// A small line chart drawn as SVG by our own code (no library): points [{t: Date ms, v: Number}], time on x.
// Used for the equity curve (net PnL over time). The amounts are exact strings in the API; the chart only needs
// their position on screen, so converting them to a float here loses nothing that is shown as a number.

const NS = 'http://www.w3.org/2000/svg';
const W = 640; const H = 220; const PAD = { left: 8, right: 8, top: 12, bottom: 12 };

function el(tag, attrs) {
  const e = document.createElementNS(NS, tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
  return e;
}

/** An SVG line chart of the points, scaled to fit; a dashed zero line when zero is in range. */
export function lineChart(points, { label, id }) {
  const svg = el('svg', { viewBox: `0 0 ${W} ${H}`, role: 'img', 'aria-label': label, class: 'chart', id,
    'data-points': String(points.length), preserveAspectRatio: 'none' });
  if (!points.length) return svg;
  const ts = points.map((p) => p.t); const vs = points.map((p) => p.v);
  let [t0, t1] = [Math.min(...ts), Math.max(...ts)];
  let [v0, v1] = [Math.min(0, ...vs), Math.max(0, ...vs)];
  if (t1 === t0) { t0 -= 1000; t1 += 1000; }
  if (v1 === v0) { v0 -= 1; v1 += 1; }
  const x = (t) => PAD.left + ((t - t0) / (t1 - t0)) * (W - PAD.left - PAD.right);
  const y = (v) => H - PAD.bottom - ((v - v0) / (v1 - v0)) * (H - PAD.top - PAD.bottom);
  svg.append(el('line', { x1: PAD.left, x2: W - PAD.right, y1: y(0), y2: y(0), class: 'chart-zero' }));
  const d = points.map((p, i) => `${i ? 'L' : 'M'}${x(p.t).toFixed(1)},${y(p.v).toFixed(1)}`).join(' ');
  svg.append(el('path', { d, class: 'chart-line', 'vector-effect': 'non-scaling-stroke' }));
  const last = points[points.length - 1];
  svg.append(el('circle', { cx: x(last.t), cy: y(last.v), r: 3, class: 'chart-dot' }));
  return svg;
}
