// Browser test of the findings pages over a synthetic world (cairn synth --scale demo, then
// detect): a partner filters findings, reads one's evidence and sees "refer" where findings rest
// on intelligence; the owning analyst sees those findings, is refused a dismissal without a
// reason, dismisses with one, and the dismissal holds when detection runs again.
//
// Usage: node findings_journey.mjs CAIRN_BINARY WEB_DIST [SCREENSHOT_DIR]
import { execFileSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

import { addPartnerAndPoliceAnalyst, launch, screenshots, serve, signIn as signInAs, signOut, tally, teardown } from "./harness.mjs";

const [cairn, webDist, shots] = process.argv.slice(2);
const work = mkdtempSync(join(tmpdir(), "cairn-e2e-findings-"));
const db = join(work, "cairn.db");
const world = join(work, "world");
const t = tally();
const check = t.check;
const run = (args, input) => execFileSync(cairn, ["--db", db, ...args], { encoding: "utf8", input, stdio: ["pipe", "pipe", "pipe"] });

execFileSync(cairn, ["synth", "--out", world, "--scale", "demo", "--seed", "3"], { stdio: "pipe" });
run(["init"]);
run(["ingest", "--quiet-rejects", ...["companies.csv", "psc.jsonl", "officers.jsonl", "ocds.jsonl", "licences.csv",
  "inspections.csv"].map((f) => join(world, f))]);
run(["ingest", "--quiet-rejects", "--organisation", "police-scotland", join(world, "intel.csv")]);
run(["resolve"]);
run(["detect", "--as-of", "2026-06-30"]);
const restricted = JSON.parse(run(["findings", "--format", "json", "--indicator", "N1", "--top", "1", "--include-restricted"]))[0];
addPartnerAndPoliceAnalyst(run);

const { base, server } = await serve(cairn, db, webDist);
const browser = await launch(webDist);
const shot = screenshots(shots);
const signIn = (page, user) => signInAs(page, base, user);

try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 1000 } });
  page.setDefaultTimeout(10000);
  await signIn(page, "fife.partner");
  await page.getByRole("link", { name: "Findings", exact: true }).click();
  await page.getByRole("heading", { name: "Findings" }).waitFor();
  await page.locator("#findings-count").waitFor();
  check("the partner sees findings", (await page.locator("tbody tr").count()) > 10);
  await page.getByLabel("Indicator").selectOption("C1");
  await page.getByRole("button", { name: "Filter" }).click();
  await page.waitForFunction(() => location.hash.includes("indicator=C1"));
  // The list is drawn again once the filtered answer arrives.
  await page.waitForFunction(() => document.querySelector("#indicator")?.value === "C1" &&
    !document.querySelector("#findings-count")?.textContent.startsWith(String(0)));
  await page.waitForFunction(() => [...document.querySelectorAll("tbody tr td:nth-child(2)")].every((td) => td.textContent.startsWith("C1")), null, { timeout: 5000 }).catch(() => {});
  const indicators = await page.locator("tbody tr td:nth-child(2)").allTextContents();
  check("filtering by indicator keeps only that indicator", indicators.length > 0 && indicators.every((s) => s === "C1 Officer churn"),
    `(${indicators.length} rows)`);
  check("the partner never sees restricted findings", !(await page.locator("main").textContent()).includes("restricted"));
  await shot(page, "09-findings");
  await page.locator("tbody tr td:nth-child(4) a").first().click();
  await page.getByRole("heading", { name: /^C1 Officer churn:/ }).waitFor();
  const evidence = await page.getByRole("region", { name: /Evidence/ }).textContent();
  check("a finding names its records with file and line", /officers\.jsonl line \d+/.test(evidence));
  check("a partner cannot decide", (await page.getByRole("button", { name: "Record decision" }).count()) === 0);
  await page.goto(`${base}/#/entity/${restricted.entity.id}`);
  await page.locator("#risk").waitFor();
  check("where findings rest on intelligence the partner is told to refer", (await page.locator("#refer").count()) === 1);
  check("and what happens next, and not to alert the business",
    (await page.locator("#refer").getByRole("link", { name: "What happens next and what not to do" }).count()) === 1 &&
    (await page.locator("#refer").textContent()).includes("do not alert the business"));
  check("and does not see them", !(await page.locator("#risk").textContent()).includes("N1"));

  // The picture: four groups in the demo world, so every count is withheld from a partner.
  await page.getByRole("link", { name: "Picture" }).click();
  await page.getByRole("heading", { name: "By region" }).waitFor();
  check("the partner is told small counts are withheld", (await page.locator("#suppressed").count()) === 1);
  const partnerPicture = await page.locator("main").textContent();
  check("and sees no group's reference", !/SOCG-[WEN]-\d+/.test(partnerPicture));
  check("the picture draws its charts", (await page.locator("canvas").count()) === 3);
  const csv = await page.request.get(base + "/api/v1/picture/export?format=csv");
  check("the picture downloads as CSV", csv.ok() && (await csv.text()).startsWith("dimension,key,groups"));
  await signOut(page);

  await signIn(page, "police.analyst");
  await page.goto(`${base}/#/entity/${restricted.entity.id}`);
  await page.locator("#risk").waitFor();
  check("the owning analyst sees the network proximity finding", (await page.locator("#risk").textContent()).includes("N1 Network proximity"));
  check("and is not told to refer", (await page.locator("#refer").count()) === 0);
  await shot(page, "10-risk-panel");
  await page.getByRole("link", { name: "Picture" }).click();
  await page.getByRole("heading", { name: "By region" }).waitFor();
  check("an analyst sees the counts", (await page.locator(".ds_lead").textContent()).startsWith("4 SOC groups"));
  check("and can drill down to a group", (await page.getByRole("region", { name: "By region" }).getByRole("link", { name: /SOCG-/ }).count()) > 0);
  await shot(page, "10b-picture");

  await page.goto(`${base}/#/findings?indicator=C1`);
  await page.locator("tbody tr td:nth-child(4) a").first().click();
  await page.getByRole("heading", { name: /^C1 Officer churn:/ }).waitFor();
  const id = (await page.evaluate(() => location.hash)).split("/").pop();
  await page.getByRole("button", { name: "Record decision" }).click();
  await page.getByRole("alert").waitFor();
  check("a dismissal without a reason is refused", (await page.getByRole("alert").textContent()).includes("Say why"));
  await page.getByLabel("Reason").fill("Director changes follow a family succession; checked with Companies House");
  await page.getByRole("button", { name: "Record decision" }).click();
  await page.getByText("Recorded: this finding is now dismissed").waitFor();
  check("the analyst dismisses a finding with a reason", true);
  run(["detect", "--as-of", "2026-06-30"]);
  const again = JSON.parse(run(["findings", "--format", "json", "--indicator", "C1"])).find((f) => String(f.id) === id);
  check("the dismissal holds when detection runs again", again && again.status === "dismissed", JSON.stringify(again?.status));
} catch (e) {
  check("the journey completes", false, e.message);
} finally {
  await teardown(browser, server, work);
}
t.finish();
