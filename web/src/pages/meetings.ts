// Meetings: the Taskforce, strand groups and local tasking groups — the list (with how many
// Taskforce meetings this year against three), recording one, and a meeting's page where
// decisions and actions are added and an action becomes a task in one step.
import { ApiError, Organisation, Session, call } from "../api";
import { field, h, render, select, showErrors, table } from "../dom";
import { caseStudiesFor } from "./library";

interface Attendee { organisation_id: number; organisation: string; person: string; attendance: string }
interface Action { id: number; text: string; owner_organisation_id: number; owner: string; due_date: string; task_id: number }
interface Meeting {
  id: number; kind: string; title: string; strand: string; council_area: string; held_on: string; location: string;
  organiser: string; attendees: Attendee[]; agenda: { title: string; notes: string }[];
  papers: { title: string; reference: string }[]; decisions: { id: number; text: string; recorded_at: string }[];
  actions: Action[]; can_edit: boolean;
}
interface MeetingSummary {
  id: number; kind: string; title: string; strand: string; council_area: string; held_on: string; organiser: string;
  decisions: number; actions: number; actions_tasked: number;
}
interface Objective { id: number; code: string; title: string; strand: string }

const KINDS: [string, string][] = [["taskforce", "SOC Taskforce"], ["strand_group", "Strand group"],
  ["local_tasking_group", "Local tasking group"]];
const kindName = (k: string) => KINDS.find(([c]) => c === k)?.[1] ?? k;
const STRANDS: [string, string][] = [["divert", "Divert"], ["deter", "Deter"], ["detect", "Detect"], ["disrupt", "Disrupt"]];

function formError(form: HTMLFormElement, err: unknown): void {
  if (err instanceof ApiError) showErrors(form, [{ field: err.field, message: err.message }]);
  else throw err;
}

function lines(text: string): string[] {
  return text.split("\n").map((l) => l.trim()).filter((l) => l !== "");
}

function textarea(id: string, label: string, hint: string): HTMLElement {
  return h("div", { class: "ds_question", id: `${id}-question` },
    h("label", { class: "ds_label", for: id }, label), h("p", { class: "ds_hint-text" }, hint),
    h("textarea", { class: "ds_input", id, rows: 3 }));
}

export async function meetingsPage(session: Session): Promise<void> {
  const [{ meetings, taskforce_this_year: tf }, { organisations }] = await Promise.all([
    call<{ meetings: MeetingSummary[]; taskforce_this_year: { year: number; held: number; expected: number } }>("GET", "/meetings"),
    call<{ organisations: Organisation[] }>("GET", "/organisations"),
  ]);
  render("Meetings",
    h("p", { id: "taskforce-count" }, `The Taskforce meets three times a year: ${tf.held} of ${tf.expected} recorded for ${tf.year}.`),
    meetings.length === 0 ? h("p", {}, "No meetings recorded.") :
      table("Meetings", ["Meeting", "Kind", "Date", "Organiser", "Decisions", "Actions (tasked)"], meetings.map((m) => [
        h("a", { href: `#/meeting/${m.id}` }, m.title),
        kindName(m.kind) + (m.strand ? ` (${m.strand})` : "") + (m.council_area ? ` (${m.council_area})` : ""),
        m.held_on, m.organiser, String(m.decisions), `${m.actions} (${m.actions_tasked})`])),
    session.user.role === "auditor" ? null : meetingForm(organisations));
}

function meetingForm(organisations: Organisation[]): HTMLFormElement {
  const form = h("form", { novalidate: true, id: "meeting-form" },
    h("h2", {}, "Record a meeting"),
    select("kind", "Kind", KINDS, "taskforce"),
    field("title", "Title"),
    select("strand", "Strand (strand groups)", [["", "None"], ...STRANDS]),
    field("council_area", "Council area (local tasking groups)"),
    field("held_on", "Date", { type: "date" }),
    field("location", "Where"),
    h("fieldset", { class: "ds_question", id: "attendees-question" },
      h("legend", {}, "Organisations attending"),
      h("div", { class: "cairn-columns" }, organisations.map((o) => h("div", { class: "ds_checkbox ds_checkbox--small" },
        h("input", { class: "ds_checkbox__input", type: "checkbox", id: `att-${o.id}`, value: String(o.id) }),
        h("label", { class: "ds_checkbox__label", for: `att-${o.id}` }, o.name))))),
    textarea("agenda", "Agenda", "One item per line."),
    textarea("papers", "Papers", "One per line: title, then a reference after a | if there is one (e.g. Progress report | TF(26)03)."),
    h("button", { class: "ds_button", type: "submit" }, "Record meeting"));
  form.addEventListener("submit", async (e) => {
    e.preventDefault();
    const v = (id: string) => (form.querySelector(`#${id}`) as HTMLInputElement).value.trim();
    const body: Record<string, unknown> = { kind: v("kind"), title: v("title"), held_on: v("held_on"), location: v("location") };
    if (v("strand")) body.strand = v("strand");
    if (v("council_area")) body.council_area = v("council_area");
    body.attendees = [...form.querySelectorAll<HTMLInputElement>("input[id^=att-]:checked")]
      .map((c) => ({ organisation_id: Number(c.value) }));
    body.agenda = lines(v("agenda")).map((title) => ({ title }));
    body.papers = lines(v("papers")).map((l) => {
      const [title, reference] = l.split("|").map((x) => x.trim());
      return reference ? { title, reference } : { title };
    });
    try {
      const m = await call<Meeting>("POST", "/meetings", body);
      location.hash = `/meeting/${m.id}`;
    } catch (err) {
      formError(form, err);
    }
  });
  return form;
}

