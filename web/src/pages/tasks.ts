// Tasks: the list with its filters, proposing a task (by hand or from a finding or referral),
// and one task's page — its priority factors, what was shared and on what basis, the steps the
// owning organisation may take, assignment, counted outcomes and history. Also the user's
// notifications and the admin's view of the email outbox.
import { BarController, BarElement, CategoryScale, Chart, Legend, LinearScale, Tooltip } from "chart.js";

import { ApiError, LawfulBases, Organisation, Session, call } from "../api";
import { field, h, render, select, showErrors, table } from "../dom";
import { guidanceLinks } from "./guidance";
import { caseStudiesFor } from "./library";

Chart.register(BarController, BarElement, CategoryScale, LinearScale, Tooltip, Legend);

export interface Task {
  id: number; title: string; description: string; strand: string;
  objective: { id: number; code: string; title: string };
  owner: { organisation_id: number; organisation: string; user_id: number; user: string };
  created_by_organisation: string;
  source: { type: string; id: string };
  council_area: string;
  priority: { harm: number; likelihood: number; confidence: number; base: number; capacity: string; modifier: number;
    score: number; band: string };
  due_date: string; overdue: boolean; status: string; status_reason: string;
  sharing: { lawful_basis: string; schedule1_condition: string; handling_conditions: string };
  created_at: string; accepted_at: string; done_at: string;
  events: { at: string; by: string; from: string; to: string; reason: string }[];
  outcomes: { id: number; type: string; quantity: number; note: string; recorded_at: string }[];
  next: string[]; owned: boolean; assignable: { id: number; name: string }[];
}
interface Objective { id: number; code: string; title: string; strand: string }
interface OutcomeType { code: string; title: string; money: boolean }

const STRANDS: [string, string][] = [["divert", "Divert"], ["deter", "Deter"], ["detect", "Detect"], ["disrupt", "Disrupt"]];
const STATUSES: [string, string][] = [["proposed", "Proposed"], ["accepted", "Accepted"], ["in_progress", "In progress"],
  ["done", "Done"], ["declined", "Declined"], ["blocked", "Blocked"]];
const statusName = (s: string) => STATUSES.find(([c]) => c === s)?.[1] ?? s;
const strandName = (s: string) => STRANDS.find(([c]) => c === s)?.[1] ?? s;
const STEP_LABELS: Record<string, string> = {
  accepted: "Accept", declined: "Decline", in_progress: "Start work", blocked: "Mark blocked", done: "Mark done",
};

function statusTag(t: Task): HTMLElement {
  const colour = t.status === "done" ? "green" : t.status === "declined" || t.status === "blocked" ? "red" : "blue";
  return h("span", {}, h("strong", { class: `ds_tag ds_tag--${colour}` }, statusName(t.status)),
    t.overdue ? h("strong", { class: "ds_tag ds_tag--orange" }, "Overdue") : null);
}

function summary(rows: [string, string | HTMLElement][]): HTMLElement {
  return h("dl", { class: "ds_summary-list" }, rows.map(([k, v]) =>
    h("div", { class: "ds_summary-list__item" }, h("dt", { class: "ds_summary-list__key" }, k), h("dd", { class: "ds_summary-list__value" }, v))));
}

function formError(form: HTMLFormElement, err: unknown): void {
  if (err instanceof ApiError) showErrors(form, [{ field: err.field, message: err.message }]);
  else throw err;
}

export async function tasksPage(session: Session, q: URLSearchParams): Promise<void> {
  const filter = new URLSearchParams();
  for (const k of ["strand", "status", "council_area", "overdue", "offset"]) {
    const v = q.get(k);
    if (v) filter.set(k, v);
  }
  const [{ tasks, total, offset, limit }, { objectives }, { organisations }] = await Promise.all([
    call<{ tasks: Task[]; total: number; offset: number; limit: number }>("GET", `/tasks?${filter}`),
    call<{ objectives: Objective[] }>("GET", "/objectives"),
    call<{ organisations: Organisation[] }>("GET", "/organisations"),
  ]);
  const bases = q.get("source") && session.user.role === "analyst" ? await call<LawfulBases>("GET", "/lawful-bases") : null;
  render("Tasks",
    h("p", {}, "Work owned by a named organisation under one strand and one objective, from proposal to a counted outcome. Only the owning organisation moves a task on."),
    filterForm(q),
    tasks.length === 0 ? h("p", {}, total > 0 ? "No tasks on this page." : "No tasks match.") :
      h("p", { id: "tasks-count" }, `${total} task${total === 1 ? "" : "s"}` +
        (total > tasks.length ? `, showing ${offset + 1} to ${offset + tasks.length}` : "")),
    tasks.length === 0 ? null :
      table("Tasks", ["Task", "Strand", "Objective", "Owner", "Priority", "Due", "Status"], tasks.map((t) => [
        h("a", { href: `#/task/${t.id}` }, t.title), strandName(t.strand), t.objective.code, t.owner.organisation,
        `${t.priority.score} (${t.priority.band})`, t.due_date, statusTag(t)])),
    pages(q, offset, limit, tasks.length, total),
    session.user.role === "auditor" ? null : proposeForm(objectives, organisations, q, bases));
  if (q.get("source")) document.getElementById("title")?.focus();
}

