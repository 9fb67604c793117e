// The library: search across guidance, case studies and resources; case studies (filter, read,
// record — restricted ones for named organisations only); the resource library (upload a file,
// download the current or an earlier version). caseStudiesFor() lists and links case studies on
// a task's or a meeting's page.
import { ApiError, Organisation, Session, call } from "../api";
import { field, h, render, select, showErrors, table } from "../dom";

interface CaseStudy {
  id: number; title: string; summary: string; html: string; sector: string; crime_types: string[]; council_area: string;
  indicators: string[]; strand: string; outcome: string; restricted: boolean; owner: string; shared_with: string[];
  links: { kind: string; id: number }[]; can_edit: boolean; created_at: string;
}
interface Resource {
  id: number; title: string; description: string; audiences: string[]; topics: string[]; course: string; owner: string;
  version: number; downloads: number;
  versions: { version: number; filename: string; content_type: string; size_bytes: number; uploaded_at: string }[];
}
interface Hit { kind: string; id: string; title: string; summary: string }

const STRANDS: [string, string][] = [["", "None"], ["divert", "Divert"], ["deter", "Deter"], ["detect", "Detect"], ["disrupt", "Disrupt"]];
const csv = (s: string) => s.split(",").map((x) => x.trim()).filter(Boolean);
const val = (f: HTMLElement, id: string) => (f.querySelector(`#${id}`) as HTMLInputElement).value.trim();
const hitLink = (x: Hit) => (x.kind === "guidance" ? `#/guidance/${x.id}` : x.kind === "case_study" ? `#/case-study/${x.id}` : `#/library?resource=${x.id}`);
const KIND: Record<string, string> = { guidance: "Guidance", case_study: "Case study", resource: "Resource" };

function fail(form: HTMLFormElement, err: unknown): void {
  if (err instanceof ApiError) showErrors(form, [{ field: err.field, message: err.message }]);
  else throw err;
}

export async function libraryPage(session: Session, q: URLSearchParams): Promise<void> {
  const words = q.get("q") ?? "";
  const filter = new URLSearchParams();
  for (const k of ["sector", "crime_type", "area", "strand"]) if (q.get(k)) filter.set(k, q.get(k)!);
  const [{ case_studies }, { resources, max_upload_bytes }, { organisations }, hits] = await Promise.all([
    call<{ case_studies: CaseStudy[] }>("GET", `/case-studies?${filter}`),
    call<{ resources: Resource[]; max_upload_bytes: number }>("GET", "/resources"),
    call<{ organisations: Organisation[] }>("GET", "/organisations"),
    words ? call<{ results: Hit[] }>("GET", `/library/search?${new URLSearchParams({ q: words })}`) : Promise.resolve(null),
  ]);
  const search = h("form", { novalidate: true, id: "library-search", role: "search" },
    field("library_q", "Search guidance, case studies and resources", { value: words }),
    h("button", { class: "ds_button", type: "submit" }, "Search"));
  search.addEventListener("submit", (e) => {
    e.preventDefault();
    location.hash = `/library?${new URLSearchParams({ q: val(search, "library_q") })}`;
  });
  const writer = session.user.role !== "auditor";
  render("Library",
    h("p", {}, "Case studies of what partners did and what came of it, and files to share: training materials, checklists, slides."),
    search,
    hits ? h("section", { "aria-labelledby": "results-title" }, h("h2", { id: "results-title" }, `Results for “${words}”`),
      hits.results.length === 0 ? h("p", {}, "Nothing matches.") :
        h("ul", { class: "ds_no-bullets", id: "library-results" }, hits.results.map((x) => h("li", { class: "ds_!_margin-bottom--2" },
          h("strong", { class: "ds_tag ds_tag--grey" }, KIND[x.kind] ?? x.kind), " ", h("a", { href: hitLink(x) }, x.title),
          h("br"), h("span", { class: "ds_hint-text" }, x.summary))))) : null,
    h("section", { "aria-labelledby": "cases-title" }, h("h2", { id: "cases-title" }, "Case studies"),
      case_studies.length === 0 ? h("p", {}, "No case studies match.") :
        table("Case studies", ["Case study", "Sector", "Area", "Strand", "Outcome"], case_studies.map((c) => [
          h("span", {}, h("a", { href: `#/case-study/${c.id}` }, c.title), c.restricted ? h("strong", { class: "ds_tag ds_tag--orange" }, "Restricted") : null),
          c.sector, c.council_area, c.strand, c.outcome]))),
    writer ? caseStudyForm(organisations) : null,
    h("section", { "aria-labelledby": "resources-title" }, h("h2", { id: "resources-title" }, "Resources"),
      resources.length === 0 ? h("p", {}, "No resources yet.") :
        table("Resources", ["Resource", "For", "Owner", "Version", "Downloads", ""], resources.map((r) => [
          r.version ? h("a", { href: `/api/v1/resources/${r.id}/file`, download: "" }, r.title) : `${r.title} (no file yet)`,
          [...r.audiences, ...(r.course ? [`course ${r.course}`] : [])].join(", "), r.owner,
          r.version ? `${r.version}: ${r.versions[0]?.filename}` : "—", String(r.downloads),
          writer && (r.owner === session.organisation?.name || ["admin", "secretariat"].includes(session.user.role)) ? newVersionForm(r) : ""]))),
    writer ? resourceForm(max_upload_bytes) : null);
}

