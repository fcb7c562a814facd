// The dyad timeline: how two actors or blocs treated each other per period (GET /relations):
// the cooperation-conflict and distrust indices with their bands, and events per quad class.

import { actorCodes, getJson } from "./api.js";
import { indexChart, stackedBars } from "./chart.js";
import { errorLine, field, fill, h, num } from "./dom.js";
import { formParams, latest, navigate, setForm } from "./route.js";

const DEFAULTS = { a: "RUS", b: "WST", freq: "week" };
const QUADS = [
  ["verbal_cooperation", "verbal cooperation", "#7fb3d5"],
  ["material_cooperation", "material cooperation", "#2166ac"],
  ["verbal_conflict", "verbal conflict", "#f4a582"],
  ["material_conflict", "material conflict", "#b2182b"],
];
const ui = {};
const requests = latest();

export const dyadView = {
  name: "dyad",
  title: "Dyad timeline",
  create(section) {
    ui.form = h("form", { class: "filters", id: "dyad-form", onsubmit: (event) => {
      event.preventDefault();
      navigate("dyad", formParams(ui.form));
    } },
    field("Actor A", h("input", { name: "a", list: "dyad-codes", required: true, size: 6 })),
    field("Actor B", h("input", { name: "b", list: "dyad-codes", required: true, size: 6 }),
      "a state or a bloc: WST, NATO, EU"),
    field("Period", h("select", { name: "freq" },
      ["day", "week", "month", "year"].map((f) => h("option", { value: f }, f)))),
    field("From", h("input", { name: "start", type: "date" })),
    field("To", h("input", { name: "end", type: "date" })),
    h("label", { class: "field check" }, h("input", { name: "directed", type: "checkbox" }),
      h("span", {}, "Only what A does to B")),
    h("label", { class: "field check" }, h("input", { name: "unmerged", type: "checkbox" }),
      h("span", {}, "Count every report")),
    h("div", { class: "actions" }, h("button", { type: "submit" }, "Show")),
    h("datalist", { id: "dyad-codes" }));
    ui.out = h("div", { id: "dyad-out", "aria-live": "polite" });
    section.append(h("h1", {}, "Dyad timeline"), ui.form, ui.out);
    actorCodes().then(({ actors, blocs }) => fill(ui.form.querySelector("#dyad-codes"),
      blocs.map((code) => h("option", { value: code }, "bloc")),
      actors.map((a) => h("option", { value: a.code }, a.name)))).catch(() => {});
  },
  async show(params) {
    setForm(ui.form, params, DEFAULTS);
    const query = { ...formParams(ui.form) };
    const current = requests.begin();
    fill(ui.out, h("p", {}, "Loading…"));
    try {
      const points = await getJson("relations", query);
      if (current()) render(points, query);
    } catch (error) {
      if (current()) fill(ui.out, errorLine(error));
    }
  },
};

function column(points, name) {
  return points.map((p) => p[name]);
}

function render(points, query) {
  const a = query.a.toUpperCase();
  const b = query.b.toUpperCase();
  const arrow = query.directed ? "→" : "–";
  if (!points.length) {
    fill(ui.out, h("p", { class: "summary", id: "dyad-summary" },
      `No events between ${a} and ${b} in the store.`));
    return;
  }
  const periods = column(points, "period");
  const events = column(points, "events");
  const total = events.reduce((sum, n) => sum + n, 0);
  const band = (name, title) => (i) => {
    const p = points[i];
    return `${p.period}: ${title} ${num(p[name], 3)} (95% ${num(p[`${name}_low`], 2)} to ${
      num(p[`${name}_high`], 2)}), smoothed ${num(p[`${name}_smooth`], 3)}; ${p.events} events`;
  };
  const chart = (name, title, color) => indexChart({
    label: `${title} of ${a} ${arrow} ${b} by ${query.freq}`,
    periods, events, color, describe: band(name, title),
    value: column(points, name), low: column(points, `${name}_low`),
    high: column(points, `${name}_high`), smooth: column(points, `${name}_smooth`),
    smoothLow: column(points, `${name}_smooth_low`),
    smoothHigh: column(points, `${name}_smooth_high`) });
  fill(ui.out,
    h("p", { class: "summary", id: "dyad-summary" },
      `${a} ${arrow} ${b} by ${query.freq}: ${total} events over ${points.length} periods`),
    h("figure", { id: "dyad-cooperation" },
      h("figcaption", {}, "Cooperation–conflict index (+1 all cooperation, −1 all conflict): ",
        "dots per period with 95% interval, line smoothed"),
      chart("cooperation", "cooperation", "#2166ac")),
    h("figure", { id: "dyad-distrust" },
      h("figcaption", {}, "Distrust index (+1 all hostile acts, −1 all acts of trust)"),
      chart("distrust", "distrust", "#b2182b")),
    h("figure", { id: "dyad-events" },
      h("figcaption", {}, "Events per period by quad class ",
        QUADS.map(([, text]) => h("span", { class: "swatch-label" },
          h("span", { class: `swatch quad-${text.replace(" ", "-")}` }), text))),
      stackedBars({ label: "events per period", periods,
        layers: QUADS.map(([key, name, color]) => ({ name, color, values: column(points, key) })),
      })),
    dataTable(points));
}

function dataTable(points) {
  const head = ["Period", "Events", "Sources", "Cooperation", "Smoothed", "Distrust",
    "Smoothed", "Goldstein mean"];
  return h("details", { class: "data" },
    h("summary", {}, "The numbers"),
    h("table", { id: "dyad-table" },
      h("thead", {}, h("tr", {}, head.map((text) => h("th", { scope: "col" }, text)))),
      h("tbody", {}, points.map((p) => h("tr", { dataset: { period: p.period } },
        [p.period, p.events, p.sources, num(p.cooperation, 3), num(p.cooperation_smooth, 3),
          num(p.distrust, 3), num(p.distrust_smooth, 3), num(p.goldstein_mean, 2)]
          .map((cell) => h("td", {}, cell)))))));
}
