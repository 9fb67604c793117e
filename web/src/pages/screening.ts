// Bidder screening: a partner registers a tender and sees each bidder's result (and, once the
// police SPOC has decided a referral, what was released); the SPOC works the referral queue.
import { ApiError, LawfulBases, call } from "../api";
import { field, h, render, select, showErrors, table } from "../dom";
import { indicatorName } from "./findings";

export interface TenderBidder {
  id: number; name: string; company_number: string; address: string; postcode: string;
  declaration_signed: boolean; declaration_date: string; sia_approved: boolean;
  result: "no_concerns" | "refer"; reference: string; screened_at: string; probity?: string[];
  decision?: Released | null;
}
export interface Released {
  outcome: string; decided_at: string; released_text?: string; lawful_basis?: string; schedule1_condition?: string;
  handling_conditions?: string; regulation?: string; valid_until?: string;
}
export interface Tender {
  id: number; organisation: string; buyer: string; title: string; category: string; value: number; cpv: string[];
  created_at: string; bidders?: TenderBidder[];
}
interface Reason { indicator: string; summary: string; finding_id?: number; restricted?: boolean }
interface Referral {
  id: number; status: "open" | "decided"; reasons: Reason[]; bidder: TenderBidder; entity_id: string; tender: Tender;
  decision?: Record<string, string>;
}
interface Ground { code: string; title: string; ground: string; valid_years: number }

const OUTCOMES: [string, string][] = [
  ["no_action", "No action"],
  ["enhanced_checks", "Enhanced probity checks"],
  ["information_released", "Release information"],
  ["exclusion_mandatory", "Mandatory exclusion ground"],
  ["exclusion_discretionary", "Discretionary exclusion ground"],
];
const outcomeName = (code: string) => OUTCOMES.find(([c]) => c === code)?.[1] ?? code;

const CSV_HEADER = "name,company_number,address,postcode,declaration_signed,declaration_date,sia_approved";

function resultTag(b: TenderBidder): HTMLElement {
  return h("strong", { class: b.result === "refer" ? "ds_tag ds_tag--orange" : "ds_tag ds_tag--green" },
    b.result === "refer" ? "Refer" : "No concerns");
}

// What the partner may know of a decided referral.
function releasedText(d: Released | null | undefined): HTMLElement | string {
  if (!d) return "";
  if (d.outcome === "information_released") {
    return h("div", {}, h("p", {}, h("strong", {}, "Released: "), d.released_text ?? ""),
      h("p", {}, `Lawful basis: ${d.lawful_basis}${d.schedule1_condition ? ` (${d.schedule1_condition})` : ""}`),
      h("p", {}, `Handling conditions: ${d.handling_conditions}`));
  }
  if (d.outcome.startsWith("exclusion_")) {
    return h("div", {}, h("p", {}, h("strong", {}, `${outcomeName(d.outcome)}: `), d.regulation ?? ""),
      h("p", {}, `Applies until ${d.valid_until}`));
  }
  return outcomeName(d.outcome);
}

export async function tendersPage(): Promise<void> {
  const { tenders } = await call<{ tenders: Tender[] }>("GET", "/tenders");
  render("Screening",
    h("p", {}, "Register a tender and its bidders: each bidder is screened against the network and gets ",
      h("em", {}, "no concerns"), " or ", h("em", {}, "refer"), " with a reference. Referrals go to the police single point of contact, who decides what may be released."),
    registerForm(),
    h("section", { "aria-labelledby": "tenders-title" },
      h("h2", { id: "tenders-title" }, "Your organisation's tenders"),
      tenders.length === 0 ? h("p", {}, "No tenders yet.") :
        table("Tenders", ["Tender", "Buyer", "Category", "Value", "Registered"], tenders.map((t) => [
          h("a", { href: `#/tender/${t.id}` }, t.title), t.buyer, t.category, t.value ? `£${t.value.toLocaleString("en-GB")}` : "",
          t.created_at.slice(0, 10)])),
      h("p", {}, h("a", { class: "ds_button ds_button--secondary", href: "/api/v1/tenders/export?format=csv", download: "cairn-screening.csv" },
        "Download results (CSV)"))));
}