// Previous and Next, when the list runs past one page.
function pages(q: URLSearchParams, offset: number, limit: number, shown: number, total: number): HTMLElement | null {
  if (offset === 0 && shown >= total) return null;
  const to = (from: number) => {
    const next = new URLSearchParams(q);
    next.set("offset", String(Math.max(0, from)));
    return `#/tasks?${next}`;
  };
  return h("nav", { class: "ds_pagination", "aria-label": "Pages of tasks" },
    // Past the end (an old link, or tasks closed since), Previous goes to the last page.
    offset > 0 ? h("a", { href: to(Math.min(offset - limit, total - limit)) }, "Previous") : null, " ",
    offset + shown < total ? h("a", { href: to(offset + limit) }, "Next") : null);
}

function filterForm(q: URLSearchParams): HTMLFormElement {
  const form = h("form", { novalidate: true, id: "task-filter", class: "ds_!_margin-bottom--4" },
    h("h2", {}, "Filter"),
    select("f_strand", "Strand", [["", "Any"], ...STRANDS], q.get("strand") ?? ""),
    select("f_status", "Status", [["", "Any"], ...STATUSES], q.get("status") ?? ""),
    field("f_council_area", "Council area", { value: q.get("council_area") ?? "" }),
    h("div", { class: "ds_checkbox" },
      h("input", { class: "ds_checkbox__input", type: "checkbox", id: "f_overdue", checked: q.get("overdue") === "1" }),
      h("label", { class: "ds_checkbox__label", for: "f_overdue" }, "Overdue only")),
    h("button", { class: "ds_button ds_button--secondary", type: "submit" }, "Filter"));
  form.addEventListener("submit", (e) => {
    e.preventDefault();
    const next = new URLSearchParams();
    const v = (id: string) => (form.querySelector(`#${id}`) as HTMLInputElement).value.trim();
    if (v("f_strand")) next.set("strand", v("f_strand"));
    if (v("f_status")) next.set("status", v("f_status"));
    if (v("f_council_area")) next.set("council_area", v("f_council_area"));
    if ((form.querySelector("#f_overdue") as HTMLInputElement).checked) next.set("overdue", "1");
    location.hash = `/tasks?${next}`;
  });
  return form;
}

const FACTORS: [string, string][] = [["1", "1 (lowest)"], ["2", "2"], ["3", "3"], ["4", "4"], ["5", "5 (highest)"]];

