// Browser test of the SOC small grant scheme: the secretariat sets up a scheme; an officer of a
// Taskforce member drafts an application, is told every rule a submission breaks, and submits;
// the lead of the Detect strand endorses it; the secretariat awards less than was asked, is
// refused a payment beyond the award, pays it; the applicant reports on the outcomes; the
// dashboard's ledger reconciles and the award is in the 360Giving export.
//
// Usage: node grants_journey.mjs CAIRN_BINARY WEB_DIST [SCREENSHOT_DIR]
import { execFileSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

import { launch, password, screenshots, serve, signIn as signInAs, signOut, tally, teardown } from "./harness.mjs";

const [cairn, webDist, shots] = process.argv.slice(2);
const work = mkdtempSync(join(tmpdir(), "cairn-e2e-grants-"));
const db = join(work, "cairn.db");
const run = (args, input) => execFileSync(cairn, ["--db", db, ...args], { encoding: "utf8", input, stdio: ["pipe", "pipe", "pipe"] });
run(["init"]);
for (const [username, role, organisation] of [["sg.secretariat", "secretariat", "scottish-government"],
  ["sps.officer", "partner", "sps"], ["police.lead", "strand_lead", "police-scotland"]]) {
  run(["user", "add", "--username", username, "--display-name", username, "--email", `${username}@example.org`,
    "--role", role, "--organisation", organisation, "--password-stdin"], password + "\n");
}
const t = tally();
const check = t.check;
const { base, server } = await serve(cairn, db, webDist);
const browser = await launch(webDist);
const shot = screenshots(shots);
const signIn = (page, user) => signInAs(page, base, user);
const day = (offset) => new Date(Date.now() + offset * 86400000).toISOString().slice(0, 10);
const title = "Procurement SOC awareness programme";

try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 1000 } });
  page.setDefaultTimeout(10000);

  // The secretariat sets up a scheme open from yesterday for two months.
  await signIn(page, "sg.secretariat");
  await page.getByRole("link", { name: "Grants", exact: true }).click();
  const schemeForm = page.locator("#scheme-form");
  await schemeForm.waitFor();
  await schemeForm.getByLabel("Code").fill("journey-grants");
  await schemeForm.getByLabel("Title").fill("Journey grants");
  await schemeForm.getByLabel("Description").fill("Grants for the journey.");
  await schemeForm.getByLabel("Opens on").fill(day(-1));
  await schemeForm.getByLabel("Closes on").fill(day(60));
  await schemeForm.getByRole("button", { name: "Set up scheme" }).click();
  const scheme = page.getByRole("region", { name: "Journey grants" });
  await scheme.waitFor();
  check("the scheme's ledger starts at the £150,000 budget",
    (await scheme.textContent()).includes("Remaining to award£150,000.00"));
  await signOut(page);

  // An officer of the Scottish Prison Service drafts an application and submits it.
  await signIn(page, "sps.officer");
  await page.getByRole("link", { name: "Grants", exact: true }).click();
  await scheme.getByLabel("Project title").fill(title);
  await scheme.getByRole("button", { name: "Start an application" }).click();
  const form = page.locator("#application-form");
  await form.waitFor();
  await form.getByLabel("Summary").fill("SOC awareness training for procurement staff across the prison estate.");
  await form.getByLabel("Amount asked for (£)").fill("9,000");
  await form.getByLabel("Strand").selectOption("detect");
  await form.locator("label", { hasText: "detect-1:" }).click();
  await form.getByLabel("Intended outcomes").fill("150 staff trained; suspicious bids referred to the SPOC.");
  await form.getByLabel("Line 1: what it pays for").fill("Trainer days");
  await form.getByLabel("Line 1: amount (£)").fill("6,000");
  await form.getByRole("button", { name: "Add a line" }).click();
  await form.getByLabel("Line 2: what it pays for").fill("Materials and venues");
  await form.getByLabel("Line 2: amount (£)").fill("2,000");
  await form.getByLabel("Project starts").fill(day(30));
  await form.getByLabel("Project ends").fill(day(200));
  check("the budget's total is shown as it is typed", (await form.locator("#lines-total").textContent()).includes("£8,000.00"));
  await form.getByRole("button", { name: "Save draft" }).click();
  await page.getByText("Draft saved.").waitFor();
  check("a draft is saved", (await page.locator("#application-form").getByLabel("Line 2: amount (£)").inputValue()) === "2000.00");
  await form.getByRole("button", { name: "Submit application" }).click();
  const alert = form.getByRole("alert");
  await alert.waitFor();
  check("submission names the broken rule", (await alert.textContent()).includes("add up to £8,000.00, not the £9,000.00"));
  check("nothing was submitted", (await page.locator("main").textContent()).includes("Draft"));
  await shot(page, "50-grant-rules");
  await form.getByLabel("Line 2: amount (£)").fill("3,000");
  await form.getByRole("button", { name: "Submit application" }).click();
  await page.getByText("With the strand lead").waitFor();
  check("a submitted application is frozen", (await page.locator("#application-form").count()) === 0);
  check("the submitted version is kept", (await page.getByRole("table", { name: "Versions" }).textContent()).includes("£9,000.00"));
  const applicationUrl = page.url();
  await signOut(page);

  // The lead of the Detect strand endorses it.
  await signIn(page, "police.lead");
  await page.getByRole("link", { name: "Grants", exact: true }).click();
  await page.getByRole("link", { name: /SOCG-\d+/ }).click();
  const endorse = page.locator("#endorse-form");
  await endorse.waitFor();
  await endorse.getByLabel("Reason").fill("Fits detect-1 and the procurement training the seeds call for.");
  await endorse.getByRole("button", { name: "Record endorsement" }).click();
  await page.getByText("Endorsed: awaiting decision").waitFor();
  check("the strand lead endorses", true);
  await signOut(page);

  // The secretariat awards £8,500 and pays it, but not beyond it.
  await signIn(page, "sg.secretariat");
  await page.goto(applicationUrl);
  const decide = page.locator("#decide-form");
  await decide.waitFor();
  await decide.getByLabel("Award (£)").fill("8,500");
  await decide.getByLabel("Reasons").fill("Venue costs can be met in kind.");
  await decide.getByRole("button", { name: "Record decision" }).click();
  await page.locator(".ds_tag", { hasText: "Awarded" }).waitFor();
  const pay = page.locator("#pay-form");
  await pay.getByLabel("Amount (£)").fill("9,000");
  await pay.getByLabel("Payment reference").fill("PO-1");
  await pay.getByRole("button", { name: "Record payment" }).click();
  await pay.getByRole("alert").waitFor();
  check("a payment beyond the award is refused", (await pay.getByRole("alert").textContent()).includes("beyond the award of £8,500.00"));
  await pay.getByLabel("Amount (£)").fill("8,500");
  await pay.getByRole("button", { name: "Record payment" }).click();
  await page.getByRole("table", { name: "Payments" }).waitFor();
  check("the payment is recorded", (await page.getByRole("table", { name: "Payments" }).textContent()).includes("£8,500.00"));
  await shot(page, "51-grant-paid");
  await signOut(page);

  // The applicant reports on the outcomes.
  await signIn(page, "sps.officer");
  await page.goto(applicationUrl);
  const report = page.locator("#report-form");
  await report.waitFor();
  await report.getByLabel("What the project achieved").fill("162 staff trained; 4 referrals to the SPOC.");
  await report.getByRole("button", { name: "Submit final report" }).click();
  await page.locator(".ds_tag", { hasText: "Completed" }).waitFor();
  check("the final report completes the grant", (await page.locator("main").textContent()).includes("162 staff trained"));

  // The dashboard: the ledger reconciles, the chart is drawn, and the award is open data.
  await page.getByRole("link", { name: "Grants", exact: true }).click();
  await scheme.waitFor();
  const ledger = await scheme.textContent();
  check("the ledger shows the award paid", ledger.includes("Committed (awards)£8,500.00") && ledger.includes("Paid£8,500.00") &&
    ledger.includes("Remaining to award£141,500.00"));
  check("the ledger reconciles", ledger.includes("Yes: budget = remaining"));
  check("awards are charted by strand", (await scheme.locator("canvas").count()) === 1 &&
    (await scheme.getByRole("table", { name: "Awards by strand" }).textContent()).includes("Detect£8,500.00"));
  await shot(page, "52-grants-dashboard");
  const csv = await page.request.get(`${base}/api/v1/grants/360giving?format=csv`);
  const text = await csv.text();
  check("the award is in the 360Giving export", csv.status() === 200 && text.startsWith("Identifier,Title,Description,Currency") &&
    text.includes(title) && /360G-cairn-SOCG-\d+/.test(text) && text.includes("8500.00"));
} catch (e) {
  check("the journey completes", false, e.message);
} finally {
  await teardown(browser, server, work);
}
t.finish();