function caseStudyForm(organisations: Organisation[]): HTMLFormElement {
  const form = h("form", { novalidate: true, id: "case-study-form" }, h("h2", {}, "Record a case study"),
    field("title", "Title"),
    h("div", { class: "ds_question", id: "summary-question" }, h("label", { class: "ds_label", for: "summary" }, "What happened"),
      h("p", { class: "ds_hint-text" }, "The indicators seen, who acted and how. Markdown; no personal data."),
      h("textarea", { class: "ds_input", id: "summary", rows: 5 })),
    field("sector", "Sector", { hint: "e.g. car_washes, nail_bars_and_beauty, construction" }),
    field("crime_types", "Crime types", { hint: "Separated by commas" }),
    field("council_area", "Council area"),
    field("indicators", "Indicators seen", { hint: "Codes separated by commas, e.g. B2, L1" }),
    select("strand", "Strand that acted", STRANDS),
    field("outcome", "Outcome"),
    h("div", { class: "ds_checkbox" },
      h("input", { class: "ds_checkbox__input", type: "checkbox", id: "restricted" }),
      h("label", { class: "ds_checkbox__label", for: "restricted" }, "Restricted: only my organisation and those I name may read it")),
    select("shared_with", "Also for", [["", "No other organisation"], ...organisations.map((o): [string, string] => [String(o.id), o.name])]),
    h("button", { class: "ds_button ds_button--secondary", type: "submit" }, "Record case study"));
  form.addEventListener("submit", async (e) => {
    e.preventDefault();
    const restricted = (form.querySelector("#restricted") as HTMLInputElement).checked;
    try {
      const c = await call<CaseStudy>("POST", "/case-studies", {
        title: val(form, "title"), summary: (form.querySelector("#summary") as HTMLTextAreaElement).value, sector: val(form, "sector"),
        crime_types: csv(val(form, "crime_types")), council_area: val(form, "council_area"), indicators: csv(val(form, "indicators")),
        strand: val(form, "strand"), outcome: val(form, "outcome"), restricted,
        shared_with: restricted && val(form, "shared_with") ? [Number(val(form, "shared_with"))] : [],
      });
      location.hash = `/case-study/${c.id}`;
    } catch (err) {
      fail(form, err);
    }
  });
  return form;
}

function resourceForm(maxBytes: number): HTMLFormElement {
  const form = h("form", { novalidate: true, id: "resource-form" }, h("h2", {}, "Share a file"),
    field("resource_title", "Title"), field("description", "Description"),
    field("topics", "Topics", { hint: "Separated by commas" }),
    field("course", "Training course code", { hint: "If it is a course's material, e.g. soc-procurement" }),
    h("div", { class: "ds_question", id: "file-question" }, h("label", { class: "ds_label", for: "file" }, "File"),
      h("p", { class: "ds_hint-text" }, `PDF, Office or OpenDocument, PNG or JPEG, or text; up to ${Math.floor(maxBytes / 1048576)} MB.`),
      h("input", { class: "ds_file-upload", type: "file", id: "file" })),
    h("button", { class: "ds_button ds_button--secondary", type: "submit" }, "Share file"));
  form.addEventListener("submit", async (e) => {
    e.preventDefault();
    const file = (form.querySelector("#file") as HTMLInputElement).files?.[0];
    if (!file) { showErrors(form, [{ field: "file", message: "Choose a file" }]); return; }
    try {
      // Described once: if the file is refused, the next try uploads to the same resource.
      if (!form.dataset.resource) {
        const r = await call<Resource>("POST", "/resources", { title: val(form, "resource_title"), description: val(form, "description"),
          topics: csv(val(form, "topics")), course: val(form, "course") });
        form.dataset.resource = String(r.id);
      }
      await upload(Number(form.dataset.resource), file);
      location.hash = `/library?uploaded=${form.dataset.resource}`;
    } catch (err) {
      if (err instanceof ApiError && (err.field === "title")) err.field = "resource_title";
      fail(form, err);
    }
  });
  return form;
}