function proposeForm(objectives: Objective[], organisations: Organisation[], q: URLSearchParams,
  bases: LawfulBases | null): HTMLElement {
  const source = q.get("source") ?? "";
  const sourceId = q.get("id") ?? "";
  const inMonth = new Date(Date.now() + 30 * 86400000).toISOString().slice(0, 10);
  const objectiveOptions = (strand: string): [string, string][] =>
    objectives.filter((o) => o.strand === strand).map((o) => [o.code, `${o.code}: ${o.title}`]);
  const form = h("form", { novalidate: true, id: "task-form" },
    h("h2", { id: "propose" }, source ? `Propose a task from ${source} ${sourceId}` : "Propose a task"),
    field("title", "Title"),
    h("div", { class: "ds_question", id: "description-question" },
      h("label", { class: "ds_label", for: "description" }, "What is to be done"),
      h("textarea", { class: "ds_input", id: "description", rows: 3 })),
    select("strand", "Strand", STRANDS, "deter"),
    select("objective", "Objective", objectiveOptions("deter")),
    select("owner_organisation_id", "Owning organisation", [["", "Choose"],
      ...organisations.map((o): [string, string] => [String(o.id), o.name])]),
    select("harm", "Harm", FACTORS, "3"),
    select("likelihood", "Likelihood", FACTORS, "3"),
    select("confidence", "Confidence", FACTORS, "3"),
    field("due_date", "Due date", { type: "date", value: inMonth }),
    field("council_area", "Council area", { hint: "Optional, e.g. Renfrewshire" }),
    bases ? h("fieldset", { class: "ds_question" },
      h("legend", {}, "Sharing restricted information"),
      h("p", { class: "ds_hint-text" }, "Needed when the source is restricted and another organisation will own the task: the owner sees what you write here and the task, under these terms."),
      select("lawful_basis", "Lawful basis", [["", "Choose"], ...bases.bases.map((b): [string, string] => [b.code, b.title])]),
      select("schedule1_condition", "Schedule 1 condition", [["", "None"],
        ...bases.schedule1_conditions.map((c): [string, string] => [c.code, c.title])]),
      field("handling_conditions", "Handling conditions")) : null,
    h("button", { class: "ds_button", type: "submit" }, "Propose task"));
  const strandSelect = form.querySelector("#strand") as HTMLSelectElement;
  strandSelect.addEventListener("change", () => {
    const objective = form.querySelector("#objective") as HTMLSelectElement;
    objective.replaceChildren(...objectiveOptions(strandSelect.value).map(([v, t]) => h("option", { value: v }, t)));
  });
  form.addEventListener("submit", async (e) => {
    e.preventDefault();
    const v = (id: string) => (form.querySelector(`#${id}`) as HTMLInputElement | null)?.value.trim() ?? "";
    const body: Record<string, string | number> = {
      title: v("title"), description: v("description"), strand: v("strand"), objective: v("objective"),
      owner_organisation_id: v("owner_organisation_id") === "" ? 0 : Number(v("owner_organisation_id")),
      harm: Number(v("harm")), likelihood: Number(v("likelihood")), confidence: Number(v("confidence")),
      due_date: v("due_date"), council_area: v("council_area"),
    };
    if (source) { body.source_type = source; body.source_id = sourceId; }
    for (const k of ["lawful_basis", "schedule1_condition", "handling_conditions"]) if (v(k)) body[k] = v(k);
    try {
      const t = await call<Task>("POST", "/tasks", body);
      location.hash = `/task/${t.id}`;
    } catch (err) {
      formError(form, err);
    }
  });
  return form;
}

