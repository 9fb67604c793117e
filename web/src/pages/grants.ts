// The SOC small grant scheme: the scheme dashboard (ledger, awards by strand as a chart and a
// table, the applications the user may see, the 360Giving downloads), setting up a scheme, and
// one application's page — the form while it is a draft, then what each party does next:
// endorse, decide, pay, report, evaluate. Amounts are typed in pounds and sent in pence.
import { BarController, BarElement, CategoryScale, Chart, Legend, LinearScale, Tooltip } from "chart.js";

import { ApiError, Session, call } from "../api";
import { FieldError, field, h, render, select, showErrors, table } from "../dom";

Chart.register(BarController, BarElement, CategoryScale, LinearScale, Tooltip, Legend);

interface Ledger {
  budget_pence: number; committed_pence: number; paid_pence: number; remaining_pence: number;
  outstanding_pence: number; requested_pence: number; reconciles: boolean;
}
interface Scheme {
  id: number; code: string; title: string; description: string; funder: string; budget_pence: number;
  max_grant_pence: number; opens_on: string; closes_on: string; open: boolean; strands: string[]; objectives: string[];
  ledger: Ledger; awarded_by_strand: Record<string, number>; applications_by_status: Record<string, number>;
}
interface Line { description: string; amount_pence: number }
interface Application {
  id: number; reference: string; scheme_id: number; scheme: string; scheme_title: string; organisation: string;
  applicant: string; status: string; version: number; title: string; summary: string; amount_pence: number;
  strand: string; objectives: string[]; outcomes: string; lines: Line[]; lines_total_pence: number;
  starts_on: string; ends_on: string; match_funding_pence: number; match_funding_source: string;
  submitted_at: string; endorsement: { by: string; at: string; reason: string } | null;
  decision: { by: string; at: string; reason: string } | null; awarded_pence: number; paid_pence: number;
  payments: { amount_pence: number; paid_on: string; reference: string; recorded_by: string }[];
  final_report: string; final_report_at: string;
  evaluations: { note: string; author: string; created_at: string }[];
  versions: { version: number; submitted_at: string; submitted_by: string; content: { amount_pence: number; title: string } }[];
  can: Record<"edit" | "submit" | "revise" | "endorse" | "decide" | "pay" | "report" | "evaluate", boolean>;
}
interface Objective { code: string; title: string; strand: string }

const STRANDS: [string, string][] = [["divert", "Divert"], ["deter", "Deter"], ["detect", "Detect"], ["disrupt", "Disrupt"]];
const strandName = (s: string) => STRANDS.find(([c]) => c === s)?.[1] ?? s;
const STATUS: Record<string, [string, string]> = {
  draft: ["Draft", "grey"], submitted: ["With the strand lead", "blue"], endorsed: ["Endorsed: awaiting decision", "blue"],
  declined: ["Declined by the strand lead", "orange"], approved: ["Awarded", "green"], rejected: ["Rejected", "red"],
  completed: ["Completed", "green"],
};
const statusTag = (s: string) => h("strong", { class: `ds_tag ds_tag--${STATUS[s]?.[1] ?? "grey"}` }, STATUS[s]?.[0] ?? s);

// £1,234.56 from pence, without floating point.
export function pounds(pence: number): string {
  const sign = pence < 0 ? "-" : "";
  const p = Math.abs(pence);
  const whole = Math.floor(p / 100).toString().replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  return `${sign}£${whole}.${String(p % 100).padStart(2, "0")}`;
}

// Pence from what a person types ("10,000", "£9,500.5"); null if it is not an amount.
export function pence(text: string): number | null {
  const t = text.replace(/[£,\s]/g, "");
  const m = t.match(/^(-?)(\d+)(?:\.(\d{1,2}))?$/);
  if (!m) return null;
  const value = Number(m[2]) * 100 + Number((m[3] ?? "").padEnd(2, "0"));
  return m[1] ? -value : value;
}
const asPounds = (p: number) => (p ? (p / 100).toFixed(2) : "");

function summaryList(rows: [string, string | HTMLElement][]): HTMLElement {
  return h("dl", { class: "ds_summary-list" }, rows.map(([k, v]) =>
    h("div", { class: "ds_summary-list__item" }, h("dt", { class: "ds_summary-list__key" }, k), h("dd", { class: "ds_summary-list__value" }, v))));
}

