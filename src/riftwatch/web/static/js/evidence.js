// One report's evidence: its sentence with the actors, the trigger and the count marked.
// Offsets from the API are into the document text; the sentence starts at report.start.

import { h } from "./dom.js";

// Where marks overlap, the stronger one colours the character.
const STRENGTH = { trigger: 5, count: 4, source: 3, target: 2, actor: 1 };
const SMALL = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine",
  "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen",
  "eighteen", "nineteen"];
const TENS = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty",
  "ninety"];

/** The ways a count can be written: "23", "1,000", "twenty-three", "a dozen". */
export function countSpellings(value) {
  if (value === null || value === undefined || !Number.isFinite(value)) return [];
  const spellings = [String(value), value.toLocaleString("en-US")];
  if (Number.isInteger(value) && value >= 0 && value < 100) {
    if (value < 20) spellings.push(SMALL[value]);
    else {
      const tens = TENS[Math.floor(value / 10)];
      const unit = value % 10;
      if (unit) spellings.push(`${tens}-${SMALL[unit]}`, `${tens} ${SMALL[unit]}`);
      else spellings.push(tens);
    }
  }
  if (value === 12) spellings.push("dozen");
  if (value === 100) spellings.push("hundred");
  return [...new Set(spellings)];
}

function escapeRegExp(text) {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/**
 * Where the count is written in the sentence: the spelling nearest the trigger, as
 * [start, end] relative to the sentence, or null. The store keeps the count's value, not its
 * offsets, so the page looks for it.
 */
export function findCount(sentence, value, trigger) {
  let best = null;
  for (const spelling of countSpellings(value)) {
    const pattern = new RegExp(`(?<![\\w.,])${escapeRegExp(spelling)}(?![\\w]|[.,]\\d)`, "gi");
    for (const match of sentence.matchAll(pattern)) {
      const start = match.index;
      const distance = Math.abs(start - trigger);
      if (!best || distance < best.distance) {
        best = { start, end: start + match[0].length, distance };
      }
    }
  }
  return best && [best.start, best.end];
}

/** The marks of a report's sentence: {start, end, kind, label}, relative to the sentence. */
export function marksOf(report, actors) {
  const base = report.start;
  const marks = [];
  for (const actor of actors) {
    if (actor.doc_id !== report.doc_id || actor.sentence !== report.sentence) continue;
    const kind = actor.code === report.source ? "source"
      : actor.code === report.target ? "target" : "actor";
    marks.push({ start: actor.start - base, end: actor.end - base, kind,
      label: `${kind}: ${actor.code} · ${actor.name} (${actor.kind})` });
  }
  const trigger = report.trigger_start - base;
  marks.push({ start: trigger, end: report.trigger_end - base, kind: "trigger",
    label: `trigger: CAMEO ${report.cameo} (${report.rule})` });
  const count = findCount(report.evidence, report.count, trigger);
  if (count) {
    const unit = report.count_unit ? ` ${report.count_unit}` : "";
    marks.push({ start: count[0], end: count[1], kind: "count",
      label: `count: ${report.count}${unit} (${report.count_qualifier})` });
  }
  return marks;
}

/** Cut `text` into runs, each with the strongest mark over it (or none). */
export function segments(text, marks) {
  const owner = new Array(text.length).fill(null);
  for (const mark of marks) {
    for (let i = Math.max(0, mark.start); i < Math.min(text.length, mark.end); i++) {
      if (!owner[i] || STRENGTH[mark.kind] > STRENGTH[owner[i].kind]) owner[i] = mark;
    }
  }
  const runs = [];
  for (let i = 0; i < text.length; i++) {
    const last = runs[runs.length - 1];
    if (last && last.mark === owner[i]) last.text += text[i];
    else runs.push({ text: text[i], mark: owner[i] });
  }
  return runs;
}

/** The sentence as a <blockquote> of text nodes and <mark>s. */
export function evidenceBlock(report, actors) {
  const runs = segments(report.evidence, marksOf(report, actors));
  return h("blockquote", { class: "evidence", dataset: { report: report.id } },
    runs.map((run) => run.mark
      ? h("mark", { class: `hl hl-${run.mark.kind}`, title: run.mark.label,
        dataset: { kind: run.mark.kind } }, run.text)
      : run.text));
}

/** What the colours mean. */
export function legend() {
  const items = [["source", "source actor"], ["target", "target actor"], ["actor", "other actor"],
    ["trigger", "trigger"], ["count", "count"]];
  return h("p", { class: "legend" }, items.map(([kind, text]) =>
    h("mark", { class: `hl hl-${kind}` }, text)));
}