export async function taskPage(id: string): Promise<void> {
  const t = await call<Task>("GET", `/tasks/${encodeURIComponent(id)}`);
  const types = t.owned ? (await call<{ outcome_types: OutcomeType[] }>("GET", "/task-outcome-types")).outcome_types : [];
  const p = t.priority;
  const source = t.source.type === "finding" ? h("a", { href: `#/finding/${t.source.id}` }, `Finding ${t.source.id}`)
    : t.source.type === "referral" ? h("a", { href: `#/referral/${t.source.id}` }, `Referral ${t.source.id}`) : "Made by hand";
  const content: (HTMLElement | null)[] = [
    t.description ? h("p", { class: "ds_lead" }, t.description) : null,
    summary([
      ["Status", statusTag(t)], ["Strand", strandName(t.strand)], ["Objective", `${t.objective.code}: ${t.objective.title}`],
      ["Owner", t.owner.user ? `${t.owner.organisation} (${t.owner.user})` : t.owner.organisation],
      ["Proposed by", t.created_by_organisation], ["Source", source], ["Council area", t.council_area || "Not given"],
      ["Due", t.due_date], ...(t.status_reason ? [["Reason", t.status_reason] as [string, string]] : []),
    ]),
    h("section", { "aria-labelledby": "priority-title" },
      h("h2", { id: "priority-title" }, `Priority ${p.score} (${p.band})`),
      table("How the priority is made", ["Factor", "Value"], [
        ["Harm (1–5)", String(p.harm)], ["Likelihood (1–5)", String(p.likelihood)], ["Confidence (1–5)", String(p.confidence)],
        ["Base: 100 × harm × likelihood × confidence ÷ 125", p.base.toFixed(1)],
        [`Owner's capacity: ${p.capacity}`, `× ${p.modifier}`], ["Priority (at most 100)", p.score.toFixed(1)]])),
    t.sharing.lawful_basis ? h("section", { "aria-labelledby": "sharing-title" },
      h("h2", { id: "sharing-title" }, "Shared under"),
      summary([["Lawful basis", t.sharing.lawful_basis + (t.sharing.schedule1_condition ? ` (${t.sharing.schedule1_condition})` : "")],
        ["Handling conditions", t.sharing.handling_conditions]])) : null,
    t.next.length > 0 ? stepForm(t) : null,
    t.owned && t.next.length > 0 ? assignForm(t) : null,
    h("section", { "aria-labelledby": "outcomes-title" },
      h("h2", { id: "outcomes-title" }, "Outcomes"),
      t.outcomes.length === 0 ? h("p", {}, "None recorded.") :
        table("Outcomes", ["Outcome", "Count", "Note", "Recorded"], t.outcomes.map((o) => [
          types.find((x) => x.code === o.type)?.title ?? o.type,
          o.type.endsWith("_pence") ? `£${(o.quantity / 100).toLocaleString("en-GB", { minimumFractionDigits: 2 })}` : String(o.quantity),
          o.note, o.recorded_at.slice(0, 10)])),
      t.owned && (t.status === "in_progress" || t.status === "done") ? outcomeForm(t, types) : null),
    h("section", { "aria-labelledby": "history-title" },
      h("h2", { id: "history-title" }, "History"),
      table("History", ["When", "Who", "Change", "Reason"], t.events.map((e) => [
        e.at.slice(0, 16).replace("T", " "), e.by, e.from ? `${statusName(e.from)} → ${statusName(e.to)}` : `Proposed`, e.reason]))),
    await caseStudiesFor("task", t.id),
  ];
  // The guidance for what the task came from: a finding's indicator; a referral's next steps.
  if (t.source.type === "finding") {
    const finding = await call<{ indicator: string }>("GET", `/findings/${encodeURIComponent(t.source.id)}`).catch(() => null);
    const links = finding ? await guidanceLinks(finding.indicator) : null;
    if (links) content.splice(1, 0, links);
  } else if (t.source.type === "referral") {
    content.splice(1, 0, h("p", {}, h("a", { href: "#/guidance/refer-what-happens-next" }, "A referral: what happens next and what not to do")));
  }
  render(t.title, ...content.filter((c): c is HTMLElement => c !== null));
}

function stepForm(t: Task): HTMLElement {
  const form = h("form", { novalidate: true, id: "step-form" },
    h("h2", {}, "Move this task on"),
    h("fieldset", { class: "ds_question", id: "status-question" },
      h("legend", {}, "Next step"),
      t.next.map((s, i) => h("div", { class: "ds_radio" },
        h("input", { class: "ds_radio__input", type: "radio", name: "status", id: `status-${s}`, value: s, checked: i === 0 }),
        h("label", { class: "ds_radio__label", for: `status-${s}` }, STEP_LABELS[s] ?? statusName(s))))),
    field("reason", "Reason", { hint: "Required to decline or block; say what would unblock it." }),
    h("button", { class: "ds_button", type: "submit" }, "Save"));
  form.addEventListener("submit", async (e) => {
    e.preventDefault();
    const status = (form.querySelector("input[name=status]:checked") as HTMLInputElement).value;
    const reason = (form.querySelector("#reason") as HTMLInputElement).value.trim();
    try {
      await call("POST", `/tasks/${t.id}/status`, reason ? { status, reason } : { status });
      await taskPage(String(t.id));
    } catch (err) {
      formError(form, err);
    }
  });
  return form;
}

function assignForm(t: Task): HTMLElement {
  const form = h("form", { novalidate: true, id: "assign-form" },
    h("h2", {}, "Assign"),
    select("user_id", "Person", [["0", "Nobody in particular"], ...t.assignable.map((u): [string, string] => [String(u.id), u.name])],
      String(t.owner.user_id)),
    h("button", { class: "ds_button ds_button--secondary", type: "submit" }, "Assign"));
  form.addEventListener("submit", async (e) => {
    e.preventDefault();
    try {
      await call("POST", `/tasks/${t.id}/assign`, { user_id: Number((form.querySelector("#user_id") as HTMLSelectElement).value) });
      await taskPage(String(t.id));
    } catch (err) {
      formError(form, err);
    }
  });
  return form;
}