function textarea(name: string, label: string, value = "", hint?: string): HTMLElement {
  return h("div", { class: "ds_question", id: `${name}-question` },
    h("label", { class: "ds_label", for: name }, label),
    hint ? h("p", { class: "ds_hint-text" }, hint) : null,
    h("textarea", { class: "ds_input", id: name, name, rows: 4 }, value));
}

function radios(name: string, legend: string, options: [string, string][]): HTMLElement {
  return h("fieldset", { class: "ds_question", id: `${name}-question` }, h("legend", {}, legend),
    h("div", { class: "ds_field-group", id: name }, options.map(([v, text], i) => h("div", { class: "ds_radio" },
      h("input", { class: "ds_radio__input", type: "radio", name, id: `${name}-${v}`, value: v, checked: i === 0 }),
      h("label", { class: "ds_radio__label", for: `${name}-${v}` }, text)))));
}

function errorsOf(err: unknown): FieldError[] {
  if (!(err instanceof ApiError)) throw err;
  if (err.failures?.length) return err.failures.map((f) => ({ field: f.field, message: f.message }));
  return [{ field: err.field, message: err.message }];
}

// Submits `form` with `send`; on success reloads the application page, otherwise shows the errors.
function action(form: HTMLFormElement, send: () => Promise<unknown> | FieldError[], after: () => Promise<void>): HTMLFormElement {
  form.addEventListener("submit", async (e) => {
    e.preventDefault();
    try {
      const r = send();
      if (Array.isArray(r)) { showErrors(form, r); return; }
      await r;
      await after();
    } catch (err) {
      showErrors(form, errorsOf(err));
    }
  });
  return form;
}

const val = (f: HTMLElement, id: string) => (f.querySelector(`#${CSS.escape(id)}`) as HTMLInputElement).value.trim();
const checked = (f: HTMLElement, name: string) => (f.querySelector(`input[name="${name}"]:checked`) as HTMLInputElement).value;

function awardsChart(s: Scheme): HTMLElement {
  const canvas = h("canvas", { id: `chart-awards-${s.id}`, role: "img", "aria-label": "Awards by strand, in pounds. The figures are also in the table below." });
  requestAnimationFrame(() => {
    new Chart(canvas, {
      type: "bar",
      data: { labels: STRANDS.map(([, n]) => n), datasets: [{ label: "Awarded (£)", backgroundColor: "#0065bd",
        data: STRANDS.map(([c]) => (s.awarded_by_strand[c] ?? 0) / 100) }] },
      options: { animation: false, responsive: true, maintainAspectRatio: false, scales: { y: { beginAtZero: true } } },
    });
  });
  return h("div", { class: "cairn-chart" }, canvas);
}

function ledger(s: Scheme): HTMLElement {
  const g = s.ledger;
  return h("section", { "aria-labelledby": `ledger-${s.id}` },
    h("h3", { id: `ledger-${s.id}` }, "Ledger"),
    summaryList([["Budget", pounds(g.budget_pence)], ["Committed (awards)", pounds(g.committed_pence)],
      ["Paid", pounds(g.paid_pence)], ["Awarded, not yet paid", pounds(g.outstanding_pence)],
      ["Remaining to award", pounds(g.remaining_pence)], ["Requested, awaiting decision", pounds(g.requested_pence)],
      ["Reconciles", g.reconciles ? "Yes: budget = remaining + awarded not yet paid + paid"
        : h("strong", { class: "ds_tag ds_tag--red" }, "No — tell the administrator")]]));
}

