// The event browser: GET /events with filters, a page at a time; the selected event's
// evidence (GET /events/{id}) beside the list.

import { actorCodes, getJson } from "./api.js";
import { errorLine, field, fill, h } from "./dom.js";
import { countText, dateText, renderDetail } from "./event_detail.js";
import { formParams, hrefTo, latest, navigate, setForm } from "./route.js";

const PAGE = 25;
const FILTERS = ["actor", "target", "root", "plover", "modality", "start", "end", "merged",
  "min_sources", "doc_id"];
const PLOVER = ["AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT",
  "REQUEST", "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE",
  "ASSAULT"];
const MODALITIES = [["", "facts (asserted, announced)"], ["asserted", "asserted"],
  ["announced", "announced"], ["negated", "negated"], ["refused", "refused"],
  ["hypothetical", "hypothetical"], ["all", "all"]];

const ui = {};
const lists = latest();
const details = latest();
let listed = null; // the query of the page on screen, so selecting a row does not refetch it

function buildForm() {
  const roots = [h("option", { value: "" }, "any")];
  for (let root = 1; root <= 20; root++) {
    const code = String(root).padStart(2, "0");
    roots.push(h("option", { value: code }, code));
  }
  const minSources = h("input", { name: "min_sources", type: "number", min: 0, max: 1000,
    placeholder: "0" });
  const merged = h("input", { name: "merged", type: "checkbox",
    onchange: () => { minSources.disabled = !merged.checked; } });
  ui.minSources = minSources;
  ui.merged = merged;
  ui.form = h("form", { class: "filters", id: "event-filters", onsubmit: (event) => {
    event.preventDefault();
    navigate("events", formParams(ui.form));
  } },
  field("Actor", h("input", { name: "actor", list: "actor-codes", placeholder: "RUS",
    size: 6 }), "either side"),
  field("Target", h("input", { name: "target", list: "actor-codes", placeholder: "GBR",
    size: 6 })),
  field("CAMEO root", h("select", { name: "root" }, roots)),
  field("PLOVER type", h("input", { name: "plover", list: "plover-types",
    placeholder: "SANCTION", size: 10 })),
  field("Modality", h("select", { name: "modality" },
    MODALITIES.map(([value, text]) => h("option", { value }, text)))),
  field("From", h("input", { name: "start", type: "date" })),
  field("To", h("input", { name: "end", type: "date" })),
  h("label", { class: "field check" }, merged, h("span", {}, "Merge reports of one event")),
  field("Min. sources", minSources, "outlets, merged only"),
  h("input", { name: "doc_id", type: "hidden" }),
  h("div", { class: "actions" },
    h("button", { type: "submit" }, "Apply"),
    h("a", { class: "button secondary", href: "#/events" }, "Reset")),
  h("datalist", { id: "plover-types" }, PLOVER.map((type) => h("option", { value: type }))),
  h("datalist", { id: "actor-codes" }));
  return ui.form;
}

async function fillActorList() {
  try {
    const { actors, blocs } = await actorCodes();
    const list = ui.form.querySelector("#actor-codes");
    fill(list, actors.map((a) => h("option", { value: a.code }, a.name)),
      blocs.map((code) => h("option", { value: code }, "bloc")));
  } catch {
    // the list only suggests codes; the form works without it
  }
}

export const eventsView = {
  name: "events",
  title: "Events",
  create(section) {
    ui.summary = h("p", { class: "summary", id: "events-summary", "aria-live": "polite" });
    ui.table = h("div", { class: "table-wrap" });
    ui.pager = h("nav", { class: "pager", "aria-label": "Pages" });
    ui.detail = h("aside", { class: "detail", id: "event-detail", "aria-live": "polite" });
    ui.docNote = h("p", { class: "note" });
    section.append(
      h("h1", {}, "Events"),
      buildForm(),
      ui.docNote,
      h("div", { class: "browser" },
        h("div", { class: "list" }, ui.summary, ui.table, ui.pager,
          h("p", { class: "hint" }, "* no date in the text: the publication date.")),
        ui.detail));
    fillActorList();
  },
  show(params, { entering }) {
    if (entering) listed = null; // the store may have changed while another view was open
    setForm(ui.form, params);
    ui.minSources.disabled = !ui.merged.checked;
    const docId = params.get("doc_id");
    fill(ui.docNote, docId ? ["Events of document ", h("code", {}, docId), " · ",
      h("a", { href: hrefTo("events", without(params, "doc_id", "event", "offset")) },
        "all documents")] : null);
    const query = listQuery(params);
    const key = JSON.stringify(query);
    if (key !== listed) loadPage(params, query, key);
    else markSelected(params.get("event"));
    loadDetail(params);
  },
};