function newVersionForm(r: Resource): HTMLFormElement {
  const id = `new-version-${r.id}`;
  const form = h("form", { novalidate: true, class: "cairn-new-version" },
    h("div", { class: "ds_question", id: `${id}-question` }, h("label", { class: "ds_label", for: id }, `New version of ${r.title}`),
      h("input", { class: "ds_file-upload", type: "file", id })),
    h("button", { class: "ds_button ds_button--secondary ds_button--small", type: "submit" }, "Upload"));
  form.addEventListener("submit", async (e) => {
    e.preventDefault();
    const file = (form.querySelector(`#${id}`) as HTMLInputElement).files?.[0];
    if (!file) { showErrors(form, [{ field: id, message: "Choose a file" }]); return; }
    try {
      await upload(r.id, file);
      location.hash = `/library?uploaded=${r.id}&v=${r.version + 1}`;
    } catch (err) {
      if (err instanceof ApiError) err.field = id;
      fail(form, err);
    }
  });
  return form;
}

// The file goes as the body itself, with the CSRF token of the session.
async function upload(id: number, file: File): Promise<void> {
  const csrf = (await call<Session>("GET", "/session/me")).csrf_token;
  const res = await fetch(`/api/v1/resources/${id}/file?${new URLSearchParams({ filename: file.name })}`, {
    method: "POST", credentials: "same-origin", body: file,
    headers: { "X-CSRF-Token": csrf, "Content-Type": "application/octet-stream", Accept: "application/json" },
  });
  if (!res.ok) {
    const data = await res.json().catch(() => null);
    throw new ApiError(res.status, data?.error?.code ?? "error", data?.error?.message ?? `The server answered ${res.status}`, "file");
  }
}

export async function caseStudyPage(id: string): Promise<void> {
  const c = await call<CaseStudy>("GET", `/case-studies/${encodeURIComponent(id)}`);
  const body = h("div", { class: "cairn-guidance" });
  body.innerHTML = c.html;  // cmark safe mode on the server: no raw HTML, no script URLs
  render(c.title,
    c.restricted ? h("div", { class: "ds_inset-text" }, h("div", { class: "ds_inset-text__text" },
      `Restricted: for ${[c.owner, ...c.shared_with].join(", ")} only. Do not share it further.`)) : null,
    body,
    h("dl", { class: "ds_summary-list" }, ([["Outcome", c.outcome], ["Sector", c.sector], ["Crime types", c.crime_types.join(", ")],
      ["Council area", c.council_area], ["Indicators", c.indicators.join(", ")], ["Strand that acted", c.strand],
      ["Recorded by", c.owner]] as [string, string][]).map(([k, v]) => h("div", { class: "ds_summary-list__item" },
      h("dt", { class: "ds_summary-list__key" }, k), h("dd", { class: "ds_summary-list__value" }, v || "—")))),
    c.links.length ? h("p", {}, "Linked from ", c.links.map((l, i) => [i ? ", " : "",
      h("a", { href: `#/${l.kind}/${l.id}` }, `${l.kind} ${l.id}`)]).flat()) : null,
    h("p", {}, h("a", { href: "#/library" }, "The library")));
}

// The case studies linked from a task or a meeting, with a form to link another.
export async function caseStudiesFor(kind: "task" | "meeting", id: number): Promise<HTMLElement> {
  const [{ case_studies: linked }, { case_studies: all }] = await Promise.all([
    call<{ case_studies: CaseStudy[] }>("GET", `/case-studies?${kind}=${id}`),
    call<{ case_studies: CaseStudy[] }>("GET", "/case-studies"),
  ]);
  const form = h("form", { novalidate: true, id: "link-case-study" },
    select("case_study", "Link a case study", [["", "Choose"], ...all.filter((c) => !linked.some((l) => l.id === c.id))
      .map((c): [string, string] => [String(c.id), c.title])]),
    h("button", { class: "ds_button ds_button--secondary ds_button--small", type: "submit" }, "Link"));
  form.addEventListener("submit", async (e) => {
    e.preventDefault();
    try {
      await call("POST", `/case-studies/${val(form, "case_study")}/links`, { kind, id });
      form.parentElement?.replaceWith(await caseStudiesFor(kind, id));
    } catch (err) {
      fail(form, err);
    }
  });
  return h("section", { "aria-labelledby": "case-studies-title" }, h("h2", { id: "case-studies-title" }, "Case studies"),
    linked.length === 0 ? h("p", {}, "None linked.") :
      h("ul", {}, linked.map((c) => h("li", {}, h("a", { href: `#/case-study/${c.id}` }, c.title)))),
    all.length ? form : null);
}
