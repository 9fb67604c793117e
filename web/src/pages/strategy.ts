// The strategy: each strand's aim and lead, and progress against each of its objectives in a
// period — tasks opened, done and declined, open and overdue now, and the outcomes counted.
import { call } from "../api";
import { field, h, render, table } from "../dom";

export interface ObjectiveProgress {
  id: number; code: string; title: string; opened: number; done: number; declined: number; open_now: number;
  overdue_now: number; outcomes: Record<string, number>; plan_actions: { open: number; done: number };
}
export interface StrandProgress {
  code: string; name: string; aim: string; lead_organisation: string; lead_person: string;
  objectives: ObjectiveProgress[]; total: ObjectiveProgress;
}
export interface StrategyProgress { from: string; to: string; strands: StrandProgress[] }

const OUTCOME_NAMES: Record<string, string> = {
  licence_refused: "licences refused", licence_revoked: "licences revoked or suspended", premises_closed: "premises closed",
  contract_not_awarded: "contracts not awarded", arrests: "arrests", people_safeguarded: "people safeguarded",
  cash_seized_pence: "cash seized", assets_seized_pence: "assets seized or restrained", referrals_made: "referrals made",
};

export function outcomeText(outcomes: Record<string, number>): string {
  const parts = Object.entries(outcomes).map(([type, n]) => type.endsWith("_pence")
    ? `£${(n / 100).toLocaleString("en-GB", { minimumFractionDigits: 2, maximumFractionDigits: 2 })} ${OUTCOME_NAMES[type] ?? type}`
    : `${n} ${OUTCOME_NAMES[type] ?? type}`);
  return parts.length ? parts.join("; ") : "None yet";
}

export async function strategyPage(q: URLSearchParams): Promise<void> {
  const params = new URLSearchParams();
  for (const k of ["from", "to"]) if (q.get(k)) params.set(k, q.get(k)!);
  const p = await call<StrategyProgress>("GET", `/strategy?${params}`);
  const form = h("form", { novalidate: true, id: "period-form" },
    field("from", "From", { type: "date", value: p.from }), field("to", "Up to (not including)", { type: "date", value: p.to }),
    h("button", { class: "ds_button ds_button--secondary", type: "submit" }, "Show period"));
  form.addEventListener("submit", (e) => {
    e.preventDefault();
    const v = (id: string) => (form.querySelector(`#${id}`) as HTMLInputElement).value;
    location.hash = `/strategy?from=${v("from")}&to=${v("to")}`;
  });
  render("The strategy",
    h("p", {}, `Progress against each objective from ${p.from} up to ${p.to}: the tasks linked to it and what they achieved.`),
    form,
    h("p", { id: "progress-report" }, "Progress report for this period: ",
      ...(["html", "pdf", "xlsx"] as const).flatMap((f, i) => [i ? " · " : "",
        h("a", { href: `/api/v1/reports/progress?from=${p.from}&to=${p.to}&format=${f}`,
          ...(f === "html" ? { target: "_blank", rel: "noopener" } : { download: `cairn-progress-${p.from}.${f}` }) },
          f === "html" ? "Web page" : f.toUpperCase())])),
    p.strands.map((s) => h("section", { "aria-labelledby": `strand-${s.code}`, id: `strand-section-${s.code}` },
      h("h2", { id: `strand-${s.code}` }, s.name),
      h("p", { class: "ds_lead" }, s.aim),
      h("p", {}, `Lead: ${s.lead_person || s.lead_organisation}`),
      table(`${s.name}: progress by objective`, ["Objective", "Opened", "Done", "Declined", "Open now", "Overdue now", "Outcomes",
        "Action-plan items (done)"],
        [...s.objectives, s.total].map((o) => [`${o.code === s.code ? "" : `${o.code}: `}${o.title}`, String(o.opened), String(o.done),
          String(o.declined), String(o.open_now), String(o.overdue_now), outcomeText(o.outcomes),
          `${o.plan_actions.open + o.plan_actions.done} (${o.plan_actions.done})`])),
      h("p", {}, h("a", { href: `#/tasks?strand=${s.code}` }, `${s.name} tasks`), " · ",
        h("a", { href: `#/board?strand=${s.code}` }, `${s.name} on the tasking board`)))));
}
