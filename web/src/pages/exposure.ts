// The scale of the problem: awards and money going to suppliers with SOC flags, by buyer,
// sector, year (the trend) and council area. Partners see small flagged counts withheld.
import { call } from "../api";
import { h, render, table } from "../dom";

interface Row { key: string; awards: number; value: number; flagged_awards: number | null; flagged_value: number | null }
interface Exposure {
  total: Row; buyers: Row[]; sectors: Row[]; years: Row[]; councils: Row[];
  suppress_below: number; suppressed: boolean; own_buyer: string;
}

const money = (v: number) => `£${Math.round(v).toLocaleString("en-GB")}`;

function rows(e: Exposure, list: Row[]): (string | number)[][] {
  return list.map((r) => [r.key, r.awards, money(r.value),
    r.flagged_awards === null ? `fewer than ${e.suppress_below}` : r.flagged_awards,
    r.flagged_value === null ? "withheld" : money(r.flagged_value),
    r.flagged_value === null || r.value === 0 ? "" : `${(100 * r.flagged_value / r.value).toFixed(1)}%`]);
}

export async function exposurePage(): Promise<void> {
  const e = await call<Exposure>("GET", "/procurement-exposure");
  const heads = ["", "Awards", "Value", "To flagged suppliers", "Value to flagged suppliers", "Share of value"];
  const section = (id: string, title: string, first: string, list: Row[]) =>
    h("section", { "aria-labelledby": id }, h("h2", { id }, title), table(title, [first, ...heads.slice(1)], rows(e, list)));
  render("Procurement exposure",
    h("p", {}, "Public contract awards in the network, and those going to suppliers with SOC flags — related bidders, young suppliers of large awards, split purchases, shell bidders, or proximity to someone police intelligence names. A flag prompts review; it is not a finding of wrongdoing."),
    e.suppressed ? h("p", { class: "ds_hint-text" }, `Counts of flagged awards from 1 to ${e.suppress_below - 1} are withheld, except for your own organisation's purchases.`) : null,
    h("p", { id: "exposure-total" }, `${e.total.awards} awards worth ${money(e.total.value)}; `,
      e.total.flagged_awards === null ? "flagged: withheld." : `${e.total.flagged_awards} worth ${money(e.total.flagged_value ?? 0)} to flagged suppliers.`),
    section("years-title", "By year", "Year", e.years),
    section("buyers-title", "By buyer", "Buyer", e.buyers),
    section("sectors-title", "By sector (CPV division)", "CPV division", e.sectors),
    section("councils-title", "By council area", "Council area", e.councils),
    h("p", {},
      h("a", { class: "ds_button ds_button--secondary", href: "/api/v1/procurement-exposure/export?format=csv", download: "cairn-procurement-exposure.csv" }, "Download CSV"),
      " ",
      h("a", { class: "ds_button ds_button--secondary", href: "/api/v1/procurement-exposure/export?format=xlsx", download: "cairn-procurement-exposure.xlsx" }, "Download XLSX")));
}
