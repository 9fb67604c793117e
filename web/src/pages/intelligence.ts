// Intelligence records (analysts of the holding organisation): the list and review queue, one
// record with its reviews and disclosures, and the disclosures an organisation has received.
import { ApiError, Disclosure, IntelRecord, LawfulBases, Organisation, Session, call } from "../api";
import { field, h, render, select, showErrors, table } from "../dom";

export function grading(r: IntelRecord): string {
  const g = r.grading;
  const legacy = g.legacy ? ` (from 5x5x5 ${g.legacy.source}${g.legacy.intelligence}${g.legacy.handling})` : "";
  return `${g.source}${g.information}${g.handling}${legacy}`;
}

function reviewCell(r: IntelRecord): HTMLElement | string {
  if (!r.review_on) return "No date";
  return r.review_due ? h("strong", { class: "ds_tag cairn-tag--warning" }, `Overdue since ${r.review_on}`) : r.review_on;
}

export async function intelligencePage(query: URLSearchParams): Promise<void> {
  const due = query.get("due") === "true";
  const list = await call<{ records: IntelRecord[]; total: number }>("GET", `/intelligence?limit=500${due ? "&due=true" : ""}`);
  render(due ? "Intelligence due for review" : "Intelligence records",
    h("p", {}, "Records your organisation holds. Only your organisation's analysts see them, and each view is audited."),
    h("p", {}, due ? h("a", { href: "#/intelligence" }, "Show all records")
      : h("a", { href: "#/intelligence?due=true", id: "review-queue" }, "Show only records due for review")),
    h("p", { id: "intel-count" }, `${list.total} record${list.total === 1 ? "" : "s"}`),
    table("Intelligence records", ["Subject", "Type", "Grading", "Originator", "Review by"], list.records.map((r) => [
      h("a", { href: `#/intelligence-record/${r.id}` }, r.subject.name || r.subject.id),
      r.subject.type, grading(r), r.originator, reviewCell(r)])));
}

export async function intelligenceRecordPage(id: string, session: Session): Promise<void> {
  const [r, bases, { organisations }] = await Promise.all([
    call<IntelRecord>("GET", `/intelligence/${encodeURIComponent(id)}`),
    call<LawfulBases>("GET", "/lawful-bases"),
    call<{ organisations: Organisation[] }>("GET", "/organisations"),
  ]);
  const s = r.subject;
  const facts: [string, HTMLElement | string][] = [
    ["Reference", s.id], ["Type", s.type],
    ["Grading (3x5x2)", grading(r)],
    ["Handling conditions", r.grading.handling_conditions ?? "None"],
    ["Originator", r.originator], ["Recorded", r.recorded_on], ["Review by", reviewCell(r)],
    ["Source", `${r.source.file.split("/").pop()} line ${r.source.line}`],
  ];
  for (const [k, v] of [["Date of birth", s.date_of_birth], ["Company number", s.company_number], ["Address", s.address],
    ["Postcode", s.postcode], ["SOC group", s.socg_reference]] as [string, string | undefined][]) {
    if (v) facts.push([k, v]);
  }
  if (r.entity) facts.push(["In the network", h("a", { href: `#/entity/${r.entity.id}` }, r.entity.name || r.entity.id)]);
  render(s.name || s.id,
    h("dl", { class: "ds_summary-list" }, facts.map(([k, v]) =>
      h("div", { class: "ds_summary-list__item" }, h("dt", { class: "ds_summary-list__key" }, k), h("dd", { class: "ds_summary-list__value" }, v)))),
    h("section", { "aria-labelledby": "reviews-title" },
      h("h2", { id: "reviews-title" }, "Reviews"),
      (r.reviews ?? []).length === 0 ? h("p", {}, "Not reviewed in Cairn yet.") :
        table("Reviews", ["When", "By", "Next review", "Note"], (r.reviews ?? []).map((v) => [v.reviewed_at.slice(0, 10), v.reviewer, v.next_review_on, v.note])),
      reviewForm(r, session)),
    h("section", { "aria-labelledby": "disclosures-title" },
      h("h2", { id: "disclosures-title" }, "Disclosures"),
      (r.disclosures ?? []).length === 0 ? h("p", {}, "Nothing disclosed from this record.") :
        table("Disclosures", ["When", "To", "Released", "Basis"], (r.disclosures ?? []).map((d) =>
          [d.disclosed_at.slice(0, 10), d.to_organisation.name, d.released_text, basisText(d, bases)])),
      discloseForm(r, bases, organisations.filter((o) => o.id !== session.user.organisation_id), session)));
}

function basisText(d: Disclosure, bases: LawfulBases): string {
  const basis = bases.bases.find((b) => b.code === d.lawful_basis)?.title ?? d.lawful_basis;
  const condition = d.schedule1_condition ? bases.schedule1_conditions.find((c) => c.code === d.schedule1_condition)?.title : "";
  return condition ? `${basis}; ${condition}` : basis;
}

// Draws the record again (so its reviews and disclosures show what was just recorded) and says
// so under the form that did it.
async function redraw(r: IntelRecord, session: Session, formId: string, text: string): Promise<void> {
  await intelligenceRecordPage(String(r.id), session);
  document.querySelector(`#${formId} .cairn-status`)!.replaceChildren(
    h("div", { class: "ds_inset-text" }, h("p", { class: "ds_inset-text__text" }, text)));
}

