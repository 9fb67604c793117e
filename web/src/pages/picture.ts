// The picture: SOC groups in aggregate, with charts (Chart.js) and the same figures as tables,
// CSV and XLSX. Small counts are withheld from all but analysts, who can drill down.
import { BarController, BarElement, CategoryScale, Chart, Legend, LinearScale, Tooltip } from "chart.js";

import { Picture, PictureRow, call } from "../api";
import { h, render, table } from "../dom";
import { label } from "./socg";

Chart.register(BarController, BarElement, CategoryScale, LinearScale, Tooltip, Legend);

function count(n: number | null | undefined, below: number): string {
  return n === null || n === undefined ? `fewer than ${below}` : String(n);
}

function share(part: number | null | undefined, whole: number | null | undefined): string {
  if (part === null || part === undefined || !whole) return "";
  return ` (${Math.round((100 * part) / whole)}%)`;
}

function drill(r: PictureRow): HTMLElement | string {
  if (!r.drill_down?.length) return "";
  return h("span", {}, r.drill_down.flatMap((ref, i) => [i ? ", " : "", h("a", { href: `#/socg/${encodeURIComponent(ref)}` }, ref)]));
}

// A bar chart of one figure per row; withheld counts are drawn as nothing and said in the table.
function chart(id: string, title: string, rows: PictureRow[], value: (r: PictureRow) => number | null | undefined,
  name: (k: string) => string = (k) => k): HTMLElement {
  const canvas = h("canvas", { id, role: "img", "aria-label": `${title}. The figures are also in the table below.` });
  const box = h("div", { class: "cairn-chart" }, canvas);
  requestAnimationFrame(() => {
    new Chart(canvas, {
      type: "bar",
      data: { labels: rows.map((r) => name(r.key)), datasets: [{ label: title, data: rows.map((r) => value(r) ?? 0), backgroundColor: "#0065bd" }] },
      options: { animation: false, responsive: true, maintainAspectRatio: false, plugins: { legend: { display: false } },
        scales: { y: { beginAtZero: true, ticks: { precision: 0 } } } },
    });
  });
  return box;
}

export async function picturePage(): Promise<void> {
  const p = await call<Picture>("GET", "/picture");
  const b = p.suppress_below;
  const groupTable = (caption: string, first: string, rows: PictureRow[], name: (k: string) => string = (k) => k) =>
    table(caption, [first, "Groups", "Members", "In several crime types", "Using legitimate businesses", ...(p.suppressed ? [] : ["Open a group"])],
      rows.map((r) => [name(r.key), count(r.groups, b), count(r.members, b),
        count(r.several_crime_types, b) + share(r.several_crime_types, r.groups),
        count(r.legitimate_business, b) + share(r.legitimate_business, r.groups), ...(p.suppressed ? [] : [drill(r)])]));
  const t = p.total;
  render("The picture",
    h("p", { class: "ds_lead" }, `${count(t.groups, b)} SOC groups with ${count(t.members, b)} members mapped; ` +
      `${count(t.several_crime_types, b)} involved in several crime types, ${count(t.legitimate_business, b)} using legitimate businesses.`),
    p.suppressed ? h("div", { class: "ds_inset-text", id: "suppressed" }, h("p", { class: "ds_inset-text__text" },
      `Counts from 1 to ${b - 1} are withheld so that a small number cannot point at a group.`)) : null,
    h("p", {}, "Download: ", h("a", { href: "/api/v1/picture/export?format=csv", download: "cairn-picture.csv" }, "CSV"), " · ",
      h("a", { href: "/api/v1/picture/export?format=xlsx", download: "cairn-picture.xlsx" }, "Excel (XLSX)")),
    h("section", { "aria-labelledby": "regions-title" },
      h("h2", { id: "regions-title" }, "By region"),
      chart("chart-regions", "SOC groups by region", p.regions, (r) => r.groups),
      groupTable("By region", "Region", p.regions)),
    h("section", { "aria-labelledby": "crime-title" },
      h("h2", { id: "crime-title" }, "By crime type"),
      chart("chart-crime", "SOC groups by crime type", p.crime_types, (r) => r.groups, label),
      groupTable("By crime type", "Crime type", p.crime_types, label)),
    h("section", { "aria-labelledby": "councils-title" },
      h("h2", { id: "councils-title" }, "By council area"),
      groupTable("By council area", "Council area", p.councils)),
    h("section", { "aria-labelledby": "sectors-title" },
      h("h2", { id: "sectors-title" }, "Flagged businesses by sector"),
      h("p", {}, "Businesses with a live finding other than their sector alone."),
      chart("chart-sectors", "Flagged businesses by sector", p.sectors, (r) => r.flagged_businesses),
      table("Flagged businesses by sector", ["Sector", "Flagged businesses"], p.sectors.map((r) => [r.key, count(r.flagged_businesses, b)]))));
}