function without(params, ...names) {
  const copy = new URLSearchParams(params);
  for (const name of names) copy.delete(name);
  return copy;
}

function listQuery(params) {
  const query = { limit: PAGE, offset: Number(params.get("offset") || 0) };
  for (const name of FILTERS) query[name] = params.get(name) || "";
  if (query.merged !== "true") query.min_sources = "";
  return query;
}

async function loadPage(params, query, key) {
  const current = lists.begin();
  fill(ui.summary, "Loading…");
  try {
    const page = await getJson("events", query);
    if (!current()) return;
    listed = key;
    renderPage(page, params);
  } catch (error) {
    if (!current()) return;
    listed = null;
    fill(ui.summary, errorLine(error));
    fill(ui.table);
    fill(ui.pager);
  }
}

function renderPage(page, params) {
  const noun = page.merged ? "events" : "event reports";
  const first = page.total ? page.offset + 1 : 0;
  const last = page.offset + page.events.length;
  fill(ui.summary, page.total
    ? `Showing ${first}–${last} of ${page.total} ${noun}` : `No ${noun} match these filters`);
  const rows = page.events.map((row) => eventRow(row, page.merged, params));
  const head = page.merged
    ? ["Date", "Actors", "CAMEO", "PLOVER", "Modality", "Count", "Sources", "Reports"]
    : ["Date", "Actors", "CAMEO", "PLOVER", "Modality", "Count", "Outlet", "Sentence"];
  fill(ui.table, h("table", { class: "events", id: "events-table" },
    h("thead", {}, h("tr", {}, head.map((text) => h("th", { scope: "col" }, text)))),
    h("tbody", {}, rows)));
  const offset = page.offset;
  const pages = Math.max(1, Math.ceil(page.total / PAGE));
  const go = (to) => hrefTo("events", { ...Object.fromEntries(without(params, "event")),
    offset: to || "" });
  fill(ui.pager,
    offset > 0 ? h("a", { class: "button secondary", href: go(Math.max(0, offset - PAGE)),
      rel: "prev" }, "← Previous") : null,
    h("span", { class: "page-of" }, `Page ${Math.floor(offset / PAGE) + 1} of ${pages}`),
    page.next_cursor ? h("a", { class: "button secondary", href: go(offset + PAGE),
      rel: "next" }, "Next →") : null);
  markSelected(params.get("event"));
}

function eventRow(row, merged, params) {
  const href = hrefTo("events", { ...Object.fromEntries(params), event: row.id });
  const cells = [
    h("a", { href, title: "Show the evidence" }, dateText(row.date, row.date_fallback)),
    h("span", { class: "dyad" },
      h("abbr", { title: merged ? row.source : row.source_name }, row.source), " → ",
      row.target ? h("abbr", { title: merged ? row.target : row.target_name }, row.target) : "?"),
    row.cameo, row.plover || "–", row.modality, countText(row.count, row.count_qualifier)];
  if (merged) cells.push(String(row.sources), String(row.mentions));
  else {
    const sentence = row.evidence.length > 90 ? `${row.evidence.slice(0, 90)}…` : row.evidence;
    cells.push(row.outlet || "–", h("span", { class: "sentence" }, sentence));
  }
  return h("tr", { dataset: { id: row.id }, tabindex: 0,
    onclick: (event) => {
      if (event.target.closest("a")) return;
      location.hash = href;
    },
    onkeydown: (event) => {
      if (event.key === "Enter") location.hash = href;
    } },
  cells.map((cell) => h("td", {}, cell)));
}

function markSelected(id) {
  for (const row of ui.table.querySelectorAll("tbody tr")) {
    row.classList.toggle("selected", row.dataset.id === id);
  }
}

async function loadDetail(params) {
  const id = params.get("event");
  const current = details.begin();
  if (!id) {
    fill(ui.detail, h("p", { class: "hint" },
      "Choose an event to read the sentence it was coded from."));
    return;
  }
  fill(ui.detail, h("p", {}, "Loading evidence…"));
  try {
    const body = await getJson(`events/${encodeURIComponent(id)}`);
    if (current()) renderDetail(ui.detail, body, id, params);
  } catch (error) {
    if (current()) fill(ui.detail, errorLine(error));
  }
}
