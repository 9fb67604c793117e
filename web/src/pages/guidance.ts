// Guidance: pages on the indicators, the sectors at risk and what each audience can do, filtered
// by audience, sector, indicator or words; one page, rendered by the server (cmark, safe mode);
// and the secretariat's editor. guidanceLinks() puts the right pages beside a finding, a red flag
// or a screening outcome.
import { ApiError, Session, call } from "../api";
import { field, h, render, select, showErrors } from "../dom";

export interface GuidanceSummary {
  slug: string; title: string; summary: string; audiences: string[]; sectors: string[]; indicators: string[];
  crime_types: string[]; public: boolean; review_on: string; review_due: boolean; version: number; updated_at: string;
}
interface GuidancePage extends GuidanceSummary { body: string; html: string; audience_titles: string[] }
interface Audience { code: string; title: string }

const list = (xs: string[]) => xs.join(", ");

// Links to the guidance for an indicator code (and a sector), for the point of use. Empty when
// there is none.
export async function guidanceLinks(indicator: string, sector = ""): Promise<HTMLElement | null> {
  const q = new URLSearchParams({ indicator });
  const { pages } = await call<{ pages: GuidanceSummary[] }>("GET", `/guidance?${q}`);
  let more: GuidanceSummary[] = [];
  if (sector) more = (await call<{ pages: GuidanceSummary[] }>("GET", `/guidance?${new URLSearchParams({ sector })}`)).pages;
  const all = [...pages, ...more.filter((m) => !pages.some((p) => p.slug === m.slug))];
  if (all.length === 0) return null;
  return h("aside", { class: "ds_aside", "aria-labelledby": "guidance-title" },
    h("h2", { id: "guidance-title", class: "ds_h3" }, "Guidance"),
    h("ul", { class: "ds_no-bullets" }, all.map((p) => h("li", {}, h("a", { href: `#/guidance/${p.slug}` }, p.title)))));
}

export async function guidanceListPage(session: Session, q: URLSearchParams): Promise<void> {
  const filter = new URLSearchParams();
  for (const k of ["audience", "sector", "indicator", "q"]) {
    const v = q.get(k);
    if (v) filter.set(k, v);
  }
  const { pages, audiences } = await call<{ pages: GuidanceSummary[]; audiences: Audience[] }>("GET", `/guidance?${filter}`);
  const form = h("form", { novalidate: true, id: "guidance-filter" },
    select("g_audience", "For", [["", "Everyone"], ...audiences.map((a): [string, string] => [a.code, a.title])], q.get("audience") ?? ""),
    field("g_q", "Words", { value: q.get("q") ?? "" }),
    h("button", { class: "ds_button ds_button--secondary", type: "submit" }, "Find guidance"));
  form.addEventListener("submit", (e) => {
    e.preventDefault();
    const next = new URLSearchParams();
    const v = (id: string) => (form.querySelector(`#${id}`) as HTMLInputElement).value.trim();
    if (v("g_audience")) next.set("audience", v("g_audience"));
    if (v("g_q")) next.set("q", v("g_q"));
    location.hash = `/guidance?${next}`;
  });
  const editor = session.user.role === "admin" || session.user.role === "secretariat";
  render("Guidance",
    h("p", {}, "What serious organised crime can look like, why it matters and what to do — by indicator, sector and audience. Pages marked public are also on the public site, ",
      h("a", { href: "/public/" }, "/public"), ", for businesses and communities."),
    form,
    q.get("indicator") ? h("p", {}, `Pages on indicator ${q.get("indicator")}.`) : null,
    pages.length === 0 ? h("p", {}, "No guidance matches.") :
      h("ul", { class: "ds_no-bullets", id: "guidance-list" }, pages.map((p) => h("li", { class: "ds_!_margin-bottom--3" },
        h("a", { href: `#/guidance/${p.slug}` }, p.title), p.review_due ? h("strong", { class: "ds_tag ds_tag--orange" }, "Review due") : null,
        p.public ? h("strong", { class: "ds_tag ds_tag--grey" }, "Public") : null,
        h("br"), h("span", { class: "ds_hint-text" }, p.summary)))),
    editor ? h("p", {}, h("a", { class: "ds_button ds_button--secondary", href: "#/guidance-edit/" }, "Write a new page")) : null);
}

// The server's HTML (cmark safe mode: no raw HTML, no script URLs). Links between pages are
// written relative ("how-to-report"); in the app they go to the app's page for it.
function pageBody(html: string): HTMLElement {
  const body = h("div", { class: "cairn-guidance" });
  body.innerHTML = html;
  body.querySelectorAll("a[href]").forEach((a) => {
    const href = a.getAttribute("href") ?? "";
    if (/^[a-z0-9-]+$/.test(href)) a.setAttribute("href", `#/guidance/${href}`);
  });
  return body;
}

