// SOC groups (analysts of the holding organisation): the list, and one group's profile with its
// crime types, members, linked businesses, areas and threat assessments.
import { ApiError, Session, SocgAssessment, SocgList, SocgProfile, ThreatSettings, call } from "../api";
import { h, render, select, showErrors, table } from "../dom";

export function label(code: string): string {
  return code.replace(/_/g, " ");
}

function yesNo(v: boolean): string {
  return v ? "Yes" : "No";
}

export async function socgsPage(): Promise<void> {
  const list = await call<SocgList>("GET", "/socgs");
  render("SOC groups",
    h("p", {}, "The groups your organisation holds intelligence on. Only your organisation's analysts see them; each view is audited. Partners see groups only in the picture, as counts."),
    table("SOC groups", ["Group", "Members", "Businesses", "Crime types", "Regions", "Threat band"], list.socgs.map((g) => [
      h("a", { href: `#/socg/${encodeURIComponent(g.reference)}` }, g.reference), String(g.members), String(g.businesses),
      g.crime_types.map(label).join(", ") || "Not recorded", g.regions.join(", ") || "Unknown",
      g.assessment ? `${g.assessment.band} (${g.assessment.score})` : "Not assessed"])));
}

export async function socgPage(reference: string, session: Session): Promise<void> {
  const [g, threat] = await Promise.all([
    call<SocgProfile>("GET", `/socgs/${encodeURIComponent(reference)}`),
    call<ThreatSettings>("GET", "/threat-settings"),
  ]);
  const facts: [string, string][] = [
    ["Crime types", (g.crime_types.map(label).join(", ") || "Not recorded") + (g.crime_types_from_records ? " (from the records)" : "")],
    ["Threat", g.assessment ? `Band ${g.assessment.band}, score ${g.assessment.score} (confidence ${g.assessment.confidence})` : "Not assessed"],
    ["Councils", g.councils.join(", ") || "None found"],
    ["Regions", g.regions.join(", ") || "Unknown"],
    ["Postcode areas", g.postcode_areas.join(", ") || "None"],
    ["Cross-border reach", yesNo(g.cross_border)],
    ["Uses legitimate businesses", yesNo(g.uses_legitimate_business)],
  ];
  if (g.notes) facts.push(["Notes", g.notes]);
  const entityLink = (e: { id: string; name: string }) => h("a", { href: `#/entity/${e.id}` }, e.name || e.id);
  render(g.reference,
    h("dl", { class: "ds_summary-list" }, facts.map(([k, v]) =>
      h("div", { class: "ds_summary-list__item" }, h("dt", { class: "ds_summary-list__key" }, k), h("dd", { class: "ds_summary-list__value" }, v)))),
    h("section", { "aria-labelledby": "members-title" },
      h("h2", { id: "members-title" }, `Members (${g.members.length})`),
      table("Members", ["Name", "Postcode"], g.members.map((m) => [entityLink(m), m.postcode ?? ""]))),
    h("section", { "aria-labelledby": "businesses-title" },
      h("h2", { id: "businesses-title" }, `Linked businesses (${g.businesses.length})`),
      table("Linked businesses", ["Business", "Company number", "How it is linked", "Risk"], g.businesses.map((b) =>
        [entityLink(b), b.company_number ?? "", b.how ?? "", (b.risk ?? 0).toFixed(2)]))),
    g.addresses.length ? h("section", { "aria-labelledby": "addresses-title" },
      h("h2", { id: "addresses-title" }, "Addresses in the records"),
      table("Addresses", ["Address", "Postcode"], g.addresses.map((a) => [entityLink(a), a.postcode ?? ""]))) : null,
    h("section", { "aria-labelledby": "assessments-title" },
      h("h2", { id: "assessments-title" }, `Threat assessments (${g.assessments.length})`),
      g.assessments.length === 0 ? h("p", {}, "Not assessed yet.") :
        table("Threat assessments", ["When", "By", "Score", "Band", "Harm × likelihood", "Confidence", "Rationale"],
          g.assessments.map((a) => [a.assessed_at.slice(0, 10), a.assessor, String(a.score), a.band,
            `${a.harm} × ${a.likelihood}`, a.confidence, a.rationale]))),
    session.user.role === "analyst" ? profileForm(g, threat, session) : null,
    session.user.role === "analyst" ? assessForm(g, threat, session) : null);
}

async function redraw(g: SocgProfile, session: Session, formId: string, text: string): Promise<void> {
  await socgPage(g.reference, session);
  document.querySelector(`#${formId} .cairn-status`)!.replaceChildren(
    h("div", { class: "ds_inset-text" }, h("p", { class: "ds_inset-text__text" }, text)));
}

