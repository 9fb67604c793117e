// Findings: the list with filters, one finding with its evidence, and analysts' decisions.
import { ApiError, Evidence, Finding, FindingList, Session, call } from "../api";
import { field, h, render, select, showErrors, table } from "../dom";
import { guidanceLinks } from "./guidance";

// The indicators of ../shared/INDICATORS.md, as people say them.
export const INDICATORS: Record<string, string> = {
  C1: "Officer churn", C2: "Phoenix pattern", C3: "Mass-registration address", C4: "Nominee pattern",
  C5: "Opaque ownership", C6: "Vulnerable sector", C7: "Name churn", C8: "Young company, large award",
  C9: "Dormant then trading", N1: "Network proximity", N2: "Co-location", B1: "Front business",
  B2: "Exploitation", L1: "Licensing", P1: "Related bidders", P2: "Young supplier, large award",
  P3: "High-risk category", P4: "Split purchases", P5: "Supplier near a subject", P7: "Shell bidder",
};

export function indicatorName(code: string): string {
  return `${code} ${INDICATORS[code] ?? ""}`.trim();
}

export function statusTag(f: Finding): HTMLElement {
  const text = f.status === "open" ? "Open" : f.status === "dismissed" ? "Dismissed" : "Confirmed";
  return h("strong", { class: "ds_tag" }, text, f.restricted ? " · restricted" : "");
}

export function source(e: Evidence): string {
  const where = e.file ? `${e.file.split("/").pop()} line ${e.line}` : `record ${e.record}`;
  return e.format ? `${e.format} ${e.key ?? ""} (${where})` : where;
}

export async function findingsPage(query: URLSearchParams): Promise<void> {
  const params = new URLSearchParams();
  for (const k of ["indicator", "status", "area", "sector", "min_score", "offset"]) {
    const v = query.get(k);
    if (v) params.set(k, v);
  }
  params.set("limit", "50");
  const list = await call<FindingList>("GET", `/findings?${params.toString()}`);
  const form = h("form", { class: "cairn-filters", novalidate: true },
    select("indicator", "Indicator", [["", "Any"], ...Object.keys(INDICATORS).map((c): [string, string] => [c, indicatorName(c)])],
      query.get("indicator") ?? ""),
    select("status", "Status", [["", "Any"], ["open", "Open"], ["dismissed", "Dismissed"], ["confirmed", "Confirmed"]],
      query.get("status") ?? ""),
    field("area", "Postcode area", { hint: "For example G or EH", value: query.get("area") ?? "" }),
    field("sector", "SIC code", { hint: "For example 45200", value: query.get("sector") ?? "" }),
    field("min_score", "Lowest score", { hint: "0 to 1", value: query.get("min_score") ?? "" }),
    h("button", { class: "ds_button", type: "submit" }, "Filter"));
  form.addEventListener("submit", (e) => {
    e.preventDefault();
    const next = new URLSearchParams();
    for (const k of ["indicator", "status", "area", "sector", "min_score"]) {
      const v = (form.querySelector(`#${k}`) as HTMLInputElement).value.trim();
      if (v) next.set(k, v);
    }
    location.hash = `/findings?${next.toString()}`;
  });
  const offset = list.offset;
  const more = (delta: number) => {
    const next = new URLSearchParams(query);
    next.set("offset", String(Math.max(0, offset + delta)));
    return `#/findings?${next.toString()}`;
  };
  render("Findings",
    h("p", {}, "Each finding is a prompt for review, never a verdict: check it against the records it names."),
    form,
    h("p", { id: "findings-count" }, `${list.total} finding${list.total === 1 ? "" : "s"}` +
      (list.total > list.findings.length ? `, showing ${offset + 1} to ${offset + list.findings.length}` : "")),
    table("Findings, highest score first", ["Score", "Indicator", "Entity", "What it found", "Status"],
      list.findings.map((f) => [
        f.score.toFixed(2),
        indicatorName(f.indicator),
        h("a", { href: `#/entity/${f.entity.id}` }, f.entity.name || f.entity.id),
        h("a", { href: `#/finding/${f.id}` }, f.summary),
        statusTag(f),
      ])),
    h("nav", { class: "ds_pagination", "aria-label": "Pages of findings" },
      offset > 0 ? h("a", { href: more(-50) }, "Previous") : null, " ",
      offset + list.findings.length < list.total ? h("a", { href: more(50) }, "Next") : null));
}

