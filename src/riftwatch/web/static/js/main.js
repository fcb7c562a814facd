// The dashboard shell: the store's status in the header, and one view per hash route.

import { getJson } from "./api.js";
import { coordinationView } from "./coordination.js";
import { fill, h } from "./dom.js";
import { dyadView } from "./dyad.js";
import { eventsView } from "./events.js";
import { matrixView } from "./matrix.js";
import { currentRoute } from "./route.js";
import { uploadView } from "./upload.js";

const VIEWS = [eventsView, dyadView, coordinationView, matrixView, uploadView];
const sections = new Map(); // view name -> its section, built on first visit and kept
let health = null;
let shown = null; // the view on screen

async function loadHealth() {
  const status = document.getElementById("store-status");
  try {
    health = await getJson("health");
    fill(status,
      h("span", { dataset: { count: "documents" } }, `${health.documents} documents`), " · ",
      h("span", { dataset: { count: "events" } }, `${health.events} event reports`), " · ",
      h("span", { dataset: { count: "merged" } }, `${health.merged_events} events`),
      health.writes ? "" : " · read-only");
  } catch (error) {
    fill(status, h("span", { class: "error" }, error.message));
  }
  return health;
}

function show() {
  const { name, params } = currentRoute();
  const view = VIEWS.find((v) => v.name === name) || VIEWS[0];
  const main = document.getElementById("view");
  for (const link of document.querySelectorAll("nav [data-view]")) {
    if (link.dataset.view === view.name) link.setAttribute("aria-current", "page");
    else link.removeAttribute("aria-current");
  }
  if (!sections.has(view.name)) {
    const section = h("section", { id: `view-${view.name}`, class: "view" });
    sections.set(view.name, section);
    view.create(section);
  }
  const section = sections.get(view.name);
  fill(main, section);
  document.title = `${view.title} · riftwatch`;
  view.show(params, { health, entering: shown !== view.name });
  shown = view.name;
}

window.addEventListener("hashchange", show);
// Uploads change what the store holds: recount it.
window.addEventListener("riftwatch:stored", loadHealth);
loadHealth().then(show);
