// Browser test of intelligence records: a police analyst works the review queue, records a
// review (refused without a note), discloses part of a record to a council on a lawful basis,
// and assesses the SOC group the record names; the council's partner sees only the released
// text, and is refused the record itself.
//
// Usage: node intelligence_journey.mjs CAIRN_BINARY WEB_DIST [SCREENSHOT_DIR]
import { execFileSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

import { addPartnerAndPoliceAnalyst, launch, screenshots, serve, signIn as signInAs, signOut, tally, teardown } from "./harness.mjs";

const [cairn, webDist, shots] = process.argv.slice(2);
const testdata = resolve(dirname(fileURLToPath(import.meta.url)), "..", "testdata");
const work = mkdtempSync(join(tmpdir(), "cairn-e2e-intel-"));
const db = join(work, "cairn.db");
const t = tally();
const check = t.check;
const run = (args, input) => execFileSync(cairn, ["--db", db, ...args], { encoding: "utf8", input, stdio: ["pipe", "pipe", "pipe"] });

run(["init"]);
run(["ingest", "--quiet-rejects", join(testdata, "companies/basic_company_data.csv"), join(testdata, "companies/officers.jsonl")]);
run(["ingest", "--quiet-rejects", "--organisation", "police-scotland", join(testdata, "cairn_csv/intelligence.csv"),
  join(testdata, "cairn_csv/intelligence_5x5x5.csv")]);
run(["resolve"]);
addPartnerAndPoliceAnalyst(run);

const { base, server } = await serve(cairn, db, webDist);
const browser = await launch(webDist);
const shot = screenshots(shots);
const signIn = (page, user) => signInAs(page, base, user);
const released = "The holder of the premises licence at 12 High Street is known to police. Refer decisions to licensing.";

try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 1000 } });
  page.setDefaultTimeout(10000);
  await signIn(page, "police.analyst");
  await page.getByRole("link", { name: "Intelligence", exact: true }).click();
  await page.locator("#intel-count").waitFor();
  check("the analyst sees the organisation's records", (await page.locator("#intel-count").textContent()) === "5 records");
  check("legacy grades are shown mapped", (await page.locator("main").textContent()).includes("(from 5x5x5 B24)"));
  await page.locator("#review-queue").click();
  await page.getByRole("heading", { name: "Intelligence due for review" }).waitFor();
  await page.locator("#intel-count").waitFor();
  check("the review queue holds the overdue records", (await page.locator("#intel-count").textContent()) === "2 records");
  await shot(page, "11-review-queue");
  await page.getByRole("link", { name: "John Robert Smith" }).click();
  await page.getByRole("heading", { name: "John Robert Smith" }).waitFor();
  check("a record shows its grading", (await page.locator("main").textContent()).includes("2BC"));
  check("and links to the entity it is about", (await page.getByRole("link", { name: /Smith/ }).count()) >= 1);

  await page.getByLabel("Next review date").fill("2099-01-31");
  await page.getByRole("button", { name: "Record review" }).click();
  await page.locator("#review-form").getByRole("alert").waitFor();
  check("a review without a note is refused", (await page.locator("#review-form").getByRole("alert").textContent()).includes("Say what the review found"));
  await page.getByLabel("What the review found").fill("Subject still active in the group; grading unchanged");
  await page.getByRole("button", { name: "Record review" }).click();
  await page.getByText("Review recorded. The next review is due on 2099-01-31.").waitFor();
  check("the analyst records a review, and it is listed", (await page.getByRole("region", { name: "Reviews" }).textContent()).includes("grading unchanged"));

  const form = page.locator("#disclose-form");
  await form.getByLabel("To").selectOption({ label: "Fife Council" });
  await form.getByLabel("What is released").fill(released);
  await form.getByLabel("Lawful basis").selectOption("uk_gdpr_art10");
  await form.getByRole("button", { name: "Record disclosure" }).click();
  await form.getByRole("alert").waitFor();
  check("Article 10 without a Schedule 1 condition is refused", (await form.getByRole("alert").textContent()).includes("Schedule 1 condition"));
  await form.getByLabel("DPA 2018 Schedule 1 condition").selectOption("sch1-p2-10");
  await form.getByLabel("Handling conditions").fill("Licensing committee only");
  await form.getByRole("button", { name: "Record disclosure" }).click();
  await page.getByText("Disclosure recorded: Fife Council can now see the released text.").waitFor();
  check("the analyst discloses on a lawful basis, and it is listed",
    (await page.getByRole("region", { name: "Disclosures" }).textContent()).includes("Fife Council"));
  await shot(page, "12-intelligence-record");
  const recordUrl = page.url();

  // The group the record names: its profile, and a threat assessment kept in its history.
  await page.getByRole("link", { name: "SOC groups" }).click();
  await page.getByRole("link", { name: "SOCG-W-017" }).click();
  await page.getByRole("heading", { name: "SOCG-W-017" }).waitFor();
  check("the group's profile lists its members", (await page.getByRole("region", { name: /Members/ }).textContent()).includes("John Robert Smith"));
  check("and the businesses linked to it", (await page.getByRole("region", { name: /Linked businesses/ }).textContent()).includes("CLYDE TAVERNS LTD"));
  const assess = page.locator("#assess-form");
  await assess.getByLabel("Use of violence (×3)").selectOption("3");
  await assess.getByLabel("Harm").selectOption("4");
  await assess.getByRole("button", { name: "Record assessment" }).click();
  await assess.getByRole("alert").waitFor();
  check("an assessment without a rationale is refused", (await assess.getByRole("alert").textContent()).includes("Say what the assessment rests on"));
  await assess.getByLabel("Rationale").fill("Recent violence linked to two members; pubs used to launder cash");
  await assess.getByRole("button", { name: "Record assessment" }).click();
  await page.getByText(/Assessed: score [0-9.]+, band/).waitFor();
  check("the assessment is scored, banded and kept",
    (await page.getByRole("region", { name: /Threat assessments \(1\)/ }).textContent()).includes("launder cash"));
  await shot(page, "14-socg");
  await signOut(page);

  await signIn(page, "fife.partner");
  check("a partner has no intelligence link", (await page.getByRole("link", { name: "Intelligence", exact: true }).count()) === 0);
  await page.getByRole("link", { name: "Shared intelligence" }).click();
  await page.getByRole("heading", { name: "Shared with your organisation" }).waitFor();
  const text = await page.locator("main").textContent();
  check("the partner sees the released text", text.includes(released));
  check("with its basis and conditions", text.includes("paragraph 10") && text.includes("Licensing committee only"));
  check("but not the record", !text.includes("PS-0001") && !text.includes("2BC"));
  await shot(page, "13-shared");
  await page.goto(recordUrl);
  await page.getByRole("heading", { name: "You do not have permission to see this page" }).waitFor();
  check("the partner is refused the record page", true);
} catch (e) {
  check("the journey completes", false, e.message);
} finally {
  await teardown(browser, server, work);
}
t.finish();
