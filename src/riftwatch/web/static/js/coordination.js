// The coordination view: actions many actors took against one target within a window
// (GET /coordination), with who joined and how many each, the total, who held back and how
// the target answered, on a timeline.

import { getJson } from "./api.js";
import { errorLine, field, fill, h, plural } from "./dom.js";
import { countText } from "./event_detail.js";
import { formParams, hrefTo, latest, navigate, setForm } from "./route.js";
import { actionTimeline } from "./timeline.js";

const DEFAULTS = { target: "RUS", window: "14d", min_participants: "3" };
const ui = {};
const requests = latest();

export const coordinationView = {
  name: "coordination",
  title: "Coordination",
  create(section) {
    ui.form = h("form", { class: "filters", id: "coordination-form", onsubmit: (event) => {
      event.preventDefault();
      navigate("coordination", formParams(ui.form));
    } },
    field("Target", h("input", { name: "target", size: 6, placeholder: "any" })),
    field("Window", h("input", { name: "window", size: 5 }), "first to last: 14d, 2w"),
    field("Min. participants", h("input", { name: "min_participants", type: "number", min: 2,
      max: 1000 })),
    h("label", { class: "field check" }, h("input", { name: "by_root", type: "checkbox" }),
      h("span", {}, "Same CAMEO root is the same action")),
    h("label", { class: "field check" }, h("input", { name: "same_reason", type: "checkbox" }),
      h("span", {}, "Same stated reason")),
    h("div", { class: "actions" }, h("button", { type: "submit" }, "Find")));
    ui.out = h("div", { id: "coordination-out", "aria-live": "polite" });
    section.append(h("h1", {}, "Coordinated actions"), ui.form, ui.out);
  },
  async show(params) {
    setForm(ui.form, params, DEFAULTS);
    const current = requests.begin();
    fill(ui.out, h("p", {}, "Loading…"));
    try {
      const actions = await getJson("coordination", formParams(ui.form));
      if (current()) render(actions);
    } catch (error) {
      if (current()) fill(ui.out, errorLine(error));
    }
  },
};

function render(actions) {
  fill(ui.out,
    h("p", { class: "summary", id: "coordination-summary" }, actions.length
      ? plural(actions.length, "coordinated action") : "No coordinated actions match."),
    actions.map((action, i) => card(action, i === 0)));
}

function stat(name, value, text) {
  return h("div", { class: "stat", dataset: { stat: name } },
    h("span", { class: "value" }, String(value)), h("span", { class: "name" }, text));
}

function eventLink(ids, text) {
  return ids.length ? h("a", { href: hrefTo("events", { event: ids[0], modality: "all" }) }, text)
    : text;
}

function card(action, open) {
  const [first, last] = action.window;
  return h("details", { class: "action", open, dataset: { action: action.id } },
    h("summary", {},
      h("strong", {}, `CAMEO ${action.action}`), ` against ${action.target_name} (${
        action.target}) · ${first} to ${last} · ${action.participant_count} joined`),
    h("div", { class: "stats" },
      stat("participants", action.participant_count, "joined"),
      stat("total", action.total, "counted in all"),
      stat("holdouts", action.holdouts.length, "held back"),
      stat("reactions", action.reactions.length, `${action.target} reactions`)),
    action.uncounted.length
      ? h("p", { class: "note" }, `No number reported for ${action.uncounted.join(", ")}.`)
      : null,
    h("figure", { class: "timeline" },
      h("figcaption", {}, "Who joined when (chip: code and count), who held back, and the ",
        "target's answers; the line above is the running total."),
      actionTimeline(action)),
    h("h3", {}, "Joined"),
    participantsTable(action),
    action.holdouts.length ? [h("h3", {}, "Held back"), holdoutsTable(action)] : null,
    action.reactions.length ? [h("h3", {}, `How ${action.target_name} answered`),
      h("ul", { class: "reactions" }, action.reactions.map((r) => h("li", {},
        eventLink(r.events, `${r.source} → ${r.target || "?"}`),
        ` · CAMEO ${r.cameo} · ${countText(r.count, r.count_detail?.qualifier)} · ${
          r.date || "undated"}`)))] : null,
    action.reasons.length ? [h("h3", {}, "Reasons given"),
      h("ul", {}, action.reasons.map((r) => h("li", {}, `“${r.text}”: `,
        r.participants.join(", "))))] : null,
    action.claims.length ? [h("h3", {}, "Claims by groups"),
      h("ul", { class: "claims" }, action.claims.map((c) => h("li", {},
        eventLink([c.event], `${c.name} (${c.source})`), ` · ${c.date || "undated"}: `,
        h("q", {}, c.evidence))))] : null);
}

function participantsTable(action) {
  const head = ["Actor", "Name", "Date", "Count", "Reports", "Reasons"];
  return h("table", { class: "participants" },
    h("thead", {}, h("tr", {}, head.map((text) => h("th", { scope: "col" }, text)))),
    h("tbody", {}, action.participants.map((p) => {
      const detail = p.count_detail;
      const disputed = p.disputed_by.length ? ` (disputed by ${p.disputed_by.join(", ")})` : "";
      const agreed = detail && !detail.agreed ? " (reports differ)" : "";
      return h("tr", { dataset: { code: p.code } },
        h("td", {}, eventLink(p.events, p.code)),
        h("td", {}, p.name),
        h("td", {}, p.date || "undated"),
        h("td", { class: "num" }, `${countText(p.count, detail?.qualifier)}${agreed}${disputed}`),
        h("td", { class: "num" }, String(p.docs.length)),
        h("td", {}, p.reasons.join("; ")));
    })));
}

function holdoutsTable(action) {
  const head = ["Actor", "Name", "How", "Date"];
  return h("table", { class: "holdouts" },
    h("thead", {}, h("tr", {}, head.map((text) => h("th", { scope: "col" }, text)))),
    h("tbody", {}, action.holdouts.map((p) => h("tr", { dataset: { code: p.code } },
      h("td", {}, eventLink(p.events, p.code)), h("td", {}, p.name),
      h("td", {}, p.modality), h("td", {}, p.date || "undated")))));
}