export async function grantsPage(session: Session): Promise<void> {
  const [{ schemes }, { applications }] = await Promise.all([
    call<{ schemes: Scheme[] }>("GET", "/grants/schemes"),
    call<{ applications: Application[] }>("GET", "/grants/applications"),
  ]);
  const role = session.user.role;
  const mayApply = role !== "auditor" && session.organisation?.taskforce_member;
  render("Grants",
    h("p", {}, "The SOC small grant scheme funds small projects by Taskforce members that advance the strategy. Each application needs the endorsement of the lead of its strand; the secretariat decides."),
    schemes.length === 0 ? h("p", {}, "No grant scheme has been set up.") : null,
    schemes.map((s) => h("section", { class: "ds_!_margin-bottom--6", "aria-labelledby": `scheme-${s.id}` },
      h("h2", { id: `scheme-${s.id}` }, s.title),
      h("p", {}, `${s.description} Funded by ${s.funder}. Grants of up to ${pounds(s.max_grant_pence)}; applications from ${s.opens_on} to ${s.closes_on}`,
        s.open ? " (open now)." : " (closed)."),
      ledger(s),
      h("h3", {}, "Awards by strand"),
      awardsChart(s),
      table("Awards by strand", ["Strand", "Awarded"], STRANDS.map(([c, n]) => [n, pounds(s.awarded_by_strand[c] ?? 0)])),
      mayApply && s.open ? startForm(s) : null)),
    h("h2", {}, "Applications"),
    applications.length === 0 ? h("p", {}, "No applications you can see yet.") :
      table("Applications", ["Reference", "Title", "Organisation", "Strand", "Asked for", "Awarded", "Status"], applications.map((a) => [
        h("a", { href: `#/grant/${a.id}` }, a.reference), a.title || "(untitled)", a.organisation, strandName(a.strand),
        pounds(a.amount_pence), a.awarded_pence ? pounds(a.awarded_pence) : "—", statusTag(a.status)])),
    h("h2", {}, "Open data"),
    h("p", {}, "Awarded grants in the 360Giving standard: ",
      h("a", { href: "/api/v1/grants/360giving?format=csv", download: "" }, "CSV"), ", ",
      h("a", { href: "/api/v1/grants/360giving?format=xlsx", download: "" }, "spreadsheet (XLSX)"), " or ",
      h("a", { href: "/api/v1/grants/360giving?format=json", download: "" }, "JSON"), "."),
    role === "admin" || role === "secretariat" ? schemeForm() : null);
}

function startForm(s: Scheme): HTMLFormElement {
  // One of these per open scheme, so its field's id names the scheme.
  const id = `title-${s.id}`;
  const form = h("form", { novalidate: true, id: `start-${s.id}` }, h("h3", {}, "Apply"),
    field(id, "Project title", { hint: "You can fill in the rest and save it as a draft before you submit." }),
    h("button", { class: "ds_button", type: "submit" }, "Start an application"));
  form.addEventListener("submit", async (e) => {
    e.preventDefault();
    try {
      const a = await call<Application>("POST", `/grants/schemes/${s.id}/applications`, { title: val(form, id) });
      location.hash = `/grant/${a.id}`;
    } catch (err) {
      showErrors(form, errorsOf(err).map((x) => ({ ...x, field: x.field === "title" ? id : x.field })));
    }
  });
  return form;
}

function schemeForm(): HTMLFormElement {
  const form = h("form", { novalidate: true, id: "scheme-form" }, h("h2", {}, "Set up a scheme"),
    field("code", "Code", { hint: "Short and unique, e.g. soc-small-grants-2027-28" }), field("title", "Title"),
    textarea("description", "Description"),
    field("budget_pence", "Budget (£)", { value: "150,000" }), field("max_grant_pence", "Largest grant (£)", { value: "10,000" }),
    field("opens_on", "Opens on", { type: "date" }), field("closes_on", "Closes on", { type: "date" }),
    h("fieldset", { class: "ds_question", id: "strands-question" }, h("legend", {}, "Strands it serves"),
      h("div", { id: "strands" }, STRANDS.map(([c, n]) => h("div", { class: "ds_checkbox" },
        h("input", { class: "ds_checkbox__input", type: "checkbox", id: `strand-${c}`, value: c, checked: true }),
        h("label", { class: "ds_checkbox__label", for: `strand-${c}` }, n))))),
    h("button", { class: "ds_button ds_button--secondary", type: "submit" }, "Set up scheme"));
  return action(form, () => {
    const budget = pence(val(form, "budget_pence")), max = pence(val(form, "max_grant_pence"));
    const errors: FieldError[] = [];
    if (budget === null) errors.push({ field: "budget_pence", message: "Enter the budget in pounds, like 150,000" });
    if (max === null) errors.push({ field: "max_grant_pence", message: "Enter the largest grant in pounds, like 10,000" });
    if (errors.length) return errors;
    const strands = STRANDS.map(([c]) => c).filter((c) => (form.querySelector(`#strand-${c}`) as HTMLInputElement).checked);
    return call("POST", "/grants/schemes", { code: val(form, "code"), title: val(form, "title"), description: val(form, "description"),
      budget_pence: budget, max_grant_pence: max, opens_on: val(form, "opens_on"), closes_on: val(form, "closes_on"), strands });
  }, async () => grantsPage((await call<Session>("GET", "/session/me"))));
}