function registerForm(): HTMLFormElement {
  const csv = h("textarea", { class: "ds_input", id: "bidders_csv", rows: 6 }, `${CSV_HEADER}\n`);
  const file = h("input", { class: "ds_file-upload", type: "file", id: "bidders_file", accept: ".csv,text/csv" });
  file.addEventListener("change", async () => {
    const f = file.files?.[0];
    if (f) csv.value = await f.text();
  });
  const form = h("form", { novalidate: true, id: "tender-form" },
    h("h2", {}, "Register a tender"),
    field("buyer", "Buyer"),
    field("title", "Title"),
    select("category", "Category", [["services", "Services"], ["goods", "Goods"], ["works", "Works"]], "services"),
    field("value", "Estimated value (£)", { type: "number" }),
    field("cpv", "CPV codes", { hint: "Separated by commas, e.g. 79710000" }),
    h("div", { class: "ds_question", id: "bidders_csv-question" },
      h("label", { class: "ds_label", for: "bidders_csv" }, "Bidders"),
      h("p", { class: "ds_hint-text" }, `One per line, CSV with the header ${CSV_HEADER}. Only name is required; declaration_signed and sia_approved are yes or no. A bad row refuses the whole upload.`),
      csv),
    h("div", { class: "ds_question" }, h("label", { class: "ds_label", for: "bidders_file" }, "Or upload a CSV file"), file),
    h("button", { class: "ds_button", type: "submit" }, "Register and screen"));
  form.addEventListener("submit", async (e) => {
    e.preventDefault();
    const value = (id: string) => (form.querySelector(`#${id}`) as HTMLInputElement).value.trim();
    const cpv = value("cpv").split(",").map((c) => c.trim()).filter((c) => c !== "");
    try {
      const t = await call<Tender>("POST", "/tenders", {
        buyer: value("buyer"), title: value("title"), category: value("category"),
        value: value("value") === "" ? 0 : Number(value("value")), cpv, bidders_csv: csv.value,
      });
      location.hash = `/tender/${t.id}`;
    } catch (err) {
      if (err instanceof ApiError) showErrors(form, [{ field: err.field, message: err.message }]);
      else throw err;
    }
  });
  return form;
}

export async function tenderPage(id: string): Promise<void> {
  const t = await call<Tender>("GET", `/tenders/${encodeURIComponent(id)}`);
  const bidders = t.bidders ?? [];
  const referred = bidders.filter((b) => b.result === "refer").length;
  render(t.title,
    h("dl", { class: "ds_summary-list" }, ([["Buyer", t.buyer], ["Category", t.category],
      ["Value", t.value ? `£${t.value.toLocaleString("en-GB")}` : "Not given"], ["CPV", t.cpv.join(", ") || "None"],
      ["Registered", t.created_at.slice(0, 10)]] as [string, string][]).map(([k, v]) =>
      h("div", { class: "ds_summary-list__item" }, h("dt", { class: "ds_summary-list__key" }, k), h("dd", { class: "ds_summary-list__value" }, v)))),
    h("p", {}, referred === 0 ? "No bidder needs referring." :
      `${referred} of ${bidders.length} bidders referred to the police single point of contact. Quote the reference if you contact them.`),
    referred === 0 ? null : h("div", { class: "ds_inset-text", id: "refer-guidance" }, h("div", { class: "ds_inset-text__text" },
      h("strong", {}, "Do not alert the bidder"), " or tell them a check is being made; carry on with the evaluation until the SPOC replies. ",
      h("a", { href: "#/guidance/refer-what-happens-next" }, "What happens next and what not to do"), ".")),
    table("Bidders", ["Bidder", "Company number", "Result", "Reference", "Probity", "Police decision"], bidders.map((b) => [
      b.name, b.company_number, resultTag(b), b.reference,
      (b.probity ?? []).length === 0 ? "Declaration signed" : h("ul", {}, (b.probity ?? []).map((p) => h("li", {}, p))),
      b.result === "refer" ? (b.decision ? releasedText(b.decision) : "Awaiting decision") : ""])));
}

export async function referralsPage(): Promise<void> {
  const { referrals } = await call<{ referrals: Referral[] }>("GET", "/referrals");
  render("Referrals",
    h("p", {}, "Bidders that screening referred to your organisation. Partners see only the result and reference until you decide; then exactly what you release."),
    referrals.length === 0 ? h("p", {}, "No referrals.") :
      table("Referrals", ["Bidder", "Tender", "From", "Reference", "Status"], referrals.map((r) => [
        h("a", { href: `#/referral/${r.id}` }, r.bidder.name), r.tender.title, r.tender.organisation, r.bidder.reference,
        r.status === "open" ? h("strong", { class: "ds_tag ds_tag--orange" }, "Open") : outcomeName(r.decision?.outcome ?? "")])));
}

