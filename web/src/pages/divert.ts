// Divert and victims: people at risk, worked only by the organisations named on each case.
// Minimal personal data (initials or a pseudonym, an age band, a council area) and consent on
// every case; the NRM's decisions and the 90-day support clock for trafficking; a nominated
// neighbour and a no-cold-calling zone for doorstep crime.
import { ApiError, Organisation, call } from "../api";
import { field, h, render, select, showErrors, table } from "../dom";

interface DivertCase {
  id: number; reference: string; kind: string; label: string; age_band: string; council_area: string; consent: string;
  consent_note: string; lead_organisation: string; status: string; closed_reason: string;
  organisations: { id: number; name: string }[]; notes: { at: string; by: string; text: string }[]; lead: boolean;
  created_at: string;
  nrm?: { referred_on: string; reasonable_grounds: string; reasonable_grounds_on: string; conclusive_grounds: string;
    conclusive_grounds_on: string; support: { running: boolean; support_until: string; days_remaining: number; due_soon: boolean } };
  doorstep?: { nominated_neighbour: boolean; ncc_zone_requested_on: string };
}

const KINDS: [string, string][] = [["young_person", "Young person being drawn into SOC"],
  ["trafficking_victim", "Potential victim of human trafficking"], ["doorstep_victim", "Older victim of doorstep crime"]];
const kindName = (k: string) => KINDS.find(([c]) => c === k)?.[1] ?? k;
const DECISIONS: [string, string][] = [["", "No change"], ["pending", "Pending"], ["positive", "Positive"], ["negative", "Negative"]];

function formError(form: HTMLFormElement, err: unknown): void {
  if (err instanceof ApiError) showErrors(form, [{ field: err.field, message: err.message }]);
  else throw err;
}

function clockText(c: DivertCase): HTMLElement | string {
  const s = c.nrm?.support;
  if (!s || !s.support_until) return "Not started: it starts with a positive reasonable grounds decision";
  if (!s.running) return `Support from the positive reasonable grounds decision ran to at least ${s.support_until}; the conclusive decision is made`;
  return h("span", {}, `At least until ${s.support_until}: `,
    h("strong", { class: s.due_soon ? "ds_tag ds_tag--orange" : "ds_tag" },
      s.days_remaining >= 0 ? `${s.days_remaining} days left` : `${-s.days_remaining} days past`));
}

export async function divertPage(): Promise<void> {
  const [{ cases, age_bands }, { organisations }] = await Promise.all([
    call<{ cases: DivertCase[]; age_bands: string[] }>("GET", "/divert"),
    call<{ organisations: Organisation[] }>("GET", "/organisations"),
  ]);
  render("Divert and victims",
    h("p", {}, "People at risk, seen only by the organisations working their case. Every time a case is opened it is recorded. Give initials or a pseudonym, never a full name."),
    cases.length === 0 ? h("p", {}, "Your organisation works no cases.") :
      table("Cases", ["Case", "Kind", "Area", "Lead", "Status", "Support clock"], cases.map((c) => [
        h("a", { href: `#/divert-case/${c.id}` }, `${c.reference} (${c.label})`), kindName(c.kind), c.council_area,
        c.lead_organisation, c.status === "open" ? "Open" : "Closed", c.kind === "trafficking_victim" ? clockText(c) : ""])),
    caseForm(age_bands, organisations));
}

