// Browser test of the network pages (playwright-core driving Debian's chromium): a partner
// searches with a typo, opens a company, reads its sources and links, expands the network
// chart and follows a node; restricted intelligence is invisible to the partner and visible to
// an analyst of the police organisation that holds it.
//
// Usage: node network_journey.mjs CAIRN_BINARY WEB_DIST [SCREENSHOT_DIR]
import { execFileSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve, dirname } from "node:path";

import { addPartnerAndPoliceAnalyst, launch, screenshots, serve, signIn as signInAs, signOut, tally, teardown } from "./harness.mjs";
import { fileURLToPath } from "node:url";


const [cairn, webDist, shots] = process.argv.slice(2);
const testdata = resolve(dirname(fileURLToPath(import.meta.url)), "..", "testdata");
const work = mkdtempSync(join(tmpdir(), "cairn-e2e-net-"));
const db = join(work, "cairn.db");
const t = tally();
const check = t.check;
const run = (args, input) => execFileSync(cairn, ["--db", db, ...args], { encoding: "utf8", input, stdio: ["pipe", "pipe", "pipe"] });

run(["init"]);
run(["ingest", "--quiet-rejects", ...["companies/basic_company_data.csv", "companies/psc.jsonl", "companies/officers.jsonl",
  "cairn_csv/licences.csv", "cairn_csv/inspections.csv", "ocds/package.json"].map((f) => join(testdata, f))]);
run(["ingest", "--quiet-rejects", "--organisation", "police-scotland", join(testdata, "cairn_csv/intelligence.csv")]);
run(["resolve"]);
addPartnerAndPoliceAnalyst(run);

const { base, server } = await serve(cairn, db, webDist);
const browser = await launch(webDist);
const shot = screenshots(shots);
const signIn = (page, user) => signInAs(page, base, user);
const search = async (page, q) => {
  await page.getByRole("link", { name: "Search" }).click();
  await page.getByLabel("Name, company number or postcode").fill(q);
  await page.getByRole("button", { name: "Search" }).click();
  await page.locator("#search-results").locator("table, p").first().waitFor();
};

try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 1000 } });
  page.setDefaultTimeout(10000);
  await signIn(page, "fife.partner");
  await search(page, "clyde tavens");
  check("a misspelt name finds the company", (await page.getByRole("link", { name: "CLYDE TAVERNS LTD" }).count()) === 1);
  await page.getByRole("link", { name: "CLYDE TAVERNS LTD" }).click();
  await page.getByRole("heading", { name: "CLYDE TAVERNS LTD" }).waitFor();
  const text = await page.locator("main").textContent();
  check("entity shows its company number", text.includes("SC612345"));
  check("sources give file and line", text.includes("basic_company_data.csv line 3"));
  check("sources say why they joined", text.includes("same company number"));
  check("links list the officer", text.includes("officer of (by)"));
  check("links list the contract", text.includes("supplier to"));
  await page.waitForFunction(() => window.cairnNetwork && window.cairnNetwork.nodes().length > 1);
  const before = await page.evaluate(() => window.cairnNetwork.nodes().length);
  check("the chart draws the neighbourhood", before > 3, `(${before} nodes)`);
  await shot(page, "07-entity");
  // Expand the officer's node: the chart grows and offers the officer's page.
  const officer = await page.evaluate(() => window.cairnNetwork.nodes().filter((n) => n.data("kind") === "person")[0].id());
  await page.evaluate((id) => window.cairnNetwork.$id(id).emit("tap"), officer);
  await page.locator("#network-selected a").waitFor();
  await page.waitForFunction((n) => window.cairnNetwork.nodes().length > n, before);
  check("clicking a node expands it", (await page.evaluate(() => window.cairnNetwork.nodes().length)) > before);
  check("nodes are styled by kind", (await page.evaluate(() => new Set(window.cairnNetwork.nodes().map((n) => n.data("shape"))).size)) >= 3);
  await page.locator("#network-selected a").click();
  await page.waitForFunction((id) => location.hash === `#/entity/${id}`, officer);
  await page.getByRole("heading", { name: /Smith/i }).waitFor();
  check("a node links to its entity page", (await page.locator("main").textContent()).includes("same Companies House officer"));
  check("the partner does not see the intelligence record", !(await page.locator("main").textContent()).includes("subject"));
  check("a partner has no decision buttons", (await page.getByRole("button", { name: /Not this entity/ }).count()) === 0);
  await search(page, "SOCG-W-017");
  check("the partner cannot find a restricted SOC group", (await page.getByText("Nothing matches").count()) === 1);
  await signOut(page);

  await signIn(page, "police.analyst");
  await search(page, "SOCG-W-017");
  check("the owning analyst finds the SOC group", (await page.getByRole("link", { name: "SOCG-W-017" }).count()) === 1);
  check("and sees it marked restricted", (await page.locator("#search-results").textContent()).includes("(restricted)"));
  await shot(page, "08-analyst-search");

  // The analyst decides the intelligence subject is not the same person as the officer.
  await page.getByLabel("Name, company number or postcode").fill("john robert smith");
  await page.getByRole("button", { name: "Search" }).click();
  await page.locator("#search-results a").first().click();
  await page.getByRole("heading", { name: "Source records (4)" }).waitFor();
  const rows = await page.getByRole("region", { name: "Source records (4)" }).locator("tbody tr").count();
  check("the analyst sees all four records", rows === 4, `(${rows} rows)`);
  await page.getByRole("button", { name: /Not this entity: subject/ }).click();
  await page.getByText("This record will be kept apart").waitFor();
  check("a decision is recorded from the entity page", (await page.getByText("Kept apart", { exact: true }).count()) === 1);
} catch (e) {
  check("the journey completes", false, e.message);
} finally {
  await teardown(browser, server, work);
}
t.finish();
