// Upload articles (POST /documents with the server's token), one file after another: each
// file has its own progress bar and outcome, and a bar counts the files done.

import { uploadFile, uploadKind } from "./api.js";
import { field, fill, h, plural } from "./dom.js";
import { hrefTo } from "./route.js";

const ui = {};
let busy = false;

export const uploadView = {
  name: "upload",
  title: "Upload",
  create(section) {
    ui.token = h("input", { name: "token", type: "password", autocomplete: "off", required: true,
      size: 28 });
    ui.files = h("input", { name: "files", type: "file", multiple: true, required: true,
      accept: ".txt,.text,.html,.htm,.jsonl,.ndjson,.json" });
    ui.date = h("input", { name: "date", type: "date" });
    ui.button = h("button", { type: "submit" }, "Upload");
    ui.note = h("p", { class: "note", id: "upload-note" });
    ui.form = h("form", { class: "filters", id: "upload-form", onsubmit: (event) => {
      event.preventDefault();
      if (!busy) uploadAll([...ui.files.files]);
    } },
    field("Token", ui.token, "the server's RIFTWATCH_TOKEN"),
    field("Files", ui.files, "articles as .txt or .html; records as .jsonl or .json"),
    field("Date", ui.date, "for documents that give none"),
    h("div", { class: "actions" }, ui.button));
    ui.overall = h("progress", { id: "upload-overall", max: 1, value: 0 });
    ui.overallText = h("span", { id: "upload-overall-text" });
    ui.overallBox = h("div", { class: "overall", hidden: true }, ui.overall, " ", ui.overallText);
    ui.list = h("ol", { class: "uploads", id: "upload-list" });
    section.append(h("h1", {}, "Upload articles"), ui.note, ui.form, ui.overallBox, ui.list);
  },
  show(params, { health }) {
    const closed = health && !health.writes;
    fill(ui.note, closed
      ? "This server accepts no uploads: start it with RIFTWATCH_TOKEN set to enable them."
      : "Each document is coded and stored as it arrives; its events appear in the browser.");
    for (const el of ui.form.elements) el.disabled = Boolean(closed);
    ui.button.disabled = Boolean(closed) || busy;
  },
};

function fileRow(file) {
  const bar = h("progress", { max: 1, value: 0 });
  const status = h("span", { class: "status" }, "waiting");
  const outcome = h("div", { class: "outcome" });
  const row = h("li", { class: "upload", dataset: { file: file.name, state: "waiting" } },
    h("span", { class: "file-name" }, file.name),
    h("span", { class: "size" }, ` ${Math.max(1, Math.round(file.size / 1024))} KB `),
    bar, " ", status, outcome);
  return { row, bar, status, outcome };
}

async function uploadAll(files) {
  busy = true;
  ui.button.disabled = true;
  const rows = files.map(fileRow);
  fill(ui.list, rows.map((r) => r.row));
  ui.overall.max = files.length;
  ui.overallBox.hidden = false;
  let done = 0;
  const tally = () => {
    ui.overall.value = done;
    fill(ui.overallText, `${done} of ${files.length} files done`);
  };
  tally();
  for (const [i, file] of files.entries()) {
    await uploadOne(file, rows[i], ui.token.value.trim(), ui.date.value);
    done += 1;
    tally();
  }
  busy = false;
  ui.button.disabled = false;
  window.dispatchEvent(new Event("riftwatch:stored"));
}

async function uploadOne(file, row, token, date) {
  const set = (state, text) => {
    row.row.dataset.state = state;
    fill(row.status, text);
  };
  if (!uploadKind(file.name)) {
    set("failed", "failed: not a .txt, .html, .jsonl or .json file");
    return;
  }
  set("uploading", "uploading 0%");
  try {
    const body = await uploadFile(file, { token, date, onProgress: (fraction) => {
      row.bar.value = fraction;
      set("uploading", fraction < 1 ? `uploading ${Math.round(fraction * 100)}%` : "coding…");
    } });
    row.bar.value = 1;
    set(body.failed && !body.stored && !body.unchanged ? "failed" : "done", summary(body));
    fill(row.outcome, outcomes(body));
  } catch (error) {
    set("failed", `failed: ${error.message}`);
  }
}

function summary(body) {
  const parts = [`${body.stored} stored`];
  if (body.unchanged) parts.push(`${body.unchanged} unchanged`);
  if (body.failed) parts.push(`${body.failed} failed`);
  return `${parts.join(", ")}: ${plural(body.events, "event")}`;
}

function outcomes(body) {
  return h("ul", {}, body.documents.map((d) => h("li", { class: `doc ${d.status}` },
    d.id ? h("a", { href: hrefTo("events", { doc_id: d.id, modality: "all" }) },
      d.title || d.id) : d.origin,
    ` · ${d.status}`,
    d.status === "failed" ? `: ${d.reason}` : ` · ${plural(d.events.length, "event")}`)));
}