export async function guidancePage(session: Session, slug: string): Promise<void> {
  const p = await call<GuidancePage>("GET", `/guidance/${encodeURIComponent(slug)}`);
  const editor = session.user.role === "admin" || session.user.role === "secretariat";
  render(p.title,
    h("p", { class: "ds_lead" }, p.summary),
    p.review_due ? h("div", { class: "ds_inset-text" }, h("div", { class: "ds_inset-text__text" }, `This page was due for review on ${p.review_on}.`)) : null,
    pageBody(p.html),
    h("dl", { class: "ds_metadata" },
      h("div", { class: "ds_metadata__item" }, h("dt", { class: "ds_metadata__key" }, "For"), h("dd", { class: "ds_metadata__value" }, list(p.audience_titles))),
      p.indicators.length ? h("div", { class: "ds_metadata__item" }, h("dt", { class: "ds_metadata__key" }, "Indicators"), h("dd", { class: "ds_metadata__value" }, list(p.indicators))) : null,
      h("div", { class: "ds_metadata__item" }, h("dt", { class: "ds_metadata__key" }, "Version"), h("dd", { class: "ds_metadata__value" }, `${p.version}, ${p.updated_at.slice(0, 10)}`)),
      h("div", { class: "ds_metadata__item" }, h("dt", { class: "ds_metadata__key" }, "Review by"), h("dd", { class: "ds_metadata__value" }, p.review_on || "—"))),
    p.public ? h("p", {}, "Also on the public site: ", h("a", { href: `/public/${p.slug}` }, `/public/${p.slug}`)) : null,
    editor ? h("p", {}, h("a", { class: "ds_button ds_button--secondary", href: `#/guidance-edit/${p.slug}` }, "Edit this page")) : null,
    h("p", {}, h("a", { href: "#/guidance" }, "All guidance")));
}

export async function guidanceEditPage(slug: string): Promise<void> {
  const [{ audiences }, page] = await Promise.all([
    call<{ audiences: Audience[] }>("GET", "/guidance?q=%20"),
    slug ? call<GuidancePage>("GET", `/guidance/${encodeURIComponent(slug)}`) : Promise.resolve(null),
  ]);
  const form = h("form", { novalidate: true, id: "guidance-form" },
    slug ? null : field("slug", "Page name", { hint: "Lower-case letters, digits and hyphens; it becomes the address, e.g. sector-scrap-yards" }),
    field("title", "Title", { value: page?.title ?? "" }),
    field("summary", "Summary", { value: page?.summary ?? "" }),
    h("div", { class: "ds_question", id: "body-question" },
      h("label", { class: "ds_label", for: "body" }, "Text"),
      h("p", { class: "ds_hint-text" }, "Markdown: ## for headings, - for lists, **bold**, [link text](other-page-name). HTML is not allowed and is removed."),
      h("textarea", { class: "ds_input", id: "body", rows: 18 }, page?.body ?? "")),
    h("fieldset", { class: "ds_question", id: "audiences-question" }, h("legend", {}, "For"),
      h("div", { id: "audiences" }, audiences.map((a) => h("div", { class: "ds_checkbox" },
        h("input", { class: "ds_checkbox__input", type: "checkbox", id: `aud-${a.code}`, value: a.code, checked: page?.audiences.includes(a.code) ?? false }),
        h("label", { class: "ds_checkbox__label", for: `aud-${a.code}` }, a.title))))),
    field("indicators", "Indicators", { value: page?.indicators.join(", ") ?? "", hint: "Codes, e.g. C3, B2, R018" }),
    field("sectors", "Sectors", { value: page?.sectors.join(", ") ?? "", hint: "e.g. car_washes, nail_bars_and_beauty" }),
    field("crime_types", "Crime types", { value: page?.crime_types.join(", ") ?? "" }),
    field("review_on", "Review by", { type: "date", value: page?.review_on ?? "" }),
    h("div", { class: "ds_checkbox" },
      h("input", { class: "ds_checkbox__input", type: "checkbox", id: "public", checked: page?.public ?? false }),
      h("label", { class: "ds_checkbox__label", for: "public" }, "Publish on the public site")),
    h("button", { class: "ds_button", type: "submit" }, "Save page"));
  const v = (id: string) => (form.querySelector(`#${id}`) as HTMLInputElement).value.trim();
  const codes = (id: string) => v(id).split(",").map((x) => x.trim()).filter(Boolean);
  form.addEventListener("submit", async (e) => {
    e.preventDefault();
    const name = slug || v("slug");
    try {
      if (!/^[a-z0-9][a-z0-9-]{0,63}$/.test(name)) throw new ApiError(422, "invalid_field", "Give the page a name of lower-case letters, digits and hyphens", "slug");
      await call("PUT", `/guidance/${name}`, {
        title: v("title"), summary: v("summary"), body: (form.querySelector("#body") as HTMLTextAreaElement).value,
        audiences: [...form.querySelectorAll("#audiences input:checked")].map((i) => (i as HTMLInputElement).value),
        indicators: codes("indicators"), sectors: codes("sectors"), crime_types: codes("crime_types"),
        review_on: v("review_on"), public: (form.querySelector("#public") as HTMLInputElement).checked,
      });
      location.hash = `/guidance/${name}`;
    } catch (err) {
      if (err instanceof ApiError) showErrors(form, [{ field: err.field, message: err.message }]);
      else throw err;
    }
  });
  render(slug ? `Edit: ${page?.title}` : "New guidance page", form);
}