export async function meetingPage(id: string): Promise<void> {
  const m = await call<Meeting>("GET", `/meetings/${encodeURIComponent(id)}`);
  const [{ organisations }, { objectives }] = m.can_edit ? await Promise.all([
    call<{ organisations: Organisation[] }>("GET", "/organisations"),
    call<{ objectives: Objective[] }>("GET", "/objectives"),
  ]) : [{ organisations: [] }, { objectives: [] }];
  render(m.title,
    h("p", {}, `${kindName(m.kind)}${m.strand ? ` (${m.strand})` : ""}${m.council_area ? `, ${m.council_area}` : ""} — ${m.held_on}${m.location ? `, ${m.location}` : ""}. Organised by ${m.organiser}.`),
    h("section", { "aria-labelledby": "attendees-title" }, h("h2", { id: "attendees-title" }, "Attendees"),
      m.attendees.length === 0 ? h("p", {}, "None recorded.") :
        h("ul", {}, m.attendees.map((a) => h("li", {}, a.organisation + (a.person ? ` (${a.person})` : "") +
          (a.attendance === "apologies" ? ": apologies" : ""))))),
    h("section", { "aria-labelledby": "agenda-title" }, h("h2", { id: "agenda-title" }, "Agenda"),
      m.agenda.length === 0 ? h("p", {}, "None recorded.") :
        h("ol", {}, m.agenda.map((a) => h("li", {}, a.title, a.notes ? h("p", { class: "ds_hint-text" }, a.notes) : null)))),
    h("section", { "aria-labelledby": "papers-title" }, h("h2", { id: "papers-title" }, "Papers"),
      m.papers.length === 0 ? h("p", {}, "None recorded.") :
        h("ul", {}, m.papers.map((p) => h("li", {}, p.title + (p.reference ? ` (${p.reference})` : ""))))),
    h("section", { "aria-labelledby": "decisions-title" }, h("h2", { id: "decisions-title" }, "Decisions"),
      m.decisions.length === 0 ? h("p", {}, "None recorded.") : h("ol", {}, m.decisions.map((d) => h("li", {}, d.text))),
      m.can_edit ? decisionForm(m) : null),
    h("section", { "aria-labelledby": "actions-title" }, h("h2", { id: "actions-title" }, "Actions"),
      m.actions.length === 0 ? h("p", {}, "None recorded.") :
        table("Actions", ["Action", "Owner", "Due", "Task"], m.actions.map((a) => [a.text, a.owner, a.due_date,
          a.task_id ? h("a", { href: `#/task/${a.task_id}` }, `Task ${a.task_id}`) :
            m.can_edit ? taskButton(a, objectives) : "Not yet tasked"])),
      m.can_edit ? actionForm(m, organisations) : null),
    await caseStudiesFor("meeting", m.id));
}

function decisionForm(m: Meeting): HTMLFormElement {
  const form = h("form", { novalidate: true, id: "decision-form" },
    field("decision_text", "Record a decision"),
    h("button", { class: "ds_button ds_button--secondary", type: "submit" }, "Add decision"));
  form.addEventListener("submit", async (e) => {
    e.preventDefault();
    try {
      await call("POST", `/meetings/${m.id}/decisions`, { text: (form.querySelector("#decision_text") as HTMLInputElement).value.trim() });
      await meetingPage(String(m.id));
    } catch (err) {
      formError(form, err);
    }
  });
  return form;
}

function actionForm(m: Meeting, organisations: Organisation[]): HTMLFormElement {
  const form = h("form", { novalidate: true, id: "action-form" },
    h("h3", {}, "Record an action"),
    field("text", "Action"),
    select("owner_organisation_id", "Owning organisation", [["", "Choose"], ...organisations.map((o): [string, string] => [String(o.id), o.name])]),
    field("due_date", "Due date", { type: "date" }),
    h("button", { class: "ds_button ds_button--secondary", type: "submit" }, "Add action"));
  form.addEventListener("submit", async (e) => {
    e.preventDefault();
    const v = (id: string) => (form.querySelector(`#${id}`) as HTMLInputElement).value.trim();
    try {
      await call("POST", `/meetings/${m.id}/actions`, { text: v("text"),
        owner_organisation_id: v("owner_organisation_id") === "" ? 0 : Number(v("owner_organisation_id")), due_date: v("due_date") });
      await meetingPage(String(m.id));
    } catch (err) {
      formError(form, err);
    }
  });
  return form;
}

// One step from an action to a task: strand, objective and the priority factors.
function taskButton(a: Action, objectives: Objective[]): HTMLElement {
  const options = objectives.map((o): [string, string] => [o.code, `${o.code}: ${o.title}`]);
  const f = (name: string) => `${name}-${a.id}`;
  const factors: [string, string][] = [["1", "1"], ["2", "2"], ["3", "3"], ["4", "4"], ["5", "5"]];
  const form = h("form", { novalidate: true, class: "cairn-task-from-action", id: `task-from-${a.id}` },
    select(f("objective"), "Objective", options),
    select(f("harm"), "Harm", factors, "3"), select(f("likelihood"), "Likelihood", factors, "3"),
    select(f("confidence"), "Confidence", factors, "3"),
    h("button", { class: "ds_button ds_button--small", type: "submit" }, "Make a task"));
  form.addEventListener("submit", async (e) => {
    e.preventDefault();
    const v = (id: string) => (form.querySelector(`#${f(id)}`) as HTMLSelectElement).value;
    const objective = v("objective");
    try {
      const r = await call<{ task_id: number }>("POST", `/meeting-actions/${a.id}/task`, {
        strand: objective.split("-")[0], objective,
        harm: Number(v("harm")), likelihood: Number(v("likelihood")), confidence: Number(v("confidence")) });
      location.hash = `/task/${r.task_id}`;
    } catch (err) {
      formError(form, err);
    }
  });
  return form;
}
