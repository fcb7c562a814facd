// The timeline of one coordinated action: a lane of chips for those who joined (stacked per
// day, shaded by how many they counted), one for those who held back, one for the target's
// answers, and the running total as a step line above them.

import { svg } from "./dom.js";

const WIDTH = 980;
const LEFT = 92;
const RIGHT = 12;
const ROW = 17;
const TOTAL_BAND = 56;
const DAY_MS = 86400000;

function dayOf(date) {
  return date ? Math.round(Date.parse(`${date.slice(0, 10)}T00:00:00Z`) / DAY_MS) : null;
}

function isoOf(day) {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** Items grouped by day, in order, each with its row in the day's stack. */
function stacked(items) {
  const rows = new Map();
  return items.filter((item) => item.day !== null).map((item) => {
    const row = rows.get(item.day) || 0;
    rows.set(item.day, row + 1);
    return { ...item, row };
  });
}

function laneHeight(items) {
  return (Math.max(1, ...items.map((item) => item.row + 1)) * ROW) + 10;
}

function chip(x, y, width, item) {
  return svg("g", { class: `chip ${item.kind}`, dataset: { role: item.kind, code: item.code } },
    svg("title", {}, item.title),
    svg("rect", { x: x - width / 2, y, width, height: ROW - 3, rx: 3,
      "fill-opacity": item.shade }),
    svg("text", { x, y: y + ROW - 7, "text-anchor": "middle" }, item.label));
}

/** The SVG timeline of a coordinated action (a /coordination body item). */
export function actionTimeline(action) {
  const joined = stacked(action.participants.map((p) => ({
    kind: "participant", code: p.code, day: dayOf(p.date), count: p.count || 0,
    label: p.count === null ? p.code : `${p.code} ${p.count}`,
    shade: p.count === null ? 0.25 : Math.min(1, 0.35 + Math.log2(p.count + 1) / 9),
    title: `${p.name} (${p.code}) joined on ${p.date}: ${p.count ?? "no number"}` })));
  const held = stacked(action.holdouts.map((p) => ({
    kind: "holdout", code: p.code, day: dayOf(p.date), label: p.code, shade: 1,
    title: `${p.name} (${p.code}): ${p.modality} on ${p.date || "an unknown day"}` })));
  const answered = stacked(action.reactions.map((r) => ({
    kind: "reaction", code: r.target || "?", day: dayOf(r.date),
    label: `→${r.target || "?"}${r.count === null ? "" : ` ${r.count}`}`, shade: 1,
    title: `${r.source} → ${r.target || "?"}: CAMEO ${r.cameo}, ${r.count ?? "no number"} on ${
      r.date}` })));
  const all = [...joined, ...held, ...answered];
  const days = [dayOf(action.window[0]), dayOf(action.window[1]), ...all.map((i) => i.day)]
    .filter((d) => d !== null);
  const first = Math.min(...days) - 1;
  const last = Math.max(...days) + 1;
  const step = (WIDTH - LEFT - RIGHT) / (last - first + 1);
  const x = (day) => LEFT + (day - first + 0.5) * step;
  const width = Math.max(8, Math.min(56, step - 2));
  const lanes = [["joined", joined], ["held back", held], [`${action.target} answered`, answered]]
    .filter(([, items], i) => i === 0 || items.length);
  let top = TOTAL_BAND + 8;
  const height = top + lanes.reduce((sum, [, items]) => sum + laneHeight(items), 0) + 26;
  const chart = svg("svg", { viewBox: `0 0 ${WIDTH} ${height}`, class: "chart timeline-chart",
    role: "img", "aria-label": `Timeline of ${action.participant_count} participants` });
  chart.append(svg("rect", { x: x(dayOf(action.window[0])) - step / 2, y: 0,
    width: (dayOf(action.window[1]) - dayOf(action.window[0]) + 1) * step, height,
    class: "window" }));
  chart.append(runningTotal(action, joined, x, step));
  for (const [name, items] of lanes) {
    const lane = laneHeight(items);
    chart.append(svg("line", { x1: LEFT, x2: WIDTH - RIGHT, y1: top + lane, y2: top + lane,
      class: "grid" }),
    svg("text", { x: LEFT - 8, y: top + lane / 2 + 4, class: "lane-label",
      "text-anchor": "end" }, name));
    for (const item of items) {
      chart.append(chip(x(item.day), top + lane - 5 - (item.row + 1) * ROW, width, item));
    }
    top += lane;
  }
  const every = Math.max(1, Math.ceil((last - first + 1) / 10));
  for (let day = first; day <= last; day += every) {
    chart.append(svg("text", { x: x(day), y: height - 8, class: "axis-label",
      "text-anchor": "middle" }, isoOf(day).slice(5)));
  }
  return chart;
}

function runningTotal(action, joined, x, step) {
  const byDay = new Map();
  for (const item of joined) byDay.set(item.day, (byDay.get(item.day) || 0) + item.count);
  const days = [...byDay.keys()].sort((a, b) => a - b);
  const y = (v) => TOTAL_BAND - (v / Math.max(1, action.total)) * (TOTAL_BAND - 14);
  const group = svg("g", { class: "running-total" });
  if (!days.length) return group;
  let sum = 0;
  let d = `M${(x(days[0]) - step / 2).toFixed(1)},${y(0).toFixed(1)}`;
  for (const day of days) {
    sum += byDay.get(day);
    d += `H${(x(day) - step / 2).toFixed(1)}V${y(sum).toFixed(1)}`;
  }
  d += `H${(x(days[days.length - 1]) + step / 2).toFixed(1)}`;
  group.append(svg("path", { d, class: "total-line" }),
    svg("text", { x: LEFT - 8, y: y(sum) + 4, class: "lane-label", "text-anchor": "end" },
      `total ${action.total}`));
  return group;
}
