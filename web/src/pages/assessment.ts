// The SOC self-assessment: answer the checklist (no, partly, yes) for the organisation or one of
// its groups, see the score by theme, and follow the action plan that comes from it — owner,
// resources, due date and RAG status, reviewed over time.
import { ApiError, Session, call } from "../api";
import { field, h, render, select, showErrors, table } from "../dom";

interface Checklist {
  themes: { code: string; title: string }[];
  questions: { code: string; theme: string; text: string; objective: string }[];
}
interface PlanAction {
  id: number; question: string; text: string; owner: string; resources: string; due_date: string; rag: string;
  status: string; objective: string; reviews: { at: string; by: string; rag: string; status: string; note: string }[];
}
interface Assessment {
  id: number; organisation: string; group: string; answers: Record<string, number>; scores: Record<string, number>;
  completed_at: string; plan: PlanAction[]; can_edit: boolean;
}

const pct = (x: number) => `${Math.round(x * 100)}%`;

function ragTag(rag: string): HTMLElement {
  const colour = rag === "red" ? "red" : rag === "amber" ? "orange" : "green";
  return h("strong", { class: `ds_tag ds_tag--${colour}` }, rag.charAt(0).toUpperCase() + rag.slice(1));
}

export async function assessmentsPage(session: Session): Promise<void> {
  const [{ assessments }, checklist] = await Promise.all([
    call<{ assessments: { id: number; organisation: string; group: string; scores: Record<string, number>; completed_at: string }[] }>(
      "GET", "/self-assessments"),
    call<Checklist>("GET", "/self-assessment/checklist"),
  ]);
  render("Self-assessment",
    h("p", {}, "How well is your organisation protected against serious organised crime? Answer each question; the weak answers become your action plan."),
    assessments.length === 0 ? h("p", {}, "No self-assessments yet.") :
      table("Self-assessments", ["Completed", "Organisation", "Group", ...checklist.themes.map((t) => t.title)], assessments.map((a) => [
        h("a", { href: `#/assessment/${a.id}` }, a.completed_at.slice(0, 10)), a.organisation, a.group || "Whole organisation",
        ...checklist.themes.map((t) => pct(a.scores[t.code] ?? 0))])),
    session.user.role === "auditor" ? null : assessmentForm(checklist));
}

function assessmentForm(c: Checklist): HTMLFormElement {
  const form = h("form", { novalidate: true, id: "assessment-form" },
    h("h2", {}, "Complete the self-assessment"),
    field("group", "Group", { hint: "For example, Integrity Group or Prevent Group; leave empty for the whole organisation." }),
    c.themes.map((t) => h("fieldset", { class: "ds_question" },
      h("legend", { class: "ds_label" }, t.title),
      c.questions.filter((q) => q.theme === t.code).map((q) => h("div", { class: "ds_question", id: `answers.${q.code}-question` },
        h("p", {}, q.text),
        h("div", { class: "ds_field-group ds_field-group--inline" },
          ([["0", "No"], ["1", "Partly"], ["2", "Yes"]] as [string, string][]).map(([v, label]) => h("div", { class: "ds_radio ds_radio--small" },
            h("input", { class: "ds_radio__input", type: "radio", name: q.code, id: `${q.code}-${v}`, value: v }),
            h("label", { class: "ds_radio__label", for: `${q.code}-${v}` }, label)))))))),
    h("button", { class: "ds_button", type: "submit" }, "Submit"));
  form.addEventListener("submit", async (e) => {
    e.preventDefault();
    const answers: Record<string, number> = {};
    for (const q of c.questions) {
      const checked = form.querySelector<HTMLInputElement>(`input[name="${q.code}"]:checked`);
      if (checked) answers[q.code] = Number(checked.value);
    }
    try {
      const a = await call<Assessment>("POST", "/self-assessments",
        { group: (form.querySelector("#group") as HTMLInputElement).value.trim(), answers });
      location.hash = `/assessment/${a.id}`;
    } catch (err) {
      if (err instanceof ApiError) showErrors(form, [{ field: err.field, message: err.message }]);
      else throw err;
    }
  });
  return form;
}

export async function assessmentPage(id: string): Promise<void> {
  const [a, checklist] = await Promise.all([
    call<Assessment>("GET", `/self-assessments/${encodeURIComponent(id)}`),
    call<Checklist>("GET", "/self-assessment/checklist"),
  ]);
  render(`Self-assessment: ${a.organisation}${a.group ? `, ${a.group}` : ""}`,
    h("p", {}, `Completed ${a.completed_at.slice(0, 10)}.`),
    table("Score by theme", ["Theme", "Score"], checklist.themes.map((t) => [t.title, pct(a.scores[t.code] ?? 0)])),
    h("section", { "aria-labelledby": "plan-title" },
      h("h2", { id: "plan-title" }, "Action plan"),
      a.plan.length === 0 ? h("p", {}, "Every answer was yes: no actions.") :
        table("Action plan", ["Action", "Objective", "Owner", "Resources", "Due", "RAG", "Status", "Last review"], a.plan.map((p) => [
          p.text, p.objective, p.owner || "Not yet", p.resources || "—", p.due_date, ragTag(p.rag), p.status,
          p.reviews.length ? `${p.reviews[p.reviews.length - 1].at.slice(0, 10)}: ${p.reviews[p.reviews.length - 1].note}` : "—"])),
      a.can_edit && a.plan.length > 0 ? reviewForm(a) : null));
}

function reviewForm(a: Assessment): HTMLFormElement {
  const form = h("form", { novalidate: true, id: "review-form" },
    h("h3", {}, "Review an action"),
    select("action", "Action", a.plan.map((p): [string, string] => [String(p.id), p.text])),
    field("owner", "Owner"), field("resources", "Resources"), field("due_date", "Due date", { type: "date" }),
    select("rag", "RAG status", [["", "No change"], ["red", "Red"], ["amber", "Amber"], ["green", "Green"]]),
    select("status", "Status", [["", "No change"], ["open", "Open"], ["done", "Done"]]),
    field("note", "What the review found"),
    h("button", { class: "ds_button ds_button--secondary", type: "submit" }, "Save review"));
  form.addEventListener("submit", async (e) => {
    e.preventDefault();
    const v = (id: string) => (form.querySelector(`#${id}`) as HTMLInputElement).value.trim();
    const body: Record<string, string> = { note: v("note") };
    for (const k of ["owner", "resources", "due_date", "rag", "status"]) if (v(k)) body[k] = v(k);
    try {
      await call("POST", `/plan-actions/${v("action")}/reviews`, body);
      await assessmentPage(String(a.id));
    } catch (err) {
      if (err instanceof ApiError) showErrors(form, [{ field: err.field, message: err.message }]);
      else throw err;
    }
  });
  return form;
}
