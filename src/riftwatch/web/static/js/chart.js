// Small inline SVG charts: an index over periods with its band, stacked bars, a colour scale.
// Every mark carries a <title>, which browsers show on hover and screen readers read.

import { svg } from "./dom.js";

const WIDTH = 760;
const MARGIN = { left: 46, right: 14, top: 14, bottom: 30 };

/** Diverging colour for an index in [-1, 1]: blue (trust) through white to red (hostile). */
export function divergingColor(value) {
  const t = Math.max(-1, Math.min(1, value));
  const [from, to] = t < 0 ? [[247, 247, 247], [33, 102, 172]] : [[247, 247, 247], [178, 24, 43]];
  const k = Math.abs(t);
  const mix = from.map((c, i) => Math.round(c + (to[i] - c) * k));
  return `rgb(${mix.join(",")})`;
}

function frame(height, label) {
  return svg("svg", { viewBox: `0 0 ${WIDTH} ${height}`, class: "chart", role: "img",
    "aria-label": label, preserveAspectRatio: "xMidYMid meet" });
}

function xScale(count) {
  const inner = WIDTH - MARGIN.left - MARGIN.right;
  const step = inner / Math.max(count, 1);
  return { step, at: (i) => MARGIN.left + (i + 0.5) * step };
}

function xLabels(chart, periods, x, y) {
  const every = Math.max(1, Math.ceil(periods.length / 8));
  periods.forEach((period, i) => {
    if (i % every) return;
    chart.append(svg("text", { x: x.at(i), y, class: "axis-label", "text-anchor": "middle" },
      period));
  });
}

function pathOf(points) {
  return points.map(([px, py], i) => `${i ? "L" : "M"}${px.toFixed(1)},${py.toFixed(1)}`)
    .join("");
}

/** Runs of consecutive points whose values are all present. */
function runs(values, ...others) {
  const out = [];
  let current = [];
  values.forEach((value, i) => {
    if (value === null || others.some((o) => o[i] === null)) {
      if (current.length) out.push(current);
      current = [];
    } else current.push(i);
  });
  if (current.length) out.push(current);
  return out;
}

/**
 * An index in [-1, 1] per period: the smoothed value as a line inside its band, and each
 * period with events as a dot with its own interval.
 */
export function indexChart({ label, periods, value, low, high, smooth, smoothLow, smoothHigh,
  events, color, describe }) {
  const height = 230;
  const chart = frame(height, label);
  const bottom = height - MARGIN.bottom;
  const y = (v) => MARGIN.top + (1 - (v + 1) / 2) * (bottom - MARGIN.top);
  const x = xScale(periods.length);
  for (const tick of [-1, -0.5, 0, 0.5, 1]) {
    chart.append(
      svg("line", { x1: MARGIN.left, x2: WIDTH - MARGIN.right, y1: y(tick), y2: y(tick),
        class: tick === 0 ? "axis zero" : "grid" }),
      svg("text", { x: MARGIN.left - 6, y: y(tick) + 4, class: "axis-label",
        "text-anchor": "end" }, tick.toFixed(1)));
  }
  for (const run of runs(smooth, smoothLow, smoothHigh)) {
    const upper = run.map((i) => [x.at(i), y(smoothHigh[i])]);
    const lower = run.map((i) => [x.at(i), y(smoothLow[i])]).reverse();
    chart.append(
      svg("path", { d: `${pathOf([...upper, ...lower])}Z`, class: "band", fill: color }),
      svg("path", { d: pathOf(run.map((i) => [x.at(i), y(smooth[i])])), class: "line",
        stroke: color }));
  }
  periods.forEach((period, i) => {
    if (!events[i] || value[i] === null) return;
    chart.append(svg("g", { class: "point", dataset: { period, value: value[i] } },
      svg("title", {}, describe(i)),
      svg("line", { x1: x.at(i), x2: x.at(i), y1: y(low[i]), y2: y(high[i]), stroke: color,
        class: "whisker" }),
      svg("circle", { cx: x.at(i), cy: y(value[i]), r: 4.5, fill: color })));
  });
  xLabels(chart, periods, x, height - 8);
  return chart;
}

/** Stacked bars per period: `layers` is [{name, values, color}]. */
export function stackedBars({ label, periods, layers }) {
  const height = 150;
  const chart = frame(height, label);
  const bottom = height - MARGIN.bottom;
  const totals = periods.map((_, i) => layers.reduce((sum, layer) => sum + layer.values[i], 0));
  const top = Math.max(1, ...totals);
  const y = (v) => bottom - (v / top) * (bottom - MARGIN.top);
  const x = xScale(periods.length);
  const width = Math.max(1, Math.min(40, x.step * 0.7));
  chart.append(
    svg("line", { x1: MARGIN.left, x2: WIDTH - MARGIN.right, y1: bottom, y2: bottom,
      class: "axis" }),
    svg("text", { x: MARGIN.left - 6, y: y(top) + 4, class: "axis-label", "text-anchor": "end" },
      String(top)),
    svg("text", { x: MARGIN.left - 6, y: bottom + 4, class: "axis-label",
      "text-anchor": "end" }, "0"));
  periods.forEach((period, i) => {
    let base = 0;
    const bar = svg("g", { class: "bar", dataset: { period, events: totals[i] } },
      svg("title", {}, `${period}: ${totals[i]} events (${layers
        .map((l) => `${l.values[i]} ${l.name}`).join(", ")})`));
    for (const layer of layers) {
      const v = layer.values[i];
      if (!v) continue;
      bar.append(svg("rect", { x: x.at(i) - width / 2, y: y(base + v), width,
        height: y(base) - y(base + v), fill: layer.color }));
      base += v;
    }
    chart.append(bar);
  });
  xLabels(chart, periods, x, height - 8);
  return chart;
}
