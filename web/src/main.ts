// Cairn's web UI: a hash-routed single page that talks only to the HTTP API.
import "@scottish-government/design-system/dist/css/design-system.min.css";
import "./style.css";

import { ApiError, Role, Session, call, setCsrf } from "./api";
import { h, render } from "./dom";
import { adminPage } from "./pages/admin";
import { auditPage } from "./pages/audit";
import { entityPage } from "./pages/entity";
import { findingPage, findingsPage } from "./pages/findings";
import { disclosuresPage, intelligencePage, intelligenceRecordPage } from "./pages/intelligence";
import { picturePage } from "./pages/picture";
import { exposurePage } from "./pages/exposure";
import { redFlagsPage } from "./pages/redflags";
import { referralPage, referralsPage, tenderPage, tendersPage } from "./pages/screening";
import { socgPage, socgsPage } from "./pages/socg";
import { areaPage, areasPage } from "./pages/areas";
import { assessmentPage, assessmentsPage } from "./pages/assessment";
import { divertCasePage, divertPage } from "./pages/divert";
import { meetingPage, meetingsPage } from "./pages/meetings";
import { strategyPage } from "./pages/strategy";
import { trainingPage } from "./pages/training";
import { grantPage, grantsPage } from "./pages/grants";
import { guidanceEditPage, guidanceListPage, guidancePage } from "./pages/guidance";
import { caseStudyPage, libraryPage } from "./pages/library";
import { notificationsPage, outboxPage, taskingBoardPage, taskPage, tasksPage } from "./pages/tasks";
import { searchPage } from "./pages/search";
import { homePage } from "./pages/home";
import { passwordPage } from "./pages/password";
import { signInPage } from "./pages/signin";

export interface AppState { session: Session | null }
const state: AppState = { session: null };

interface Page {
  path: string; title: string; roles?: Role[]; nav?: boolean;
  show: (s: Session, arg: string, query: URLSearchParams) => Promise<void> | void;
}

const CASEWORKERS: Role[] = ["admin", "secretariat", "strand_lead", "analyst", "partner"];

// Pages signed-in users can reach. `roles` hides the link and refuses the page to others;
// the API enforces the same rules on every call regardless.
const pages: Page[] = [
  { path: "/", title: "Home", show: (s) => homePage(s) },
  { path: "/search", title: "Search", roles: CASEWORKERS, show: (_s, _a, q) => searchPage(q.get("q") ?? "") },
  { path: "/entity", title: "Entity", roles: CASEWORKERS, nav: false, show: (s, id) => entityPage(id, s) },
  { path: "/findings", title: "Findings", roles: CASEWORKERS, show: (_s, _a, q) => findingsPage(q) },
  { path: "/finding", title: "Finding", roles: CASEWORKERS, nav: false, show: (s, id) => findingPage(id, s) },
  { path: "/intelligence", title: "Intelligence", roles: ["analyst"], show: (_s, _a, q) => intelligencePage(q) },
  { path: "/intelligence-record", title: "Intelligence record", roles: ["analyst"], nav: false,
    show: (s, id) => intelligenceRecordPage(id, s) },
  { path: "/shared", title: "Shared intelligence", roles: CASEWORKERS, show: (s) => disclosuresPage(s) },
  { path: "/socgs", title: "SOC groups", roles: ["analyst"], show: () => socgsPage() },
  { path: "/picture", title: "Picture", roles: CASEWORKERS, show: () => picturePage() },
  { path: "/screening", title: "Screening", roles: CASEWORKERS, show: () => tendersPage() },
  { path: "/exposure", title: "Procurement exposure", roles: CASEWORKERS, show: () => exposurePage() },
  { path: "/redflags", title: "Red flags", roles: CASEWORKERS, show: (_s, _a, q) => redFlagsPage(q) },
  { path: "/tender", title: "Tender", roles: CASEWORKERS, nav: false, show: (_s, id) => tenderPage(id) },
  { path: "/referrals", title: "Referrals", roles: ["analyst"], show: () => referralsPage() },
  { path: "/referral", title: "Referral", roles: ["analyst"], nav: false, show: (_s, id) => referralPage(id) },
  { path: "/socg", title: "SOC group", roles: ["analyst"], nav: false, show: (s, ref) => socgPage(ref, s) },
  { path: "/strategy", title: "Strategy", show: (_s, _a, q) => strategyPage(q) },
  { path: "/tasks", title: "Tasks", roles: [...CASEWORKERS, "auditor"], show: (s, _a, q) => tasksPage(s, q) },
  { path: "/task", title: "Task", roles: [...CASEWORKERS, "auditor"], nav: false, show: (_s, id) => taskPage(id) },
  { path: "/divert", title: "Divert", roles: CASEWORKERS, show: () => divertPage() },
  { path: "/divert-case", title: "Divert case", roles: CASEWORKERS, nav: false, show: (_s, id) => divertCasePage(id) },
  { path: "/self-assessment", title: "Self-assessment", roles: CASEWORKERS, show: (s) => assessmentsPage(s) },
  { path: "/assessment", title: "Self-assessment", roles: CASEWORKERS, nav: false, show: (_s, id) => assessmentPage(id) },
  { path: "/areas", title: "Areas", roles: [...CASEWORKERS, "auditor"], show: (s) => areasPage(s) },
  { path: "/area", title: "Area", roles: [...CASEWORKERS, "auditor"], nav: false, show: (_s, slug) => areaPage(slug) },
  { path: "/training", title: "Training", roles: [...CASEWORKERS, "auditor"], show: (s) => trainingPage(s) },
  { path: "/guidance", title: "Guidance",
    show: (s, slug, q) => (slug ? guidancePage(s, slug) : guidanceListPage(s, q)) },
  { path: "/guidance-edit", title: "Edit guidance", roles: ["admin", "secretariat"], nav: false, show: (_s, slug) => guidanceEditPage(slug) },
  { path: "/library", title: "Library", roles: [...CASEWORKERS, "auditor"], show: (s, _a, q) => libraryPage(s, q) },
  { path: "/case-study", title: "Case study", roles: [...CASEWORKERS, "auditor"], nav: false, show: (_s, id) => caseStudyPage(id) },
  { path: "/grants", title: "Grants", roles: [...CASEWORKERS, "auditor"], show: (s) => grantsPage(s) },
  { path: "/grant", title: "Grant application", roles: [...CASEWORKERS, "auditor"], nav: false, show: (_s, id) => grantPage(id) },
  { path: "/meetings", title: "Meetings", roles: [...CASEWORKERS, "auditor"], show: (s) => meetingsPage(s) },
  { path: "/meeting", title: "Meeting", roles: [...CASEWORKERS, "auditor"], nav: false, show: (_s, id) => meetingPage(id) },
  { path: "/board", title: "Tasking board", roles: [...CASEWORKERS, "auditor"], show: (_s, _a, q) => taskingBoardPage(q) },
  { path: "/notifications", title: "Notifications", show: () => notificationsPage() },
  { path: "/outbox", title: "Email outbox", roles: ["admin"], show: () => outboxPage() },
  { path: "/admin", title: "Administration", roles: ["admin"], show: (s) => adminPage(s) },
  { path: "/audit", title: "Audit log", roles: ["auditor", "admin"], show: () => auditPage() },
];

