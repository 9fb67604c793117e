// Browser test of bidder screening: a council's procurement officer registers a tender by form
// with a CSV of bidders (a bad row refuses the upload), sees the named bidder referred with a
// reference and no reason, and a missing declaration; the police SPOC reads the reasons and
// releases information on a lawful basis; the officer then sees exactly what was released.
//
// Usage: node screening_journey.mjs CAIRN_BINARY WEB_DIST [SCREENSHOT_DIR]
import { launch, preparedStore, screenshots, serve, signIn as signInAs, signOut, tally, teardown } from "./harness.mjs";

const [cairn, webDist, shots] = process.argv.slice(2);
const { work, db } = preparedStore(cairn, "screening", { ocds: true });
const t = tally();
const check = t.check;

const { base, server } = await serve(cairn, db, webDist);
const browser = await launch(webDist);
const shot = screenshots(shots);
const signIn = (page, user) => signInAs(page, base, user);
const header = "name,company_number,address,postcode,declaration_signed,declaration_date,sia_approved";
const released = "Police Scotland advises enhanced due diligence on this bidder's directors.";

try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 1000 } });
  page.setDefaultTimeout(10000);
  await signIn(page, "fife.partner");
  await page.getByRole("link", { name: "Screening", exact: true }).click();
  await page.getByRole("heading", { name: "Register a tender" }).waitFor();
  const form = page.locator("#tender-form");
  await form.getByLabel("Buyer").fill("Fife Council");
  await form.getByLabel("Title").fill("Licensed premises catering");
  await form.getByLabel("CPV codes").fill("55500000");
  await form.getByLabel("Bidders", { exact: true }).fill(`${header}\nClyde Taverns Ltd,SC612345,,,yes,2024-05-01,no\nOther Ltd,,,,maybe,,\n`);
  await form.getByRole("button", { name: "Register and screen" }).click();
  await form.getByRole("alert").waitFor();
  check("a bad row refuses the upload, naming the row", (await form.getByRole("alert").textContent()).includes("Row 3"));

  await form.getByLabel("Bidders", { exact: true }).fill(
    `${header}\nClyde Taverns Ltd,SC612345,,,yes,2024-05-01,no\n!OBAC UK LIMITED,07687209,,,no,,no\n`);
  await form.getByRole("button", { name: "Register and screen" }).click();
  await page.getByRole("heading", { name: "Licensed premises catering" }).waitFor();
  const rows = page.getByRole("table", { name: "Bidders" }).getByRole("row");
  const clyde = await rows.filter({ hasText: "Clyde Taverns Ltd" }).textContent();
  const obac = await rows.filter({ hasText: "!OBAC UK LIMITED" }).textContent();
  check("the named bidder is referred with a reference", clyde.includes("Refer") && /SCR-\d{6}-01/.test(clyde));
  check("the other has no concerns", obac.includes("No concerns"));
  check("a missing declaration is shown", obac.includes("no signed SOC non-involvement declaration"));
  const text = await page.locator("main").textContent();
  check("the officer is not told why", !text.includes("N1") && !text.includes("intelligence record") && !text.includes("Smith"));
  check("the decision is awaited", clyde.includes("Awaiting decision"));
  await shot(page, "21-tender-screened");
  const tenderUrl = page.url();
  await signOut(page);

  await signIn(page, "police.analyst");
  await page.getByRole("link", { name: "Referrals", exact: true }).click();
  await page.getByRole("link", { name: "Clyde Taverns Ltd" }).click();
  await page.getByRole("heading", { name: "Referral: Clyde Taverns Ltd" }).waitFor();
  check("the SPOC sees why", (await page.getByRole("region", { name: "Why screening referred" }).textContent()).includes("N1"));
  const decide = page.locator("#decision-form");
  await decide.getByLabel("Outcome").selectOption("information_released");
  await decide.getByLabel("What is released").fill(released);
  await decide.getByLabel("Lawful basis").selectOption("uk_gdpr_art10");
  await decide.getByLabel("Rationale").fill("The director is a subject of an active operation");
  await decide.getByRole("button", { name: "Record decision" }).click();
  await decide.getByRole("alert").waitFor();
  check("a release without handling conditions is refused", (await decide.getByRole("alert").textContent()).includes("Schedule 1") ||
    (await decide.getByRole("alert").textContent()).includes("handling conditions"));
  await decide.getByLabel("Schedule 1 condition").selectOption("sch1-p2-10");
  await decide.getByLabel("Handling conditions").fill("Procurement panel only");
  await decide.getByRole("button", { name: "Record decision" }).click();
  await page.getByRole("heading", { name: "Decision" }).waitFor();
  check("the decision is recorded", (await page.getByRole("region", { name: "Decision" }).textContent()).includes("Release information"));
  await shot(page, "22-referral-decided");
  await signOut(page);

  await signIn(page, "fife.partner");
  await page.goto(tenderUrl);
  await page.getByRole("heading", { name: "Licensed premises catering" }).waitFor();
  const after = await page.getByRole("table", { name: "Bidders" }).getByRole("row").filter({ hasText: "Clyde Taverns Ltd" }).textContent();
  check("the officer sees what was released", after.includes(released));
  check("with its basis and handling conditions", after.includes("uk_gdpr_art10") && after.includes("Procurement panel only"));
  check("but not the rationale", !(await page.locator("main").textContent()).includes("active operation"));
  await shot(page, "23-tender-released");

  await page.getByRole("link", { name: "Procurement exposure", exact: true }).click();
  await page.locator("#exposure-total").waitFor();
  check("the partner sees the exposure report, small counts withheld",
    (await page.locator("main").textContent()).includes("are withheld, except for your own organisation"));
  await shot(page, "24-exposure");

  await page.getByRole("link", { name: "Red flags", exact: true }).click();
  await page.getByRole("table", { name: "Totals" }).waitFor();
  check("the red-flag dashboard counts Cardinal's flags over the ingested releases",
    (await page.getByRole("table", { name: "Totals" }).textContent()).includes("R018 Single bid received"));
  await shot(page, "25-red-flags");
} catch (e) {
  check("the journey completes", false, e.message);
} finally {
  await teardown(browser, server, work);
}
t.finish();