export async function findingPage(id: string, session: Session): Promise<void> {
  const f = await call<Finding>("GET", `/findings/${encodeURIComponent(id)}`);
  const facts: [string, HTMLElement | string][] = [
    ["Indicator", indicatorName(f.indicator)],
    ["Entity", h("a", { href: `#/entity/${f.entity.id}` }, f.entity.name || f.entity.id)],
    ["Score", f.score.toFixed(2)],
    ["Status", statusTag(f)],
    ["First found", f.first_detected_at],
  ];
  if (f.decision) {
    facts.push(["Decision", `${f.decision.reason} (${f.decision.decided_at})`]);
    if (f.decision.evidence_changed_since && f.status === "open") {
      facts.push(["Reopened", "The evidence changed after it was dismissed"]);
    }
  }
  const content: HTMLElement[] = [
    h("p", { class: "ds_lead" }, f.summary),
    h("dl", { class: "ds_summary-list" }, facts.map(([k, v]) =>
      h("div", { class: "ds_summary-list__item" }, h("dt", { class: "ds_summary-list__key" }, k), h("dd", { class: "ds_summary-list__value" }, v)))),
    h("section", { "aria-labelledby": "evidence-title" },
      h("h2", { id: "evidence-title" }, `Evidence (${f.evidence.length} records)`),
      table("Evidence records", ["What it shows", "Record"], f.evidence.map((e) => [e.note, source(e)]))),
  ];
  if (session.user.role !== "auditor") {
    content.push(h("p", {}, h("a", { class: "ds_button ds_button--secondary", href: `#/tasks?source=finding&id=${f.id}` },
      "Make a task of this finding")));
  }
  if (session.user.role === "analyst") content.push(decisionForm(f));
  const guidance = await guidanceLinks(f.indicator);
  if (guidance) content.splice(1, 0, guidance);
  render(`${indicatorName(f.indicator)}: ${f.entity.name || f.entity.id}`, ...content);
}

function decisionForm(f: Finding): HTMLElement {
  const status = h("div", { id: "decision-status", "aria-live": "polite" });
  const choices: [string, string][] = f.status === "open"
    ? [["dismiss", "Dismiss: not a concern"], ["confirm", "Confirm: worth acting on"]]
    : [["reopen", "Reopen"]];
  const form = h("form", { novalidate: true },
    h("fieldset", { class: "ds_question", id: "decision-question" },
      h("legend", {}, "Your decision"),
      choices.map(([v, text], i) => h("div", { class: "ds_radio" },
        h("input", { class: "ds_radio__input", type: "radio", name: "decision", id: `decision-${v}`, value: v, checked: i === 0 }),
        h("label", { class: "ds_radio__label", for: `decision-${v}` }, text)))),
    field("reason", "Reason", { hint: "Required. Say what you checked, so others can review the decision." }),
    h("button", { class: "ds_button", type: "submit" }, "Record decision"),
    status);
  form.addEventListener("submit", async (e) => {
    e.preventDefault();
    const decision = (form.querySelector("input[name=decision]:checked") as HTMLInputElement).value;
    const reason = (form.querySelector("#reason") as HTMLInputElement).value;
    try {
      const updated = await call<Finding>("POST", `/findings/${f.id}/decision`, { decision, reason });
      showErrors(form, []);
      status.replaceChildren(h("div", { class: "ds_inset-text" },
        h("p", { class: "ds_inset-text__text" }, `Recorded: this finding is now ${updated.status}.`)));
    } catch (err) {
      if (err instanceof ApiError) showErrors(form, [{ field: err.field, message: err.message }]);
      else throw err;
    }
  });
  return h("section", { "aria-labelledby": "decide-title" }, h("h2", { id: "decide-title" }, "Decide"), form);
}
