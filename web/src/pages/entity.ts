import cytoscape from "cytoscape";

import { Entity, EntityMention, EntityPage, EntityRisk, Graph, Session, call } from "../api";
import { h, render, table } from "../dom";
import { indicatorName, statusTag } from "./findings";

const KIND_LABELS: Record<string, string> = {
  person: "Person", organisation: "Organisation", address: "Address", socg: "SOC group", process: "Contract",
};
// Shape and colour per kind, so the chart reads without colour alone (WCAG 1.4.1).
const KIND_STYLE: Record<string, { shape: string; color: string }> = {
  person: { shape: "ellipse", color: "#0065bd" },
  organisation: { shape: "round-rectangle", color: "#5e7d2f" },
  address: { shape: "diamond", color: "#6f4a8c" },
  socg: { shape: "octagon", color: "#d32205" },
  process: { shape: "hexagon", color: "#b45c00" },
};

export function kindLabel(e: Entity): HTMLElement {
  return h("strong", { class: "ds_tag" }, KIND_LABELS[e.kind] ?? e.kind, e.restricted ? " (restricted)" : "");
}

function linkLabel(type: string): string {
  return type.replace(/_/g, " ");
}

// For analysts: "not this entity" keeps a record apart from the entity's other records from the
// next resolution on (a "different" decision against each of them).
function separateButton(m: EntityMention, others: EntityMention[], status: HTMLElement): HTMLElement {
  const button = h("button", { class: "ds_button ds_button--secondary ds_button--small", type: "button",
    "aria-label": `Not this entity: ${m.role.replace(/_/g, " ")} ${m.source.record}` }, "Not this entity");
  button.addEventListener("click", async () => {
    for (const o of others.slice(0, 50)) {
      await call("POST", "/match-decisions", { mention_a: m.key, mention_b: o.key, decision: "different",
        note: "separated on the entity page" });
    }
    button.replaceWith(h("span", {}, "Kept apart"));
    const text = "Recorded. This record will be kept apart from the others when the network is next resolved.";
    // The status region is aria-live, so screen readers hear this once.
    status.replaceChildren(h("div", { class: "ds_inset-text" }, h("p", { class: "ds_inset-text__text" }, text)));
  });
  return button;
}

export async function entityPage(id: string, session?: Session): Promise<void> {
  const page = await call<EntityPage>("GET", `/entities/${encodeURIComponent(id)}`);
  const risk = await call<EntityRisk>("GET", `/entities/${encodeURIComponent(id)}/risk`);
  const e = page.entity;
  const names = new Map(page.neighbours.map((n) => [n.id, n]));
  const facts: [string, string][] = [["Kind", KIND_LABELS[e.kind] ?? e.kind]];
  if (e.company_number) facts.push(["Company number", e.company_number]);
  if (e.postcode) facts.push(["Postcode", e.postcode]);
  if (e.birth_date) facts.push(["Born", e.birth_date]);
  facts.push(["Records", String(e.mention_count)]);
  if (e.network) {
    facts.push(["Links to others", String(e.network.degree)]);
    facts.push(["Connected network", `${e.network.component_size} entities`]);
    facts.push(["Community", `${e.network.community_size} entities (detected by link density)`]);
    facts.push(["Broker score", `${e.network.betweenness.toFixed(1)} (how often it lies between others, on paths of up to 2 links)`]);
  }

  const chart = h("div", { id: "network", class: "cairn-network", role: "img",
    "aria-label": `Network around ${e.name}. The links are also listed in the table below.` });
  const selected = h("p", { id: "network-selected", "aria-live": "polite" }, "Select a node to expand it.");
  const analyst = session?.user.role === "analyst";
  const decisionStatus = h("div", { id: "decision-status", "aria-live": "polite" });
  const hops = h("select", { class: "ds_select", id: "hops" }, ["1", "2", "3"].map((n) => h("option", { value: n }, `${n} link${n === "1" ? "" : "s"}`)));

  render(e.name || e.id,
    h("dl", { class: "ds_summary-list" }, facts.map(([k, v]) =>
      h("div", { class: "ds_summary-list__item" }, h("dt", { class: "ds_summary-list__key" }, k), h("dd", { class: "ds_summary-list__value" }, v)))),
    riskPanel(risk),
    h("section", { "aria-labelledby": "network-title" },
      h("h2", { id: "network-title" }, "Network"),
      h("div", { class: "ds_question" }, h("label", { class: "ds_label", for: "hops" }, "Show links up to"),
        h("div", { class: "ds_select-wrapper" }, hops, h("span", { class: "ds_select-arrow", "aria-hidden": "true" }))),
      chart, selected),
    h("section", { "aria-labelledby": "links-title" },
      h("h2", { id: "links-title" }, `Links (${page.links.length})`),
      table("Links", ["Link", "With", "From", "To"], page.links.map((l) => {
        const other = l.from === e.id ? l.to : l.from;
        const n = names.get(other);
        const direction = l.from === e.id ? linkLabel(l.type) : `${linkLabel(l.type)} (by)`;
        return [direction, h("a", { href: `#/entity/${other}` }, n?.name || other), l.start ?? "", l.end ?? ""];
      }))),
    h("section", { "aria-labelledby": "sources-title" },
      h("h2", { id: "sources-title" }, `Source records (${page.mentions.length})`),
      decisionStatus,
      table("Source records", ["As", "Record", "Source", "Why it is this entity", ...(analyst ? [""] : [])],
        page.mentions.map((m) => [
          m.role.replace(/_/g, " "),
          Object.values(m.fields).join(", "),
          `${m.source.format} ${m.source.record} (${m.source.file.split("/").pop()} line ${m.source.line})`,
          m.match_reason,
          ...(analyst && page.mentions.length > 1
            ? [separateButton(m, page.mentions.filter((o) => o.key !== m.key), decisionStatus)] : []),
        ]))));

  const cy = drawNetwork(chart, selected);
  const load = async () => {
    const g = await call<Graph>("GET", `/entities/${encodeURIComponent(id)}/network?hops=${hops.value}`);
    cy.elements().remove();
    addGraph(cy, g);
    cy.$id(id).addClass("focus");
    cy.layout({ name: "cose", animate: false }).run();
  };
  hops.addEventListener("change", () => void load());
  await load();
}

