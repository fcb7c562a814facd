// The relations matrix: a heatmap of the distrust index among chosen states or blocs over a
// span (GET /relations/matrix).

import { getJson } from "./api.js";
import { divergingColor } from "./chart.js";
import { errorLine, field, fill, h, num, svg } from "./dom.js";
import { formParams, hrefTo, latest, navigate, setForm } from "./route.js";

const DEFAULTS = { actors: "USA,GBR,FRA,DEU,CAN,RUS,NATO" };
const CELL = 58;
const LABEL = 64;
const ui = {};
const requests = latest();

export const matrixView = {
  name: "matrix",
  title: "Relations matrix",
  create(section) {
    ui.form = h("form", { class: "filters", id: "matrix-form", onsubmit: (event) => {
      event.preventDefault();
      navigate("matrix", formParams(ui.form));
    } },
    field("Actors", h("input", { name: "actors", size: 36, required: true }),
      "2 to 20 codes, comma-separated; blocs too"),
    field("From", h("input", { name: "start", type: "date" })),
    field("To", h("input", { name: "end", type: "date" })),
    h("label", { class: "field check" }, h("input", { name: "directed", type: "checkbox" }),
      h("span", {}, "Row acts on column")),
    h("label", { class: "field check" }, h("input", { name: "unmerged", type: "checkbox" }),
      h("span", {}, "Count every report")),
    h("div", { class: "actions" }, h("button", { type: "submit" }, "Show")));
    ui.out = h("div", { id: "matrix-out", "aria-live": "polite" });
    section.append(h("h1", {}, "Relations matrix"), ui.form, ui.out);
  },
  async show(params) {
    setForm(ui.form, params, DEFAULTS);
    const query = formParams(ui.form);
    const current = requests.begin();
    fill(ui.out, h("p", {}, "Loading…"));
    try {
      const matrix = await getJson("relations/matrix", query);
      if (current()) render(matrix, query);
    } catch (error) {
      if (current()) fill(ui.out, errorLine(error));
    }
  },
};

function render(matrix, query) {
  const { actors, cells } = matrix;
  const byPair = new Map(cells.map((cell) => [`${cell.a}|${cell.b}`, cell]));
  const size = LABEL + actors.length * CELL + 8;
  const chart = svg("svg", { viewBox: `0 0 ${size} ${size}`, class: "chart heatmap",
    role: "img", "aria-label": `Distrust index among ${actors.join(", ")}` });
  actors.forEach((code, i) => {
    const middle = LABEL + i * CELL + CELL / 2;
    chart.append(
      svg("text", { x: middle, y: LABEL - 10, class: "axis-label strong",
        "text-anchor": "middle" }, code),
      svg("text", { x: LABEL - 10, y: middle + 4, class: "axis-label strong",
        "text-anchor": "end" }, code));
  });
  actors.forEach((a, row) => actors.forEach((b, col) => {
    chart.append(cellMark(a, b, byPair.get(`${a}|${b}`), LABEL + col * CELL, LABEL + row * CELL,
      query));
  }));
  const measured = cells.filter((cell) => cell.distrust !== null && (matrix.directed
    || actors.indexOf(cell.a) < actors.indexOf(cell.b)));
  fill(ui.out,
    h("p", { class: "summary", id: "matrix-summary" },
      `${measured.length} of ${pairCount(actors.length, matrix.directed)} pairs have events`,
      query.start || query.end ? ` between ${query.start || "the first"} and ${
        query.end || "the last"} day` : ""),
    h("div", { class: "heatmap-wrap" }, chart, scale()),
    h("p", { class: "hint" }, "Cell: the distrust index (H − C) / (H + C + 1) of all events ",
      "between the two over the span; grey: no events. Click a cell for its timeline."));
}

function pairCount(n, directed) {
  return directed ? n * (n - 1) : (n * (n - 1)) / 2;
}

function cellMark(a, b, cell, x, y, query) {
  if (a === b) {
    return svg("rect", { x: x + 1, y: y + 1, width: CELL - 2, height: CELL - 2,
      class: "diagonal" });
  }
  const value = cell ? cell.distrust : null;
  const title = value === null
    ? `${a} – ${b}: no events`
    : `${a} ${query.directed ? "→" : "–"} ${b}: distrust ${num(value, 3)} over ${
      cell.events} events (hostile ${num(cell.hostile, 1)}, trust ${num(cell.trust, 1)})`;
  const link = svg("a", { href: hrefTo("dyad", { a, b, freq: "week", start: query.start,
    end: query.end, directed: query.directed }) },
  svg("title", {}, title),
  svg("rect", { x: x + 1, y: y + 1, width: CELL - 2, height: CELL - 2, rx: 3,
    class: value === null ? "empty" : "filled",
    fill: value === null ? null : divergingColor(value) }),
  svg("text", { x: x + CELL / 2, y: y + CELL / 2 + 4, "text-anchor": "middle",
    class: value !== null && Math.abs(value) > 0.55 ? "cell-label light" : "cell-label" },
  value === null ? "·" : num(value, 2)));
  return svg("g", { class: "cell", dataset: { a, b, distrust: value ?? "",
    events: cell ? cell.events : 0 } }, link);
}

function scale() {
  const stops = [-1, -0.5, 0, 0.5, 1];
  return h("div", { class: "scale", "aria-label": "colour scale" },
    svg("svg", { viewBox: "0 0 232 40", class: "chart scale-bar" },
      ...Array.from({ length: 41 }, (_, i) => svg("rect", { x: 10 + i * 5, y: 4, width: 5.5,
        height: 14, fill: divergingColor(-1 + i / 20) })),
      ...stops.map((v) => svg("text", { x: 12.5 + (v + 1) * 100, y: 32,
        "text-anchor": "middle", class: "axis-label" }, v.toFixed(1)))),
    h("span", { class: "hint" }, "−1 trust · +1 distrust"));
}