function caseForm(bands: string[], organisations: Organisation[]): HTMLFormElement {
  const form = h("form", { novalidate: true, id: "case-form" },
    h("h2", {}, "Refer a person"),
    select("kind", "Who", KINDS, "young_person"),
    field("label", "Initials or a pseudonym", { hint: "At most 40 characters. Never a full name." }),
    select("age_band", "Age band", bands.map((b): [string, string] => [b, b])),
    field("council_area", "Council area"),
    select("consent", "Consent", [["given", "Given"], ["refused", "Refused"], ["not_sought", "Not sought"]], "given"),
    field("consent_note", "Why proceed without consent", { hint: "Needed if consent was refused or not sought, e.g. child protection." }),
    field("nrm_referred_on", "Referred to the National Referral Mechanism on", { type: "date", hint: "Trafficking only, if referred." }),
    select("other_organisation", "Another organisation to work the case", [["", "None"],
      ...organisations.map((o): [string, string] => [String(o.id), o.name])]),
    h("button", { class: "ds_button", type: "submit" }, "Refer"));
  form.addEventListener("submit", async (e) => {
    e.preventDefault();
    const v = (id: string) => (form.querySelector(`#${id}`) as HTMLInputElement).value.trim();
    const body: Record<string, unknown> = { kind: v("kind"), label: v("label"), age_band: v("age_band"),
      council_area: v("council_area"), consent: v("consent") };
    if (v("consent_note")) body.consent_note = v("consent_note");
    if (v("nrm_referred_on")) body.nrm_referred_on = v("nrm_referred_on");
    if (v("other_organisation")) body.organisations = [Number(v("other_organisation"))];
    try {
      const c = await call<DivertCase>("POST", "/divert", body);
      location.hash = `/divert-case/${c.id}`;
    } catch (err) {
      formError(form, err);
    }
  });
  return form;
}

function post(form: HTMLFormElement, c: DivertCase, path: string, body: () => Record<string, unknown>): HTMLFormElement {
  form.addEventListener("submit", async (e) => {
    e.preventDefault();
    try {
      await call("POST", `/divert/${c.id}/${path}`, body());
      await divertCasePage(String(c.id));
    } catch (err) {
      formError(form, err);
    }
  });
  return form;
}