function outcomeForm(t: Task, types: OutcomeType[]): HTMLElement {
  const form = h("form", { novalidate: true, id: "outcome-form" },
    h("h3", {}, "Record an outcome"),
    select("type", "Outcome", types.map((o): [string, string] => [o.code, o.title])),
    field("quantity", "Count", { type: "number", hint: "For cash or assets, the amount in pounds." }),
    field("note", "Note"),
    h("button", { class: "ds_button ds_button--secondary", type: "submit" }, "Record outcome"));
  form.addEventListener("submit", async (e) => {
    e.preventDefault();
    const type = (form.querySelector("#type") as HTMLSelectElement).value;
    const raw = Number((form.querySelector("#quantity") as HTMLInputElement).value);
    const money = types.find((o) => o.code === type)?.money ?? false;
    const quantity = money ? Math.round(raw * 100) : Math.round(raw);  // money is held in pence
    try {
      await call("POST", `/tasks/${t.id}/outcomes`, { type, quantity, note: (form.querySelector("#note") as HTMLInputElement).value.trim() });
      await taskPage(String(t.id));
    } catch (err) {
      formError(form, err);
    }
  });
  return form;
}

interface Notification { id: number; task_id: number; text: string; created_at: string; read_at: string }

export async function notificationsPage(): Promise<void> {
  const { notifications, unread } = await call<{ notifications: Notification[]; unread: number }>("GET", "/notifications");
  render("Notifications",
    h("p", {}, unread === 0 ? "Nothing unread." : `${unread} unread.`),
    notifications.length === 0 ? h("p", {}, "No notifications.") :
      table("Notifications", ["When", "What", ""], notifications.map((n) => [
        n.created_at.slice(0, 16).replace("T", " "),
        h("a", { href: `#/task/${n.task_id}`, onclick: () => void call("POST", `/notifications/${n.id}/read`, {}) },
          n.read_at ? n.text : h("strong", {}, n.text)),
        n.read_at ? "Read" : h("button", { class: "ds_button ds_button--secondary ds_button--small", type: "button",
          onclick: async () => { await call("POST", `/notifications/${n.id}/read`, {}); await notificationsPage(); } }, "Mark read")])));
}

interface Email {
  id: number; to: string; subject: string; body: string; created_at: string; sent_at: string; error: string; attempts: number;
}

export async function outboxPage(): Promise<void> {
  const { emails } = await call<{ emails: Email[] }>("GET", "/outbox");
  render("Email outbox",
    h("p", {}, "Every email Cairn has written. With an SMTP server configured ([smtp] in the configuration) the server sends them every minute; without one they stay here, unsent, and can be read. A failed email is tried again, up to a set number of times."),
    emails.length === 0 ? h("p", {}, "No emails.") :
      table("Emails", ["Written", "To", "Subject", "Sent"], emails.map((e) => [
        e.created_at.slice(0, 16).replace("T", " "), e.to, e.subject,
        e.sent_at ? e.sent_at.slice(0, 16).replace("T", " ")
          : e.error ? `Not sent: ${e.error} (${e.attempts} ${e.attempts === 1 ? "attempt" : "attempts"})` : "Not sent"])));
}

interface BoardRow {
  key: string; label: string; total: number; proposed: number; accepted: number; in_progress: number; blocked: number;
  done: number; declined: number; overdue: number; done_on_time: number; on_time_share: number | null;
}
interface Board {
  all: BoardRow; by_strand: BoardRow[]; by_organisation: BoardRow[]; by_council_area: BoardRow[];
  measures: { findings_without_task: number; on_time_share: number | null;
    finding_to_accepted: { findings: number; median_days: number | null; mean_days: number | null } };
}

const pct = (x: number | null) => (x === null ? "Nothing done yet" : `${Math.round(x * 100)}%`);
const days = (x: number | null) => (x === null ? "No finding's task accepted yet" : `${x.toFixed(1)} days`);