export async function grantPage(id: string): Promise<void> {
  const [a, { objectives }] = await Promise.all([
    call<Application>("GET", `/grants/applications/${id}`),
    call<{ objectives: Objective[] }>("GET", "/objectives"),
  ]);
  const reload = () => grantPage(id);
  const post = (path: string, body: unknown) => call("POST", `/grants/applications/${a.id}${path}`, body);
  const forms: HTMLElement[] = [];
  if (a.can.revise)
    forms.push(action(h("form", { novalidate: true, id: "revise-form" }, h("h2", {}, "Revise"),
      h("p", {}, "Take the application back to draft, change it and submit it again as a new version."),
      h("button", { class: "ds_button", type: "submit" }, "Revise the application")), () => post("/revise", {}), reload));
  if (a.can.endorse) {
    const f = h("form", { novalidate: true, id: "endorse-form" }, h("h2", {}, "Endorsement"),
      radios("decision", `As lead of the ${strandName(a.strand)} strand`, [["endorse", "Endorse"], ["decline", "Decline"]]),
      textarea("reason", "Reason", "", "Needed when you decline."),
      h("button", { class: "ds_button", type: "submit" }, "Record endorsement"));
    forms.push(action(f, () => post("/endorsement", { decision: checked(f, "decision"), reason: val(f, "reason") }), reload));
  }
  if (a.can.decide) {
    const f = h("form", { novalidate: true, id: "decide-form" }, h("h2", {}, "Decision"),
      radios("decision", "Decision", [["approve", "Approve"], ["reject", "Reject"]]),
      field("amount_pence", "Award (£)", { value: asPounds(a.amount_pence), hint: `Up to the ${pounds(a.amount_pence)} asked for.` }),
      textarea("reason", "Reasons", "", "Needed when you reject."),
      h("button", { class: "ds_button", type: "submit" }, "Record decision"));
    forms.push(action(f, () => {
      const decision = checked(f, "decision");
      if (decision === "reject") return post("/decision", { decision, reason: val(f, "reason") });
      const amount = pence(val(f, "amount_pence"));
      if (amount === null) return [{ field: "amount_pence", message: "Enter the award in pounds, like 9,500" }];
      return post("/decision", { decision, amount_pence: amount, reason: val(f, "reason") });
    }, reload));
  }
  if (a.can.pay) {
    const f = h("form", { novalidate: true, id: "pay-form" }, h("h2", {}, "Record a payment"),
      field("amount_pence", "Amount (£)", { value: asPounds(a.awarded_pence - a.paid_pence), hint: `${pounds(a.awarded_pence - a.paid_pence)} of the award is unpaid.` }),
      field("paid_on", "Paid on", { type: "date", value: new Date().toISOString().slice(0, 10) }),
      field("reference", "Payment reference"),
      h("button", { class: "ds_button", type: "submit" }, "Record payment"));
    forms.push(action(f, () => {
      const amount = pence(val(f, "amount_pence"));
      if (amount === null) return [{ field: "amount_pence", message: "Enter the payment in pounds, like 2,500" }];
      return post("/payments", { amount_pence: amount, paid_on: val(f, "paid_on"), reference: val(f, "reference") });
    }, reload));
  }
  if (a.can.report) {
    const f = h("form", { novalidate: true, id: "report-form" }, h("h2", {}, "Final report"),
      textarea("report", "What the project achieved", "", "The outcomes against those intended, with figures where you have them."),
      h("button", { class: "ds_button", type: "submit" }, "Submit final report"));
    forms.push(action(f, () => post("/final-report", { report: val(f, "report") }), reload));
  }
  if (a.can.evaluate) {
    const f = h("form", { novalidate: true, id: "evaluate-form" }, h("h2", {}, "Evaluation"),
      textarea("note", "Evaluation note"), h("button", { class: "ds_button ds_button--secondary", type: "submit" }, "Add note"));
    forms.push(action(f, () => post("/evaluations", { note: val(f, "note") }), reload));
  }
  render(`${a.reference}: ${a.title || "Untitled application"}`,
    h("p", {}, statusTag(a.status), ` ${a.scheme_title}. ${a.organisation}; applicant ${a.applicant}.`),
    a.can.edit ? applicationForm(a, objectives) : readOnly(a),
    forms,
    a.payments.length ? h("section", {}, h("h2", {}, "Payments"), table("Payments", ["Paid on", "Amount", "Reference", "Recorded by"],
      a.payments.map((p) => [p.paid_on, pounds(p.amount_pence), p.reference, p.recorded_by]))) : null,
    a.final_report ? h("section", {}, h("h2", {}, "Final report"), h("p", {}, a.final_report),
      h("p", { class: "ds_hint-text" }, `Submitted ${a.final_report_at.slice(0, 10)}`)) : null,
    a.evaluations.length ? h("section", {}, h("h2", {}, "Evaluation notes"), a.evaluations.map((e) =>
      h("p", {}, `${e.note} — ${e.author}, ${e.created_at.slice(0, 10)}`))) : null,
    a.versions.length ? h("section", {}, h("h2", {}, "Submitted versions"), table("Versions", ["Version", "Submitted", "By", "Asked for"],
      a.versions.map((v) => [String(v.version), v.submitted_at.slice(0, 16).replace("T", " "), v.submitted_by, pounds(v.content.amount_pence)]))) : null,
    h("p", {}, h("a", { href: "#/grants" }, "All grants")));
}

