import { ApiError, AuditEntry, call } from "../api";
import { field, h, render, showErrors, table } from "../dom";

const FILTERS: [string, string, string][] = [
  ["user_id", "User id", ""], ["organisation_id", "Organisation id", ""],
  ["record_type", "Record type", "e.g. user, organisation, session, audit_log"], ["record_id", "Record id", ""],
  ["from", "From", "YYYY-MM-DD or a full timestamp"], ["to", "Before", "YYYY-MM-DD or a full timestamp"],
];

export async function auditPage(): Promise<void> {
  const form = h("form", { novalidate: true, "aria-label": "Filter the audit log" },
    h("div", { class: "cairn-filters" }, FILTERS.map(([name, label, hint]) => field(name, label, { hint: hint || undefined }))),
    h("button", { class: "ds_button", type: "submit" }, "Show entries"));
  const results = h("div", { id: "audit-results" });
  let before = 0;

  const load = async (append: boolean) => {
    const params = new URLSearchParams();
    new FormData(form).forEach((v, k) => { if (String(v).trim()) params.set(k, String(v).trim()); });
    params.set("limit", "50");
    if (append && before) params.set("before", String(before));
    try {
      const page = await call<{ entries: AuditEntry[]; next_before: number | null }>("GET", `/audit?${params}`);
      showErrors(form, []);
      before = page.next_before ?? 0;
      const rows = page.entries.map((e) => [String(e.seq), e.at.replace("T", " ").replace("Z", ""), e.actor,
        e.action, e.record_type, e.record_id, e.outcome, e.source, JSON.stringify(e.detail)]);
      const existing = results.querySelector("tbody");
      if (append && existing) {
        rows.forEach((r) => existing.append(h("tr", {}, r.map((c) => h("td", {}, c)))));
      } else {
        results.replaceChildren(table("Audit entries, newest first",
          ["#", "When (UTC)", "Who", "Action", "Record type", "Record id", "Outcome", "From", "Detail"], rows));
      }
      results.querySelector("#older")?.remove();
      if (before) results.append(h("button", { class: "ds_button ds_button--secondary", id: "older", type: "button", onclick: () => void load(true) }, "Older entries"));
      if (!page.entries.length && !append) results.replaceChildren(h("p", {}, "No entries match."));
    } catch (err) {
      if (!(err instanceof ApiError)) throw err;
      showErrors(form, [{ field: err.field, message: err.message }]);
    }
  };
  form.addEventListener("submit", (e) => { e.preventDefault(); void load(false); });

  render("Audit log",
    h("p", { class: "ds_leader" }, "Every change, every sign-in and every read of restricted records, in a tamper-evident chain. Reading this log is itself recorded."),
    form, results);
  await load(false);
}