// Tasks by status, stacked, one bar per row; the same figures are in the table below it.
function statusChart(id: string, title: string, rows: BoardRow[]): HTMLElement {
  const canvas = h("canvas", { id, role: "img", "aria-label": `${title}. The figures are also in the table below.` });
  const colours: [keyof BoardRow, string, string][] = [["proposed", "Proposed", "#5e5e5e"], ["accepted", "Accepted", "#0065bd"],
    ["in_progress", "In progress", "#00a1e4"], ["blocked", "Blocked", "#d32205"], ["done", "Done", "#428542"], ["declined", "Declined", "#b3b3b3"]];
  requestAnimationFrame(() => {
    new Chart(canvas, {
      type: "bar",
      data: { labels: rows.map((r) => r.label), datasets: colours.map(([k, label, colour]) =>
        ({ label, data: rows.map((r) => r[k] as number), backgroundColor: colour })) },
      options: { animation: false, responsive: true, maintainAspectRatio: false,
        scales: { x: { stacked: true }, y: { stacked: true, beginAtZero: true, ticks: { precision: 0 } } } },
    });
  });
  return h("div", { class: "cairn-chart" }, canvas);
}

function boardTable(caption: string, first: string, rows: BoardRow[]): HTMLElement {
  return table(caption, [first, "Tasks", "Proposed", "Accepted", "In progress", "Blocked", "Done", "Declined", "Overdue", "Done on time"],
    rows.map((r) => [r.label, String(r.total), String(r.proposed), String(r.accepted), String(r.in_progress), String(r.blocked),
      String(r.done), String(r.declined), String(r.overdue), r.done ? `${r.done_on_time} (${pct(r.on_time_share)})` : "—"]));
}

export async function taskingBoardPage(q: URLSearchParams): Promise<void> {
  const filter = new URLSearchParams();
  for (const k of ["strand", "council_area", "owner"]) {
    const v = q.get(k);
    if (v) filter.set(k, v);
  }
  const [b, { organisations }] = await Promise.all([
    call<Board>("GET", `/tasking-board?${filter}`),
    call<{ organisations: Organisation[] }>("GET", "/organisations"),
  ]);
  const m = b.measures;
  const form = h("form", { novalidate: true, id: "board-filter" },
    select("b_strand", "Strand", [["", "Any"], ...STRANDS], q.get("strand") ?? ""),
    select("b_owner", "Owning organisation", [["", "Any"], ...organisations.map((o): [string, string] => [String(o.id), o.name])],
      q.get("owner") ?? ""),
    field("b_council_area", "Council area", { value: q.get("council_area") ?? "" }),
    h("button", { class: "ds_button ds_button--secondary", type: "submit" }, "Filter"));
  form.addEventListener("submit", (e) => {
    e.preventDefault();
    const next = new URLSearchParams();
    const v = (id: string) => (form.querySelector(`#${id}`) as HTMLInputElement).value.trim();
    if (v("b_strand")) next.set("strand", v("b_strand"));
    if (v("b_owner")) next.set("owner", v("b_owner"));
    if (v("b_council_area")) next.set("council_area", v("b_council_area"));
    location.hash = `/board?${next}`;
  });
  render("Tasking board",
    h("p", {}, "From intelligence to tasking: where the work stands and how quickly findings become accepted tasks. Built from the tasks you may see."),
    form,
    h("section", { "aria-labelledby": "measures-title" },
      h("h2", { id: "measures-title" }, "Intelligence to tasking"),
      summary([
        ["Findings without a task", `${m.findings_without_task} (of the findings you may see; dismissed ones left out)`],
        ["From finding to accepted task", m.finding_to_accepted.findings === 0 ? days(null) :
          `median ${days(m.finding_to_accepted.median_days)}, mean ${days(m.finding_to_accepted.mean_days)} over ${m.finding_to_accepted.findings} findings`],
        ["Tasks", String(b.all.total)], ["Overdue", String(b.all.overdue)],
        ["Completed on time", b.all.done ? `${b.all.done_on_time} of ${b.all.done} (${pct(m.on_time_share)})` : pct(null)],
      ])),
    h("section", { "aria-labelledby": "strand-title" },
      h("h2", { id: "strand-title" }, "By strand"),
      statusChart("chart-strands", "Tasks by strand and status", b.by_strand.map((r) => ({ ...r, label: strandName(r.key) }))),
      boardTable("Tasks by strand", "Strand", b.by_strand.map((r) => ({ ...r, label: strandName(r.key) })))),
    h("section", { "aria-labelledby": "org-title" },
      h("h2", { id: "org-title" }, "By organisation"),
      statusChart("chart-organisations", "Tasks by owning organisation and status", b.by_organisation),
      boardTable("Tasks by organisation", "Organisation", b.by_organisation)),
    h("section", { "aria-labelledby": "area-title" },
      h("h2", { id: "area-title" }, "By council area"),
      boardTable("Tasks by council area", "Council area", b.by_council_area)));
}
