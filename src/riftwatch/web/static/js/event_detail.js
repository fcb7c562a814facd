// One event with its evidence: the sentence it was read in, marked, and every other report
// of the same real-world event, each a link to its own sentence.

import { fill, h, safeHref } from "./dom.js";
import { evidenceBlock, legend } from "./evidence.js";
import { hrefTo } from "./route.js";

/** A date as stored (to day, month or year), flagged when it is the publication date. */
export function dateText(date, fallback) {
  if (!date) return "undated";
  return fallback ? `${date}*` : date;
}

/** A count with its qualifier: "23", "more than 130", "–". */
export function countText(count, qualifier) {
  if (count === null || count === undefined) return "–";
  const words = qualifier && qualifier !== "exact" ? `${qualifier.replaceAll("_", " ")} ` : "";
  return `${words}${count}`;
}

function reportLabel(report) {
  return `${report.outlet || report.doc_id} · ${report.published || "no date"}`;
}

function facts(rows) {
  return h("dl", { class: "facts" },
    rows.filter(([, value]) => value !== null && value !== undefined && value !== "")
      .map(([term, value]) => [h("dt", {}, term), h("dd", {}, value)]));
}

function mergedCount(count) {
  if (!count) return null;
  const unit = count.unit ? ` ${count.unit}` : "";
  const range = count.low !== count.high ? ` (reports say ${count.low} to ${count.high})` : "";
  return `${countText(count.value, count.qualifier)}${unit}${range}`;
}

/** Fill `container` with GET /events/{id}'s body; `params` keeps the list's filters in links. */
export function renderDetail(container, body, id, params) {
  const { merged, reports, actors } = body;
  const report = body.event || reports[0];
  if (!report) {
    fill(container, h("p", {}, "No report of this event is stored."));
    return;
  }
  const linkParams = Object.fromEntries(params);
  const href = safeHref(report.url);
  const others = reports.filter((r) => r.id !== report.id);
  fill(container,
    h("h2", { class: "dyad-title" },
      h("abbr", { title: report.source_name }, report.source), " → ",
      report.target ? h("abbr", { title: report.target_name }, report.target) : "(no target)"),
    h("p", { class: "subtitle" },
      `CAMEO ${report.cameo} · ${report.plover} (${report.plover_mode}) · ${report.modality}`),
    facts([
      ["Date", report.date ? `${report.date} (${report.date_precision}${
        report.date_fallback ? ", the publication date" : ""})` : "undated"],
      ["Count", report.count !== null
        ? `${countText(report.count, report.count_qualifier)} ${report.count_unit || ""}`.trim()
        : null],
      ["Merged count", merged ? mergedCount(merged.count) : null],
      ["Reported by", merged
        ? `${merged.documents} documents from ${merged.sources} outlets` : "this report only"],
      ["Confidence", report.confidence.toFixed(2)],
      ["Rule", h("code", {}, report.rule)],
    ]),
    h("h3", {}, "Evidence"),
    h("p", { class: "caption" }, reportLabel(report), " · ",
      h("a", { href: hrefTo("events", { doc_id: report.doc_id, modality: "all" }) },
        `document ${report.doc_id}`),
      href ? [" · ", h("a", { href, rel: "noopener noreferrer", target: "_blank" },
        "original article")] : null),
    evidenceBlock(report, actors),
    legend(),
    h("h3", {}, `Other reports of this event (${others.length})`),
    others.length
      ? h("ol", { class: "reports", id: "other-reports" }, others.map((other) =>
        h("li", {},
          h("a", { href: hrefTo("events", { ...linkParams, event: other.id }),
            dataset: { report: other.id } }, reportLabel(other)),
          ` · “${other.trigger}”`,
          other.count === null ? "" : `, count ${countText(other.count, other.count_qualifier)}`,
          h("p", { class: "snippet" }, other.evidence))))
      : h("p", { class: "hint" }, merged
        ? "No other outlet reported it."
        : "Not merged with other reports (a claim by an unnamed group, or not merged yet)."),
    id !== report.id ? h("p", { class: "hint" }, `${id} is the merged event's id.`) : null);
}