function profileForm(g: SocgProfile, threat: ThreatSettings, session: Session): HTMLElement {
  const form = h("form", { novalidate: true, id: "profile-form" },
    h("h2", {}, "Crime types and notes"),
    h("fieldset", { class: "ds_question", id: "crime_types-question" },
      h("legend", {}, "Crime types"),
      threat.crime_types.map((c) => h("div", { class: "ds_checkbox ds_checkbox--small" },
        h("input", { class: "ds_checkbox__input", type: "checkbox", id: `crime-${c}`, value: c, checked: g.crime_types.includes(c) }),
        h("label", { class: "ds_checkbox__label", for: `crime-${c}` }, label(c))))),
    h("div", { class: "ds_question", id: "notes-question" },
      h("label", { class: "ds_label", for: "notes" }, "Notes"),
      h("textarea", { class: "ds_input", id: "notes", rows: 3 }, g.notes)),
    h("button", { class: "ds_button ds_button--secondary", type: "submit" }, "Save crime types and notes"),
    h("div", { class: "cairn-status", "aria-live": "polite" }));
  form.addEventListener("submit", async (e) => {
    e.preventDefault();
    const crime_types = [...form.querySelectorAll<HTMLInputElement>("input[type=checkbox]:checked")].map((i) => i.value);
    const notes = (form.querySelector("#notes") as HTMLTextAreaElement).value;
    try {
      await call("PATCH", `/socgs/${encodeURIComponent(g.reference)}`, { crime_types, notes });
      await redraw(g, session, "profile-form", "Saved.");
    } catch (err) {
      if (err instanceof ApiError) showErrors(form, [{ field: err.field, message: err.message }]);
      else throw err;
    }
  });
  return form;
}

function assessForm(g: SocgProfile, threat: ThreatSettings, session: Session): HTMLElement {
  const scale: [string, string][] = [["0", "0 none"], ["1", "1 low"], ["2", "2 medium"], ["3", "3 high"]];
  const five: [string, string][] = ["1", "2", "3", "4", "5"].map((v) => [v, v]);
  const last: SocgAssessment | null = g.assessment;
  const form = h("form", { novalidate: true, id: "assess-form" },
    h("h2", {}, "Assess the threat"),
    h("p", {}, `Score each attribute 0–3 (weights in brackets), and harm and likelihood 1–5. The score is ${Math.round(threat.attribute_share * 100)}% attributes and ${Math.round((1 - threat.attribute_share) * 100)}% harm × likelihood; bands: ${threat.bands.map((b) => `${b.name} from ${b.min}`).join(", ")}.`),
    threat.attributes.map((a) => select(`attributes.${a.code}`, `${a.title} (×${a.weight})`, scale, String(last?.attributes[a.code] ?? 0))),
    select("harm", "Harm", five, String(last?.harm ?? 3)),
    select("likelihood", "Likelihood", five, String(last?.likelihood ?? 3)),
    select("confidence", "Confidence", threat.confidence_grades.map((c): [string, string] => [c, c]), last?.confidence ?? "B"),
    h("div", { class: "ds_question", id: "rationale-question" },
      h("label", { class: "ds_label", for: "rationale" }, "Rationale"),
      h("p", { class: "ds_hint-text" }, "Required: what the assessment rests on."),
      h("textarea", { class: "ds_input", id: "rationale", rows: 3 })),
    h("button", { class: "ds_button", type: "submit" }, "Record assessment"),
    h("div", { class: "cairn-status", "aria-live": "polite" }));
  form.addEventListener("submit", async (e) => {
    e.preventDefault();
    const value = (id: string) => (form.querySelector(`#${CSS.escape(id)}`) as HTMLInputElement).value;
    const attributes: Record<string, number> = {};
    for (const a of threat.attributes) attributes[a.code] = Number(value(`attributes.${a.code}`));
    try {
      const a = await call<SocgAssessment>("POST", `/socgs/${encodeURIComponent(g.reference)}/assessments`, {
        attributes, harm: Number(value("harm")), likelihood: Number(value("likelihood")), confidence: value("confidence"),
        rationale: value("rationale"),
      });
      await redraw(g, session, "assess-form", `Assessed: score ${a.score}, band ${a.band}.`);
    } catch (err) {
      if (err instanceof ApiError) showErrors(form, [{ field: err.field, message: err.message }]);
      else throw err;
    }
  });
  return form;
}
