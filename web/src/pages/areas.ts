// Rapid support for areas: the 32 council areas as a tile map and a table, ranked by weighted
// signals with the weights shown; the secretariat designates an area and forms its partnership;
// an area's page follows the partnership's plan, members and tasks.
import { ApiError, Organisation, Session, call } from "../api";
import { field, h, render, select, showErrors, table } from "../dom";

interface Area {
  slug: string; council: string; area: string; region: string; flagged_businesses: number; socg_groups: number | null;
  exploitation_signals: number | null; open_tasks: number; score: number; designated: boolean;
}
interface Ranking {
  areas: Area[]; suppress_below: number;
  weights: { flagged_businesses: number; socg_groups: number; exploitation_signals: number; open_tasks: number };
}
interface Partnership {
  area: Area; reason: string; plan: string; status: string; designated_at: string; members: { id: number; name: string }[];
  tasks: { total: number; open: number; done: number; overdue: number; done_on_time: number };
}

// Where each council sits on the tile map: [column, row], roughly as on a map of Scotland.
const TILES: Record<string, [number, number]> = {
  "shetland": [5, 0], "orkney": [4, 1], "na-h-eileanan-siar": [0, 2], "highland": [2, 2], "moray": [3, 2],
  "aberdeenshire": [4, 2], "aberdeen": [5, 2], "argyll-and-bute": [1, 3], "stirling": [2, 3], "perth-and-kinross": [3, 3],
  "angus": [4, 3], "dundee": [5, 3], "west-dunbartonshire": [1, 4], "east-dunbartonshire": [2, 4], "clackmannanshire": [3, 4],
  "fife": [4, 4], "inverclyde": [0, 5], "renfrewshire": [1, 5], "glasgow": [2, 5], "north-lanarkshire": [3, 5], "falkirk": [4, 5],
  "edinburgh": [5, 5], "north-ayrshire": [0, 6], "east-renfrewshire": [1, 6], "south-lanarkshire": [2, 6], "west-lothian": [3, 6],
  "midlothian": [4, 6], "east-lothian": [5, 6], "south-ayrshire": [0, 7], "east-ayrshire": [1, 7], "dumfries-and-galloway": [2, 7],
  "scottish-borders": [4, 7],
};

const shown = (n: number | null, below: number) => (n === null ? `fewer than ${below}` : String(n));

function tileMap(r: Ranking): HTMLElement {
  const most = Math.max(1, ...r.areas.map((a) => a.score));
  return h("div", { class: "cairn-tiles", role: "img", "aria-label": "Council areas by rapid-support score. The figures are in the table below." },
    r.areas.filter((a) => TILES[a.slug]).map((a) => {
      const [col, row] = TILES[a.slug];
      const strength = a.score / most;
      return h("div", { class: `cairn-tile${a.designated ? " cairn-tile--designated" : ""}`, title: `${a.area}: ${a.score}`,
        style: `grid-column:${col + 1};grid-row:${row + 1};background:rgba(0,101,189,${(0.08 + 0.82 * strength).toFixed(2)});` +
          `color:${strength > 0.5 ? "#fff" : "#1a1a1a"}` },
        h("span", { class: "cairn-tile__name" }, a.area), h("span", { class: "cairn-tile__score" }, a.score.toFixed(1)));
    }));
}

export async function areasPage(session: Session): Promise<void> {
  const coordinator = session.user.role === "admin" || session.user.role === "secretariat";
  const [r, { organisations }] = await Promise.all([
    call<Ranking>("GET", "/areas"),
    coordinator ? call<{ organisations: Organisation[] }>("GET", "/organisations") : Promise.resolve({ organisations: [] as Organisation[] }),
  ]);
  const w = r.weights;
  render("Areas",
    h("p", {}, "Where rapid support may help: each council area scored by its signals. Small counts of groups and people are withheld."),
    h("p", { id: "weights" }, `Score = ${w.flagged_businesses} × flagged businesses + ${w.socg_groups} × SOC groups + ` +
      `${w.exploitation_signals} × people at risk (open Divert cases) + ${w.open_tasks} × open tasks.`),
    tileMap(r),
    table("Council areas by score", ["Area", "Region", "Flagged businesses", "SOC groups", "People at risk", "Open tasks", "Score", "Rapid support"],
      r.areas.map((a) => [a.area, a.region, String(a.flagged_businesses), shown(a.socg_groups, r.suppress_below),
        shown(a.exploitation_signals, r.suppress_below), String(a.open_tasks), a.score.toFixed(1),
        a.designated ? h("a", { href: `#/area/${a.slug}` }, "Partnership") : "—"])),
    coordinator ? designateForm(r, organisations) : null);
}

function designateForm(r: Ranking, organisations: Organisation[]): HTMLFormElement {
  const form = h("form", { novalidate: true, id: "designate-form" },
    h("h2", {}, "Designate an area for rapid support"),
    select("slug", "Area", r.areas.map((a): [string, string] => [a.slug, a.area])),
    field("reason", "Why"),
    h("div", { class: "ds_question" }, h("label", { class: "ds_label", for: "plan" }, "The partnership's plan"),
      h("textarea", { class: "ds_input", id: "plan", rows: 3 })),
    select("member", "A partner organisation", [["", "None"], ...organisations.map((o): [string, string] => [String(o.id), o.name])]),
    h("button", { class: "ds_button", type: "submit" }, "Designate"));
  form.addEventListener("submit", async (e) => {
    e.preventDefault();
    const v = (id: string) => (form.querySelector(`#${id}`) as HTMLInputElement).value.trim();
    try {
      await call("POST", `/areas/${v("slug")}/designation`, { reason: v("reason"), plan: v("plan"),
        members: v("member") ? [Number(v("member"))] : [] });
      location.hash = `/area/${v("slug")}`;
    } catch (err) {
      if (err instanceof ApiError) showErrors(form, [{ field: err.field, message: err.message }]);
      else throw err;
    }
  });
  return form;
}

export async function areaPage(slug: string): Promise<void> {
  const p = await call<Partnership>("GET", `/areas/${encodeURIComponent(slug)}`);
  const t = p.tasks;
  render(`Rapid support: ${p.area.area}`,
    h("p", { class: "ds_lead" }, p.reason),
    h("dl", { class: "ds_summary-list" }, ([["Designated", p.designated_at.slice(0, 10)], ["Plan", p.plan || "Not written yet"],
      ["Partners", p.members.map((m) => m.name).join(", ")],
      ["Tasks in the area", `${t.total}: ${t.open} open (${t.overdue} overdue), ${t.done} done (${t.done_on_time} on time)`]] as [string, string][])
      .map(([k, x]) => h("div", { class: "ds_summary-list__item" }, h("dt", { class: "ds_summary-list__key" }, k),
        h("dd", { class: "ds_summary-list__value" }, x)))),
    h("p", {}, h("a", { href: `#/tasks?council_area=${encodeURIComponent(p.area.area)}` }, `Tasks in ${p.area.area}`), " · ",
      h("a", { href: `#/board?council_area=${encodeURIComponent(p.area.area)}` }, "On the tasking board")));
}