export async function referralPage(id: string): Promise<void> {
  const [r, bases, { exclusion_grounds }] = await Promise.all([
    call<Referral>("GET", `/referrals/${encodeURIComponent(id)}`),
    call<LawfulBases>("GET", "/lawful-bases"),
    call<{ exclusion_grounds: Ground[] }>("GET", "/exclusion-grounds"),
  ]);
  render(`Referral: ${r.bidder.name}`,
    h("dl", { class: "ds_summary-list" }, ([["Reference", r.bidder.reference], ["Tender", r.tender.title],
      ["Buyer", r.tender.buyer], ["Registered by", r.tender.organisation], ["Company number", r.bidder.company_number || "Not given"],
      ["In the network", r.entity_id ? h("a", { href: `#/entity/${r.entity_id}` }, r.entity_id) : "Not found"]] as [string, string | HTMLElement][]).map(([k, v]) =>
      h("div", { class: "ds_summary-list__item" }, h("dt", { class: "ds_summary-list__key" }, k), h("dd", { class: "ds_summary-list__value" }, v)))),
    h("section", { "aria-labelledby": "reasons-title" },
      h("h2", { id: "reasons-title" }, "Why screening referred"),
      h("ul", {}, r.reasons.map((x) => h("li", {},
        x.finding_id ? h("a", { href: `#/finding/${x.finding_id}` }, indicatorName(x.indicator)) : indicatorName(x.indicator),
        `: ${x.summary}`, x.restricted ? " (intelligence)" : "")))),
    r.status === "decided" ? decidedSection(r) : decisionForm(r, bases, exclusion_grounds),
    h("p", {}, h("a", { class: "ds_button ds_button--secondary", href: `#/tasks?source=referral&id=${r.id}` },
      "Make a task of this referral")));
}

function decidedSection(r: Referral): HTMLElement {
  const d = r.decision ?? {};
  const rows: [string, string][] = [["Outcome", outcomeName(d.outcome)], ["Rationale", d.rationale], ["Decided by", d.decided_by],
    ["Decided", (d.decided_at ?? "").slice(0, 10)]];
  for (const [k, key] of [["Released", "released_text"], ["Lawful basis", "lawful_basis"], ["Schedule 1 condition", "schedule1_condition"],
    ["Handling conditions", "handling_conditions"], ["Regulation", "regulation"], ["Date of the event", "event_date"], ["Applies until", "valid_until"]]) {
    if (d[key]) rows.push([k, d[key]]);
  }
  return h("section", { "aria-labelledby": "decision-title" }, h("h2", { id: "decision-title" }, "Decision"),
    h("dl", { class: "ds_summary-list" }, rows.map(([k, v]) =>
      h("div", { class: "ds_summary-list__item" }, h("dt", { class: "ds_summary-list__key" }, k), h("dd", { class: "ds_summary-list__value" }, v)))));
}

function textarea(id: string, label: string, hint: string): HTMLElement {
  return h("div", { class: "ds_question", id: `${id}-question` },
    h("label", { class: "ds_label", for: id }, label), h("p", { class: "ds_hint-text" }, hint),
    h("textarea", { class: "ds_input", id, rows: 3 }));
}

function decisionForm(r: Referral, bases: LawfulBases, grounds: Ground[]): HTMLElement {
  const form = h("form", { novalidate: true, id: "decision-form" },
    h("h2", {}, "Decide"),
    select("outcome", "Outcome", OUTCOMES, "no_action"),
    textarea("released_text", "What is released", "For a release: exactly what the partner will read."),
    select("lawful_basis", "Lawful basis", [["", "Choose"], ...bases.bases.map((b): [string, string] => [b.code, b.title])]),
    select("schedule1_condition", "Schedule 1 condition", [["", "None"], ...bases.schedule1_conditions.map((c): [string, string] => [c.code, c.title])]),
    field("handling_conditions", "Handling conditions", { hint: "For a release: who may see it and what they may do with it." }),
    select("regulation", "Exclusion ground", [["", "Choose"], ...grounds.map((g): [string, string] => [g.code, `${g.title} (${g.valid_years} years)`])]),
    field("event_date", "Date of the conviction or conduct", { type: "date" }),
    textarea("rationale", "Rationale", "Required: what the decision rests on. The partner does not see it."),
    h("button", { class: "ds_button", type: "submit" }, "Record decision"));
  form.addEventListener("submit", async (e) => {
    e.preventDefault();
    const value = (id: string) => (form.querySelector(`#${id}`) as HTMLInputElement).value.trim();
    const body: Record<string, string> = { outcome: value("outcome"), rationale: value("rationale") };
    for (const k of ["released_text", "lawful_basis", "schedule1_condition", "handling_conditions", "regulation", "event_date"]) {
      if (value(k) !== "") body[k] = value(k);
    }
    try {
      await call("POST", `/referrals/${r.id}/decision`, body);
      await referralPage(String(r.id));
    } catch (err) {
      if (err instanceof ApiError) showErrors(form, [{ field: err.field, message: err.message }]);
      else throw err;
    }
  });
  return form;
}