function currentPath(): string {
  return (location.hash.replace(/^#/, "") || "/").split("?")[0];
}

// "/entity/O12…" → ["/entity", "O12…"]; "/search" → ["/search", ""].
function splitPath(path: string): [string, string] {
  const m = path.match(/^(\/[^/]*)(?:\/(.*))?$/);
  return m ? [m[1], decodeURIComponent(m[2] ?? "")] : [path, ""];
}

export function go(path: string): void {
  if (currentPath() === path) void route();
  else location.hash = path;
}

export async function signedIn(session: Session): Promise<void> {
  state.session = session;
  setCsrf(session.csrf_token);
  go(session.user.must_change_password ? "/password" : "/");
}

async function signOut(): Promise<void> {
  try {
    await call("POST", "/session/logout");
  } finally {
    state.session = null;
    setCsrf("");
    go("/signin");
  }
}

function drawChrome(): void {
  const nav = document.getElementById("nav")!;
  const account = document.getElementById("account")!;
  const s = state.session;
  if (!s || s.user.must_change_password) {
    nav.replaceChildren();
    account.replaceChildren();
    if (s) account.append(h("button", { class: "ds_button ds_button--secondary ds_button--small", type: "button", onclick: () => void signOut() }, "Sign out"));
    return;
  }
  const path = currentPath();
  nav.replaceChildren(...pages.filter((p) => p.nav !== false && (!p.roles || p.roles.includes(s.user.role))).map((p) =>
    h("li", { class: "ds_site-navigation__item" },
      h("a", { class: "ds_site-navigation__link", href: `#${p.path}`, "aria-current": p.path === splitPath(path)[0] ? "page" : null }, p.title))));
  account.replaceChildren(
    h("span", {}, `${s.user.display_name} (${s.user.role.replace("_", " ")}, ${s.organisation?.name ?? ""})`),
    h("button", { class: "ds_button ds_button--secondary ds_button--small", type: "button", onclick: () => void signOut() }, "Sign out"));
}

async function route(): Promise<void> {
  const path = currentPath();
  if (!state.session) {
    try {
      const s = await call<Session>("GET", "/session/me");
      state.session = s;
      setCsrf(s.csrf_token);
    } catch {
      state.session = null;
    }
  }
  const s = state.session;
  drawChrome();
  if (!s) {
    if (path !== "/signin") { go("/signin"); return; }
    signInPage();
    return;
  }
  if (s.user.must_change_password || path === "/password") {
    passwordPage(s);
    return;
  }
  if (path === "/signin") { go("/"); return; }
  const [base, arg] = splitPath(path);
  const query = new URLSearchParams(location.hash.split("?")[1] ?? "");
  const page = pages.find((p) => p.path === base);
  if (!page) {
    render("Page not found", h("p", {}, "There is no page at this address. ", h("a", { href: "#/" }, "Go to the home page"), "."));
    return;
  }
  if (page.roles && !page.roles.includes(s.user.role)) {
    render("You do not have permission to see this page",
      h("p", {}, `The ${page.title.toLowerCase()} page is not available to your role (${s.user.role.replace("_", " ")}).`),
      h("p", {}, h("a", { href: "#/" }, "Go to the home page")));
    return;
  }
  try {
    await page.show(s, arg, query);
  } catch (e) {
    if (e instanceof ApiError && e.status === 401) {
      state.session = null;
      go("/signin");
      return;
    }
    if (e instanceof ApiError && e.status === 404) {
      render("Not found", h("p", {}, e.message));
      return;
    }
    render("Something went wrong", h("p", {}, e instanceof Error ? e.message : String(e)));
  }
}

export function forgetSession(): void {
  state.session = null;
}

window.addEventListener("hashchange", () => void route());
document.querySelector("[data-skip]")?.addEventListener("click", (e) => {
  e.preventDefault();
  document.getElementById("main-content")!.focus();
});
void route();