// Risk: the entity's own findings, what its neighbours pass on, and the combination
// (docs/detection.md). "Refer" means findings exist that rest on intelligence the viewer may
// not see: the owning organisation can say more.
function riskPanel(r: EntityRisk): HTMLElement {
  const score = (v: number) => v.toFixed(2);
  return h("section", { "aria-labelledby": "risk-title", id: "risk" },
    h("h2", { id: "risk-title" }, "Risk"),
    h("p", {}, `Risk ${score(r.risk.risk)}: ${score(r.risk.own)} from its own findings, ${score(r.risk.neighbours)} from its neighbours.`),
    r.refer ? h("div", { class: "ds_inset-text", id: "refer" }, h("p", { class: "ds_inset-text__text" },
      "Refer: there is more on this entity that you cannot see here. Ask the organisation that holds the intelligence, and ",
      h("strong", {}, "do not alert the business or the people in it"), ". ",
      h("a", { href: "#/guidance/refer-what-happens-next" }, "What happens next and what not to do"), ".")) : null,
    r.findings.length === 0 ? h("p", {}, "No findings.") :
      table("Findings on this entity", ["Score", "Indicator", "What it found", "Status"], r.findings.map((f) => [
        f.score.toFixed(2), indicatorName(f.indicator), h("a", { href: `#/finding/${f.id}` }, f.summary), statusTag(f)])));
}

function drawNetwork(container: HTMLElement, selected: HTMLElement): cytoscape.Core {
  const cy = cytoscape({
    container,
    wheelSensitivity: 0.3,
    style: [
      { selector: "node", style: { label: "data(label)", "font-size": 10, "text-wrap": "ellipsis", "text-max-width": "120px",
        shape: "data(shape)" as never, "background-color": "data(color)", color: "#333", "text-valign": "bottom", "text-margin-y": 4 } },
      { selector: "node.focus", style: { "border-width": 4, "border-color": "#333" } },
      { selector: "node.restricted", style: { "border-width": 3, "border-style": "dashed", "border-color": "#d32205" } },
      { selector: "edge", style: { width: 1.5, "line-color": "#949494", "target-arrow-shape": "triangle",
        "target-arrow-color": "#949494", "curve-style": "bezier", label: "data(label)", "font-size": 8, color: "#5e5e5e" } },
    ],
  });
  // Exposed for the browser test and for people who want to inspect the chart in devtools.
  (window as unknown as { cairnNetwork: cytoscape.Core }).cairnNetwork = cy;
  cy.on("tap", "node", async (evt) => {
    const node = evt.target as cytoscape.NodeSingular;
    const name = String(node.data("label"));
    selected.replaceChildren("Selected: ", h("a", { href: `#/entity/${node.id()}` }, `${name} — open its page`));
    const g = await call<Graph>("GET", `/entities/${encodeURIComponent(node.id())}/network?hops=1`);
    const before = cy.nodes().length;
    addGraph(cy, g);
    if (cy.nodes().length > before) cy.layout({ name: "cose", animate: false }).run();
  });
  return cy;
}

function addGraph(cy: cytoscape.Core, g: Graph): void {
  for (const n of g.nodes) {
    if (cy.$id(n.id).nonempty()) continue;
    const style = KIND_STYLE[n.kind] ?? { shape: "ellipse", color: "#949494" };
    cy.add({ group: "nodes", data: { id: n.id, label: n.name || n.id, kind: n.kind, shape: style.shape, color: style.color },
      classes: n.restricted ? "restricted" : "" });
  }
  for (const l of g.edges) {
    const id = `${l.from}|${l.to}|${l.type}|${l.start ?? ""}`;
    if (cy.$id(id).nonempty() || cy.$id(l.from).empty() || cy.$id(l.to).empty()) continue;
    cy.add({ group: "edges", data: { id, source: l.from, target: l.to, label: linkLabel(l.type) } });
  }
}
