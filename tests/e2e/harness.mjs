// What the browser journeys need: playwright-core from web/node_modules, a running
// `cairn serve` on a free loopback port, Debian's chromium with the flags this machine needs,
// screenshots, a pass/fail tally that prints "N passed, N failed", and a prepared store.
import { execFileSync, spawn } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";

export function playwright(webDist) {
  return createRequire(resolve(webDist, "..", "package.json"))("playwright-core");
}

// Starts `cairn serve` on port 0 and resolves to { base, server } once it prints its address.
export function serve(cairn, db, webDist) {
  const server = spawn(cairn, ["--db", db, "serve", "--port", "0", "--web-dir", webDist], { stdio: ["ignore", "pipe", "pipe"] });
  // A journey that throws exits without its teardown: the server must not outlive it.
  process.on("exit", () => server.kill("SIGTERM"));
  return new Promise((ok, fail) => {
    let out = "";
    server.stdout.on("data", (d) => {
      out += d;
      const m = out.match(/serving on (http:\/\/127\.0\.0\.1:\d+)\//);
      if (m) ok({ base: m[1], server });
    });
    server.on("exit", (code) => fail(new Error(`cairn serve exited ${code}`)));
    setTimeout(() => fail(new Error("cairn serve did not start")), 15000);
  });
}

export function launch(webDist) {
  return playwright(webDist).chromium.launch({
    executablePath: "/usr/bin/chromium",
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
      "--disable-component-update", "--disable-sync"],
  });
}

export function screenshots(dir) {
  return async (page, name) => {
    if (!dir) return;
    mkdirSync(dir, { recursive: true });
    await page.screenshot({ path: join(dir, `${name}.png`), fullPage: true });
  };
}

export function tally() {
  const t = { passed: 0, failed: 0 };
  t.check = (name, ok, detail = "") => {
    if (ok) t.passed++;
    else { t.failed++; console.log(`FAIL: ${name} ${detail}`); }
  };
  t.finish = () => {
    console.log(`e2e: ${t.passed} passed, ${t.failed} failed`);
    process.exit(t.failed === 0 ? 0 : 1);
  };
  return t;
}

// Closes the browser, stops the server and removes the journey's working folder.
export async function teardown(browser, server, work) {
  await browser.close();
  server.kill("SIGTERM");
  rmSync(work, { recursive: true, force: true });
}

export const password = "a long enough passphrase";

// Adds the journeys' two users: a Fife Council partner and a Police Scotland analyst. `run`
// calls the cairn binary on the journey's store.
export function addPartnerAndPoliceAnalyst(run) {
  run(["user", "add", "--username", "fife.partner", "--display-name", "Fife Partner", "--email", "p@fife.example",
    "--role", "partner", "--organisation", "fife", "--password-stdin"], password + "\n");
  run(["user", "add", "--username", "police.analyst", "--display-name", "Police Analyst", "--email", "a@police.example",
    "--role", "analyst", "--organisation", "police-scotland", "--password-stdin"], password + "\n");
}

// A store for a journey named `name` in a new temporary folder, with the test registers and the
// police's intelligence ingested (OCDS too if `ocds`), resolved, detected as of 2024-06-30, and
// the two users of addPartnerAndPoliceAnalyst. Returns { work, db, run }; `run` calls the
// binary on the store.
export function preparedStore(cairn, name, { ocds = false } = {}) {
  const testdata = resolve(dirname(fileURLToPath(import.meta.url)), "..", "testdata");
  const work = mkdtempSync(join(tmpdir(), `cairn-e2e-${name}-`));
  const db = join(work, "cairn.db");
  const run = (args, input) => execFileSync(cairn, ["--db", db, ...args], { encoding: "utf8", input, stdio: ["pipe", "pipe", "pipe"] });
  run(["init"]);
  run(["ingest", "--quiet-rejects", join(testdata, "companies/basic_company_data.csv"), join(testdata, "companies/officers.jsonl"),
    join(testdata, "companies/psc.jsonl")]);
  if (ocds) run(["ingest", "--quiet-rejects", join(testdata, "ocds/compiled.jsonl")]);
  run(["ingest", "--quiet-rejects", "--organisation", "police-scotland", join(testdata, "cairn_csv/intelligence.csv")]);
  run(["resolve"]);
  run(["detect", "--as-of", "2024-06-30"]);
  addPartnerAndPoliceAnalyst(run);
  return { work, db, run };
}

// Signs `user` in and waits for the home page.
export async function signIn(page, base, user) {
  // The first load can be slow on a busy machine (CI runs the journeys beside the other tests).
  await page.goto(base + "/#/signin", { timeout: 30000 });
  await page.getByLabel("Username").fill(user);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.getByRole("heading", { name: "The strategy's four strands" }).waitFor();
}

// Signs out and waits until the sign-in form is drawn, so a sign-in that follows cannot race
// the page redrawing itself.
export async function signOut(page) {
  await page.getByRole("button", { name: "Sign out" }).click();
  await page.waitForFunction(() => location.hash === "#/signin");
  await page.getByLabel("Username").waitFor();
}