function readOnly(a: Application): HTMLElement {
  return h("section", {}, summaryList([
    ["Summary", a.summary], ["Strand", strandName(a.strand)], ["Objectives", a.objectives.join(", ")],
    ["Intended outcomes", a.outcomes], ["Asked for", pounds(a.amount_pence)],
    ["Timescale", a.starts_on ? `${a.starts_on} to ${a.ends_on}` : "—"],
    ["Match funding", a.match_funding_pence ? `${pounds(a.match_funding_pence)} from ${a.match_funding_source}` : "None"],
    ...(a.endorsement ? [[a.status === "declined" ? "Declined by" : "Endorsed by",
      `${a.endorsement.by}, ${a.endorsement.at.slice(0, 10)}${a.endorsement.reason ? `: ${a.endorsement.reason}` : ""}`] as [string, string]] : []),
    ...(a.decision ? [["Decision", `${a.decision.by}, ${a.decision.at.slice(0, 10)}${a.decision.reason ? `: ${a.decision.reason}` : ""}`] as [string, string]] : []),
    ...(a.awarded_pence ? [["Awarded", pounds(a.awarded_pence)], ["Paid", pounds(a.paid_pence)]] as [string, string][] : []),
  ]), table("Budget", ["Line", "Amount"], [...a.lines.map((l) => [l.description, pounds(l.amount_pence)]),
    [h("strong", {}, "Total"), h("strong", {}, pounds(a.lines_total_pence))]]));
}

