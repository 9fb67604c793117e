// Training: the courses, your organisation's completions, and coverage per organisation — the
// people who completed a course against the staff in scope for it.
import { ApiError, Session, call } from "../api";
import { field, h, render, select, showErrors, table } from "../dom";

interface Course { code: string; title: string; audience: string; provider: string }
interface Coverage {
  organisation: string; course: string; title: string; completed: number; staff_in_scope: number | null; coverage: number | null;
}

function post(form: HTMLFormElement, path: string, body: () => Record<string, unknown>): HTMLFormElement {
  form.addEventListener("submit", async (e) => {
    e.preventDefault();
    try {
      await call("POST", path, body());
      await trainingPage(null);
    } catch (err) {
      if (err instanceof ApiError) showErrors(form, [{ field: err.field, message: err.message }]);
      else throw err;
    }
  });
  return form;
}

export async function trainingPage(session: Session | null): Promise<void> {
  const [{ courses }, { coverage, completions }, { resources }] = await Promise.all([
    call<{ courses: Course[] }>("GET", "/training/courses"),
    call<{ coverage: Coverage[]; completions: { course_id: number; person: string; completed_on: string }[] }>("GET", "/training/coverage"),
    call<{ resources: { id: number; title: string; course: string; version: number }[] }>("GET", "/resources"),
  ]);
  const materials = (code: string) => {
    const mine = resources.filter((r) => r.course === code && r.version > 0);
    return mine.length === 0 ? "—" : h("span", {}, mine.map((r, i) => [i ? ", " : "",
      h("a", { href: `/api/v1/resources/${r.id}/file`, download: "" }, r.title)]).flat());
  };
  const options = courses.map((c): [string, string] => [c.code, c.title]);
  const v = (f: HTMLFormElement, id: string) => (f.querySelector(`#${id}`) as HTMLInputElement).value.trim();
  const done = h("form", { novalidate: true, id: "completion-form" }, h("h2", {}, "Record a completion"),
    select("course", "Course", options), field("person", "Who", { hint: "As your organisation names the member of staff." }),
    field("completed_on", "Completed on", { type: "date" }),
    h("button", { class: "ds_button ds_button--secondary", type: "submit" }, "Record"));
  const scope = h("form", { novalidate: true, id: "scope-form" }, h("h2", {}, "Staff in scope"),
    select("scope_course", "Course", options), field("staff_in_scope", "How many of your staff should take it", { type: "number" }),
    h("button", { class: "ds_button ds_button--secondary", type: "submit" }, "Save"));
  render("Training",
    table("Courses", ["Course", "For", "Provider", "Materials"], courses.map((c) => [c.title, c.audience, c.provider, materials(c.code)])),
    h("section", { "aria-labelledby": "coverage-title" }, h("h2", { id: "coverage-title" }, "Coverage"),
      coverage.length === 0 ? h("p", {}, "No completions or staff in scope recorded yet.") :
        table("Coverage by organisation", ["Organisation", "Course", "People completed", "Staff in scope", "Coverage"], coverage.map((c) => [
          c.organisation, c.title, String(c.completed), c.staff_in_scope === null ? "Not declared" : String(c.staff_in_scope),
          c.coverage === null ? "—" : `${Math.round(c.coverage * 100)}%`]))),
    completions.length === 0 ? null : table("Your organisation's completions", ["Completed", "Who"],
      completions.map((c) => [c.completed_on, c.person])),
    session?.user.role === "auditor" ? null : post(done, "/training/completions", () =>
      ({ course: v(done, "course"), person: v(done, "person"), completed_on: v(done, "completed_on") })),
    session?.user.role === "auditor" ? null : post(scope, "/training/scope", () =>
      ({ course: v(scope, "scope_course"), staff_in_scope: Number(v(scope, "staff_in_scope")) })));
}
