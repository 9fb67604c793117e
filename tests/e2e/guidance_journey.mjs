// Browser test of guidance: a business owner's path through the public site on a phone, without
// signing in (what SOC looks like in a business like theirs, how to protect it, how to report;
// printable; nothing restricted reachable), then a partner finding the guidance beside a finding,
// and the secretariat editing a page — a script in it neutralised — and publishing it.
//
// Usage: node guidance_journey.mjs CAIRN_BINARY WEB_DIST [SCREENSHOT_DIR]
import { launch, password, preparedStore, screenshots, serve, signIn as signInAs, signOut, tally, teardown } from "./harness.mjs";

const [cairn, webDist, shots] = process.argv.slice(2);
const { work, db, run } = preparedStore(cairn, "guidance");
run(["user", "add", "--username", "sg.secretariat", "--display-name", "SG Secretariat", "--email", "s@sg.example",
  "--role", "secretariat", "--organisation", "scottish-government", "--password-stdin"], password + "\n");
const t = tally();
const check = t.check;
const { base, server } = await serve(cairn, db, webDist);
const browser = await launch(webDist);
const shot = screenshots(shots);

try {
  // A business owner on a phone, not signed in.
  const phone = await browser.newPage({ viewport: { width: 390, height: 844 }, isMobile: true });
  phone.setDefaultTimeout(10000);
  await phone.goto(`${base}/public/`, { timeout: 30000 });
  await phone.getByRole("heading", { level: 1, name: "Serious organised crime: spot it, report it" }).waitFor();
  check("the public site needs no sign-in", true);
  check("the public site runs no script", (await phone.locator("script").count()) === 0);
  check("it fits a phone's width", await phone.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth));
  await phone.getByRole("link", { name: "For business owners" }).click();
  await phone.getByRole("heading", { level: 1, name: "For business owners" }).waitFor();
  check("how to protect a business", (await phone.locator("main").textContent()).includes("Know who you deal with"));
  await phone.getByRole("link", { name: "car washes" }).click();
  await phone.getByRole("heading", { level: 1, name: "Hand car washes" }).waitFor();
  check("what SOC looks like in a car wash", (await phone.locator("main").textContent()).includes("caravan or container"));
  await shot(phone, "60-public-car-wash");
  await phone.getByRole("link", { name: "How to report" }).first().click();
  await phone.getByRole("heading", { level: 1, name: "How to report serious organised crime" }).waitFor();
  const report = await phone.locator("main").textContent();
  check("how to report: 999, 101 and Crimestoppers anonymously", report.includes("999") && report.includes("101") &&
    report.includes("Crimestoppers on 0800 555 111"));
  await phone.emulateMedia({ media: "print" });
  check("printable: the site's header is left off the printout", !(await phone.locator("header").isVisible()));
  await phone.emulateMedia({ media: "screen" });
  const doorstep = await phone.goto(`${base}/public/doorstep-crime`);
  check("doorstep-crime advice for older people", doorstep.status() === 200 &&
    (await phone.locator("main").textContent()).includes("You do not have to open the door"));
  for (const path of ["/public/for-procurement", "/public/refer-what-happens-next"]) {
    const r = await phone.goto(`${base}${path}`);
    check(`nothing restricted on the public site: ${path}`, r.status() === 404 &&
      (await phone.getByRole("heading", { name: "Page not found" }).count()) === 1);
  }
  const api = await phone.goto(`${base}/api/v1/guidance`);
  check("the guidance API needs a sign-in", api.status() === 401);

  // A partner sees the guidance beside a finding.
  const page = await browser.newPage({ viewport: { width: 1280, height: 1000 } });
  page.setDefaultTimeout(10000);
  await signInAs(page, base, "fife.partner");
  await page.goto(`${base}/#/findings`);
  const findings = page.getByRole("table", { name: "Findings, highest score first" });
  await findings.waitFor();
  await findings.getByRole("row").nth(1).getByRole("link").nth(1).click();
  const aside = page.getByRole("complementary", { name: "Guidance" });
  await aside.waitFor();
  const first = aside.getByRole("link").first();
  const guidanceTitle = await first.textContent();
  await first.click();
  await page.getByRole("heading", { level: 1, name: guidanceTitle }).waitFor();
  check("a finding links to the guidance for its indicator", (await page.locator("main").textContent()).includes("Review by"));
  await shot(page, "61-guidance-from-finding");

  // The library: a case study recorded, a file shared (a misleading one refused), and search.
  await page.getByRole("link", { name: "Library", exact: true }).click();
  const cs = page.locator("#case-study-form");
  await cs.waitFor();
  await cs.getByLabel("Title").fill("Joint visit to a hand car wash");
  await cs.getByLabel("What happened").fill("Inspectors saw a **caravan on site**; licensing and police visited together.");
  await cs.getByLabel("Sector").fill("car_washes");
  await cs.getByLabel("Council area").fill("Fife");
  await cs.getByLabel("Indicators seen").fill("B2");
  await cs.getByLabel("Strand that acted").selectOption("disrupt");
  await cs.getByLabel("Outcome").fill("Premises closed; 4 people safeguarded");
  await cs.getByRole("button", { name: "Record case study" }).click();
  await page.getByRole("heading", { level: 1, name: "Joint visit to a hand car wash" }).waitFor();
  check("a case study is recorded and its Markdown rendered", (await page.locator("main strong", { hasText: "caravan on site" }).count()) === 1);
  await page.getByRole("link", { name: "The library" }).click();
  const share = page.locator("#resource-form");
  await share.waitFor();
  await share.getByLabel("Title").fill("Car wash inspection checklist");
  await share.getByLabel("File").setInputFiles({ name: "checklist.pdf", mimeType: "application/pdf",
    buffer: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0, 0, 0, 1, 0, 0, 0, 1, 8, 6, 0, 0, 0, 0x1f, 0x15, 0xc4, 0x89]) });
  await share.getByRole("button", { name: "Share file" }).click();
  await share.getByRole("alert").waitFor();
  check("a file whose name hides its type is refused with the reason",
    (await share.getByRole("alert").textContent()).includes("says .pdf but its content is image/png"));
  await share.getByLabel("File").setInputFiles({ name: "checklist.pdf", mimeType: "application/pdf",
    buffer: Buffer.from("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n") });
  await share.getByRole("button", { name: "Share file" }).click();
  await page.getByRole("table", { name: "Resources" }).getByText("1: checklist.pdf").waitFor();
  check("a file is shared as version 1, with no empty entry left by the refused one",
    (await page.getByRole("table", { name: "Resources" }).textContent()).includes("no file yet") === false);
  const search = page.locator("#library-search");
  await search.getByLabel("Search guidance, case studies and resources").fill("car wash");
  await search.getByRole("button", { name: "Search" }).click();
  const results = page.locator("#library-results");
  await results.waitFor();
  const found = await results.textContent();
  check("search finds guidance, case studies and resources", found.includes("Hand car washes") &&
    found.includes("Joint visit to a hand car wash") && found.includes("Car wash inspection checklist"));
  await shot(page, "62-library-search");
  await signOut(page);

  // The secretariat edits a page; a script typed into it is neutralised.
  await signInAs(page, base, "sg.secretariat");
  await page.goto(`${base}/#/guidance/sector-car-washes`);
  await page.getByRole("link", { name: "Edit this page" }).click();
  const form = page.locator("#guidance-form");
  await form.waitFor();
  const body = form.getByLabel("Text");
  await body.fill((await body.inputValue()) + "\n\n## New this season\n\nMobile car washes too. <script>window.pwned = 1</script>\n");
  await form.getByRole("button", { name: "Save page" }).click();
  await page.getByRole("heading", { level: 2, name: "New this season" }).waitFor();
  check("the edit is a new version", (await page.locator("main").textContent()).includes("Version2"));
  check("a script in the text never runs", (await page.evaluate(() => window.pwned)) === undefined &&
    (await page.locator("main script").count()) === 0);
  await phone.goto(`${base}/public/sector-car-washes`);
  check("the public page shows the edit", (await phone.locator("main").textContent()).includes("Mobile car washes too."));
  check("and no script", (await phone.locator("script").count()) === 0);
} catch (e) {
  check("the journey completes", false, e.message);
} finally {
  await teardown(browser, server, work);
}
t.finish();