function reviewForm(r: IntelRecord, session: Session): HTMLElement {
  const form = h("form", { novalidate: true, id: "review-form" },
    h("h3", {}, "Record a review"),
    field("next_review_on", "Next review date", { hint: "YYYY-MM-DD, after today", type: "date" }),
    field("note", "What the review found"),
    h("button", { class: "ds_button", type: "submit" }, "Record review"),
    h("div", { class: "cairn-status", "aria-live": "polite" }));
  form.addEventListener("submit", async (e) => {
    e.preventDefault();
    const value = (name: string) => (form.querySelector(`#${name}`) as HTMLInputElement).value;
    try {
      await call("POST", `/intelligence/${r.id}/reviews`, { next_review_on: value("next_review_on"), note: value("note") });
      await redraw(r, session, "review-form", `Review recorded. The next review is due on ${value("next_review_on")}.`);
    } catch (err) {
      if (err instanceof ApiError) showErrors(form, [{ field: err.field, message: err.message }]);
      else throw err;
    }
  });
  return form;
}

function discloseForm(r: IntelRecord, bases: LawfulBases, organisations: Organisation[], session: Session): HTMLElement {
  const conditionField = select("schedule1_condition", "DPA 2018 Schedule 1 condition",
    [["", "Choose a condition"], ...bases.schedule1_conditions.map((c): [string, string] => [c.code, c.title])]);
  const form = h("form", { novalidate: true, id: "disclose-form" },
    h("h3", {}, "Disclose to a partner"),
    h("p", {}, "The receiving organisation sees only the text you release, with the basis and conditions; never this record."),
    select("to_organisation_id", "To", [["", "Choose an organisation"], ...organisations.map((o): [string, string] => [String(o.id), o.name])]),
    h("div", { class: "ds_question", id: "released_text-question" },
      h("label", { class: "ds_label", for: "released_text" }, "What is released"),
      h("textarea", { class: "ds_input", id: "released_text", name: "released_text", rows: 4 })),
    select("lawful_basis", "Lawful basis", [["", "Choose a basis"], ...bases.bases.map((b): [string, string] => [b.code, b.title])]),
    conditionField,
    field("handling_conditions", "Handling conditions", {
      hint: r.grading.handling === "C" ? `Required: the record is handling code C (${r.grading.handling_conditions ?? ""})` : "Optional",
    }),
    h("button", { class: "ds_button", type: "submit" }, "Record disclosure"),
    h("div", { class: "cairn-status", "aria-live": "polite" }));
  const basis = form.querySelector("#lawful_basis") as HTMLSelectElement;
  const showCondition = () => {
    conditionField.hidden = !bases.bases.find((b) => b.code === basis.value)?.needs_condition;
  };
  basis.addEventListener("change", showCondition);
  showCondition();
  form.addEventListener("submit", async (e) => {
    e.preventDefault();
    const value = (name: string) => (form.querySelector(`#${name}`) as HTMLInputElement).value;
    const body: Record<string, unknown> = {
      to_organisation_id: Number(value("to_organisation_id")), released_text: value("released_text"),
      lawful_basis: value("lawful_basis"), handling_conditions: value("handling_conditions"),
    };
    if (!conditionField.hidden) body.schedule1_condition = value("schedule1_condition");
    try {
      const d = await call<Disclosure>("POST", `/intelligence/${r.id}/disclosures`, body);
      await redraw(r, session, "disclose-form", `Disclosure recorded: ${d.to_organisation.name} can now see the released text.`);
    } catch (err) {
      if (err instanceof ApiError) showErrors(form, [{ field: err.field, message: err.message }]);
      else throw err;
    }
  });
  return form;
}

export async function disclosuresPage(session: Session): Promise<void> {
  const [received, bases] = await Promise.all([
    call<{ disclosures: Disclosure[] }>("GET", "/disclosures"),
    call<LawfulBases>("GET", "/lawful-bases"),
  ]);
  const made = session.user.role === "analyst"
    ? (await call<{ disclosures: Disclosure[] }>("GET", "/disclosures?direction=made")).disclosures : null;
  render("Shared intelligence",
    h("section", { "aria-labelledby": "received-title" },
      h("h2", { id: "received-title" }, "Shared with your organisation"),
      received.disclosures.length === 0 ? h("p", {}, "Nothing has been shared with your organisation.") :
        table("Received", ["When", "From", "What was released", "Basis", "Handling conditions"], received.disclosures.map((d) =>
          [d.disclosed_at.slice(0, 10), d.from_organisation.name, d.released_text, basisText(d, bases), d.handling_conditions || "None"]))),
    made === null ? null : h("section", { "aria-labelledby": "made-title" },
      h("h2", { id: "made-title" }, "Shared by your organisation"),
      made.length === 0 ? h("p", {}, "Your organisation has shared nothing yet.") :
        table("Made", ["When", "To", "What was released", "Basis", "Record"], made.map((d) =>
          [d.disclosed_at.slice(0, 10), d.to_organisation.name, d.released_text, basisText(d, bases),
            h("a", { href: `#/intelligence-record/${d.record}` }, "Open the record")]))));
}