// The draft's form: Save keeps it as it is; Submit saves and then asks for submission, which
// lists every eligibility rule not met.
function applicationForm(a: Application, objectives: Objective[]): HTMLFormElement {
  const lines = h("div", { id: "lines", tabindex: "-1" });
  const total = h("p", { id: "lines-total", class: "ds_hint-text" });
  const addLine = (l: Line = { description: "", amount_pence: 0 }) => {
    const i = lines.children.length;
    lines.append(h("div", { class: "cairn-budget-line" },
      field(`line-description-${i}`, `Line ${i + 1}: what it pays for`, { value: l.description }),
      field(`line-amount-${i}`, `Line ${i + 1}: amount (£)`, { value: asPounds(l.amount_pence) })));
  };
  (a.lines.length ? a.lines : [undefined]).forEach((l) => addLine(l));
  const objectiveBoxes = h("div", { id: "objectives", tabindex: "-1" });
  const showObjectives = (strand: string, chosen: string[]) => objectiveBoxes.replaceChildren(
    ...objectives.filter((o) => o.strand === strand).map((o) => h("div", { class: "ds_checkbox" },
      h("input", { class: "ds_checkbox__input", type: "checkbox", id: `objective-${o.code}`, value: o.code, checked: chosen.includes(o.code) }),
      h("label", { class: "ds_checkbox__label", for: `objective-${o.code}` }, `${o.code}: ${o.title}`))));
  showObjectives(a.strand || "divert", a.objectives);
  const form = h("form", { novalidate: true, id: "application-form" },
    h("h2", {}, "Application"),
    field("title", "Project title", { value: a.title }),
    textarea("summary", "Summary", a.summary, "What the project will do, for whom."),
    field("amount_pence", "Amount asked for (£)", { value: asPounds(a.amount_pence), hint: "Whole pounds or pounds and pence, e.g. 9,500" }),
    select("strand", "Strand", STRANDS, a.strand || "divert"),
    h("fieldset", { class: "ds_question", id: "objectives-question" }, h("legend", {}, "Objectives it advances"), objectiveBoxes),
    textarea("outcomes", "Intended outcomes", a.outcomes),
    h("fieldset", { class: "ds_question", id: "lines-question" }, h("legend", {}, "Budget"),
      h("p", { class: "ds_hint-text" }, "The lines must add up to the amount asked for."), lines, total,
      h("button", { class: "ds_button ds_button--secondary ds_button--small", type: "button", id: "add-line", onclick: () => addLine() }, "Add a line")),
    field("starts_on", "Project starts", { type: "date", value: a.starts_on }),
    field("ends_on", "Project ends", { type: "date", value: a.ends_on }),
    field("match_funding_pence", "Match funding (£)", { value: asPounds(a.match_funding_pence), hint: "Leave empty if none." }),
    field("match_funding_source", "Where the match funding comes from", { value: a.match_funding_source }),
    h("div", { class: "ds_button-group" },
      h("button", { class: "ds_button ds_button--secondary", type: "submit", name: "intent", value: "save", id: "save" }, "Save draft"),
      h("button", { class: "ds_button", type: "submit", name: "intent", value: "submit", id: "submit" }, "Submit application")));
  const strand = form.querySelector("#strand") as HTMLSelectElement;
  strand.addEventListener("change", () => showObjectives(strand.value, []));
  const updateTotal = () => {
    let sum = 0;
    for (let i = 0; i < lines.children.length; ++i) sum += pence(val(form, `line-amount-${i}`)) ?? 0;
    total.textContent = `The lines add up to ${pounds(sum)}.`;
  };
  form.addEventListener("input", updateTotal);
  updateTotal();
  form.addEventListener("submit", async (e) => {
    e.preventDefault();
    const intent = ((e as SubmitEvent).submitter as HTMLButtonElement | null)?.value ?? "save";
    const errors: FieldError[] = [];
    const money = (id: string, label: string) => {
      const text = val(form, id);
      if (text === "") return 0;
      const p = pence(text);
      if (p === null) errors.push({ field: id, message: `Enter ${label} in pounds, like 9,500` });
      return p ?? 0;
    };
    const body: Record<string, unknown> = {
      title: val(form, "title"), summary: val(form, "summary"), amount_pence: money("amount_pence", "the amount"),
      strand: strand.value, outcomes: val(form, "outcomes"), starts_on: val(form, "starts_on"), ends_on: val(form, "ends_on"),
      match_funding_pence: money("match_funding_pence", "the match funding"), match_funding_source: val(form, "match_funding_source"),
      objectives: [...objectiveBoxes.querySelectorAll("input:checked")].map((i) => (i as HTMLInputElement).value),
      lines: [] as Line[],
    };
    for (let i = 0; i < lines.children.length; ++i) {
      const description = val(form, `line-description-${i}`), amount = val(form, `line-amount-${i}`);
      if (!description && !amount) continue;
      (body.lines as Line[]).push({ description, amount_pence: money(`line-amount-${i}`, `line ${i + 1}'s amount`) });
    }
    if (body.amount_pence === 0) delete body.amount_pence;  // not given yet: a draft may leave it
    if (errors.length) { showErrors(form, errors); return; }
    try {
      await call("PATCH", `/grants/applications/${a.id}`, body);
      if (intent === "submit") await call("POST", `/grants/applications/${a.id}/submit`, {});
      await grantPage(String(a.id));
      if (intent === "save") document.getElementById("announce")!.textContent = "Draft saved.";
    } catch (err) {
      showErrors(form, errorsOf(err));
    }
  });
  return form;
}
