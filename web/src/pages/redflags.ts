// The red-flag dashboard: Open Contracting's Cardinal red flags over the procurement data in the
// store, per buyer and per supplier, each flag with the release behind it.
import { call } from "../api";
import { h, render, table } from "../dom";
import { guidanceLinks } from "./guidance";

interface Flag { code: string; title: string; value: number; ocid: string; tender: string; file: string; line: number }
interface Party { id: string; name: string; processes: number; codes: Record<string, number>; flags: Flag[] }
interface Board {
  releases: number; totals: Record<string, number>; titles: Record<string, string>; buyers: Party[]; suppliers: Party[];
}

function codesText(p: Party): string {
  return Object.entries(p.codes).map(([c, n]) => `${c} ×${n}`).join(", ");
}

export async function redFlagsPage(query: URLSearchParams): Promise<void> {
  const b = await call<Board>("GET", "/red-flags");
  const kind = query.get("buyer") !== null ? "buyer" : query.get("supplier") !== null ? "supplier" : "";
  const id = query.get(kind) ?? "";
  const party = kind === "buyer" ? b.buyers.find((p) => p.id === id) : kind === "supplier" ? b.suppliers.find((p) => p.id === id) : undefined;
  if (party) {
    const codes = Object.keys(party.codes);
    render(`Red flags: ${party.name}`,
      h("p", {}, `${party.processes} flagged processes. Each flag prompts a look at the release; it is not a finding of wrongdoing.`),
      codes.length ? await guidanceLinks(codes[0]) : null,
      table("Flags", ["Flag", "Value", "Process", "Tender", "Source"], party.flags.map((f) => [
        `${f.code} ${f.title}`, String(Math.round(f.value * 1000) / 1000), f.ocid || "(the party)", f.tender,
        f.file ? `${f.file} line ${f.line}` : ""])),
      h("p", {}, h("a", { href: "#/redflags" }, "All buyers and suppliers")));
    return;
  }
  const list = (which: "buyer" | "supplier", parties: Party[]) =>
    table(which === "buyer" ? "Buyers" : "Suppliers", [which === "buyer" ? "Buyer" : "Supplier", "Flagged processes", "Flags"],
      parties.slice(0, 50).map((p) => [h("a", { href: `#/redflags?${which}=${encodeURIComponent(p.id)}` }, p.name), p.processes, codesText(p)]));
  render("Red flags",
    h("p", {}, `Open Contracting's procurement red flags over the ${b.releases} contracting processes in Cairn (docs/redflags.md), at their default settings. `,
      "What they mean and what to do: ", h("a", { href: "#/guidance/indicators-procurement" }, "Procurement red flags"), "."),
    table("Totals", ["Flag", "Raised"], Object.entries(b.totals).map(([c, n]) => [`${c} ${b.titles[c] ?? ""}`, n])),
    h("section", { "aria-labelledby": "buyers-title" }, h("h2", { id: "buyers-title" }, "Buyers"), list("buyer", b.buyers)),
    h("section", { "aria-labelledby": "suppliers-title" }, h("h2", { id: "suppliers-title" }, "Suppliers"), list("supplier", b.suppliers)));
}
