import { Entity, call } from "../api";
import { field, h, render, table } from "../dom";
import { kindLabel } from "./entity";

export async function searchPage(query: string): Promise<void> {
  const form = h("form", { role: "search", "aria-label": "Search the network" },
    field("q", "Name, company number or postcode", { value: query, hint: "Spelling need not be exact." }),
    h("button", { class: "ds_button", type: "submit" }, "Search"));
  form.addEventListener("submit", (e) => {
    e.preventDefault();
    const q = String(new FormData(form).get("q") ?? "").trim();
    location.hash = `/search?q=${encodeURIComponent(q)}`;
  });
  const results = h("div", { id: "search-results" });
  render("Search", h("p", { class: "ds_leader" }, "People, organisations, addresses and contracts from the registers and records Cairn holds. Restricted intelligence appears only to those allowed to see it."),
    form, results);
  if (query.trim().length < 2) return;
  const { results: hits } = await call<{ results: Entity[] }>("GET", `/search?q=${encodeURIComponent(query)}`);
  results.replaceChildren(hits.length === 0
    ? h("p", {}, `Nothing matches “${query}”.`)
    : table(`Results for ${query}`, ["Name", "Kind", "Company number", "Postcode", "Records"],
        hits.map((e) => [h("a", { href: `#/entity/${e.id}` }, e.name || e.id), kindLabel(e), e.company_number ?? "",
          e.postcode ?? "", String(e.mention_count)])));
}