export async function divertCasePage(id: string): Promise<void> {
  const c = await call<DivertCase>("GET", `/divert/${encodeURIComponent(id)}`);
  const { organisations } = c.lead ? await call<{ organisations: Organisation[] }>("GET", "/organisations") : { organisations: [] };
  const v = (form: HTMLFormElement, id: string) => (form.querySelector(`#${id}`) as HTMLInputElement).value.trim();
  const rows: [string, string | HTMLElement][] = [["Who", kindName(c.kind)], ["Age band", c.age_band], ["Council area", c.council_area],
    ["Consent", c.consent + (c.consent_note ? ` (${c.consent_note})` : "")], ["Lead", c.lead_organisation],
    ["Working the case", c.organisations.map((o) => o.name).join(", ")], ["Status", c.status + (c.closed_reason ? `: ${c.closed_reason}` : "")]];
  const open = c.status === "open";
  const content: (HTMLElement | null)[] = [
    h("dl", { class: "ds_summary-list" }, rows.map(([k, x]) => h("div", { class: "ds_summary-list__item" },
      h("dt", { class: "ds_summary-list__key" }, k), h("dd", { class: "ds_summary-list__value" }, x)))),
    h("p", {}, h("a", { class: "ds_button ds_button--secondary", href: `#/tasks?source=divert_referral&id=${c.id}` },
      "Make a task of this case"), " A task from a case can go only to an organisation working it."),
  ];
  if (c.nrm) {
    const n = c.nrm;
    const nrm = h("form", { novalidate: true, id: "nrm-form" },
      select("reasonable_grounds", "Reasonable grounds decision", DECISIONS),
      field("reasonable_grounds_on", "Reasonable grounds decision made on", { type: "date" }),
      select("conclusive_grounds", "Conclusive grounds decision", DECISIONS),
      field("conclusive_grounds_on", "Conclusive grounds decision made on", { type: "date" }),
      h("button", { class: "ds_button ds_button--secondary", type: "submit" }, "Record decision"));
    content.push(h("section", { "aria-labelledby": "nrm-title" }, h("h2", { id: "nrm-title" }, "National Referral Mechanism"),
      h("dl", { class: "ds_summary-list" }, ([["Referred", n.referred_on || "Not yet"],
        ["Reasonable grounds", n.reasonable_grounds ? `${n.reasonable_grounds}${n.reasonable_grounds_on ? ` (${n.reasonable_grounds_on})` : ""}` : "—"],
        ["Conclusive grounds", n.conclusive_grounds ? `${n.conclusive_grounds}${n.conclusive_grounds_on ? ` (${n.conclusive_grounds_on})` : ""}` : "—"],
        ["Support (at least 90 days)", clockText(c)]] as [string, string | HTMLElement][]).map(([k, x]) =>
        h("div", { class: "ds_summary-list__item" }, h("dt", { class: "ds_summary-list__key" }, k), h("dd", { class: "ds_summary-list__value" }, x)))),
      open ? post(nrm, c, "nrm", () => {
        const body: Record<string, string> = {};
        for (const k of ["reasonable_grounds", "reasonable_grounds_on", "conclusive_grounds", "conclusive_grounds_on"])
          if (v(nrm, k)) body[k] = v(nrm, k);
        return body;
      }) : null));
  }
  if (c.doorstep) {
    const d = c.doorstep;
    const door = h("form", { novalidate: true, id: "doorstep-form" },
      h("div", { class: "ds_checkbox" }, h("input", { class: "ds_checkbox__input", type: "checkbox", id: "nominated_neighbour",
        checked: d.nominated_neighbour }), h("label", { class: "ds_checkbox__label", for: "nominated_neighbour" }, "A nominated neighbour is in place")),
      h("div", { class: "ds_checkbox" }, h("input", { class: "ds_checkbox__input", type: "checkbox", id: "request_ncc_zone" }),
        h("label", { class: "ds_checkbox__label", for: "request_ncc_zone" }, "Request a no-cold-calling zone")),
      h("button", { class: "ds_button ds_button--secondary", type: "submit" }, "Save"));
    content.push(h("section", { "aria-labelledby": "door-title" }, h("h2", { id: "door-title" }, "Doorstep crime"),
      h("p", {}, `Nominated neighbour: ${d.nominated_neighbour ? "yes" : "no"}. No-cold-calling zone: ${d.ncc_zone_requested_on ? `requested ${d.ncc_zone_requested_on}` : "not requested"}.`),
      open ? post(door, c, "doorstep", () => ({
        nominated_neighbour: (door.querySelector("#nominated_neighbour") as HTMLInputElement).checked,
        request_ncc_zone: (door.querySelector("#request_ncc_zone") as HTMLInputElement).checked })) : null));
  }
  const note = h("form", { novalidate: true, id: "note-form" }, field("text", "Add to the case log"),
    h("button", { class: "ds_button ds_button--secondary", type: "submit" }, "Add note"));
  content.push(h("section", { "aria-labelledby": "log-title" }, h("h2", { id: "log-title" }, "Case log"),
    c.notes.length === 0 ? h("p", {}, "No notes.") :
      table("Case log", ["When", "Who", "Note"], c.notes.map((n) => [n.at.slice(0, 16).replace("T", " "), n.by, n.text])),
    open ? post(note, c, "notes", () => ({ text: v(note, "text") })) : null));
  if (c.lead && open) {
    const add = h("form", { novalidate: true, id: "member-form" },
      select("organisation_id", "Add an organisation to work the case", organisations.map((o): [string, string] => [String(o.id), o.name])),
      h("button", { class: "ds_button ds_button--secondary", type: "submit" }, "Add"));
    const close = h("form", { novalidate: true, id: "close-form" }, field("reason", "Close the case: why"),
      h("button", { class: "ds_button ds_button--secondary", type: "submit" }, "Close case"));
    content.push(post(add, c, "organisations", () => ({ organisation_id: Number(v(add, "organisation_id")) })),
      post(close, c, "close", () => ({ reason: v(close, "reason") })));
  }
  render(`${c.reference}: ${c.label}`, ...content.filter((x): x is HTMLElement => x !== null));
}
