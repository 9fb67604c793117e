// Browser test of tasking: a police analyst makes a task of a restricted finding for Fife
// Council (refused until a lawful basis and handling conditions are given); the council's
// officer is notified, accepts it, starts work, records a counted outcome and marks it done,
// and the analyst hears back and sees it on the tasking board. A local tasking group's action
// then becomes a task in one step, and a Divert case starts its NRM support clock. A step cannot be skipped and the priority's factors are shown.
//
// Usage: node tasks_journey.mjs CAIRN_BINARY WEB_DIST [SCREENSHOT_DIR]
import { launch, preparedStore, screenshots, serve, signIn as signInAs, signOut, tally, teardown } from "./harness.mjs";

const [cairn, webDist, shots] = process.argv.slice(2);
const { work, db } = preparedStore(cairn, "tasks");
const t = tally();
const check = t.check;

const { base, server } = await serve(cairn, db, webDist);
const browser = await launch(webDist);
const shot = screenshots(shots);
const signIn = (page, user) => signInAs(page, base, user);
const title = "Check the licence holder's associates";

try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 1000 } });
  page.setDefaultTimeout(10000);
  await signIn(page, "police.analyst");
  await page.goto(`${base}/#/findings?indicator=N1`);
  const findings = page.getByRole("table", { name: "Findings, highest score first" });
  await findings.waitFor();
  await findings.getByRole("row").nth(1).getByRole("link").nth(1).click();
  await page.getByRole("link", { name: "Make a task of this finding" }).click();
  const form = page.locator("#task-form");
  await form.getByRole("heading", { name: /Propose a task from finding \d+/ }).waitFor();
  await form.getByLabel("Title").fill(title);
  await form.getByLabel("What is to be done").fill("Review the premises licence and its holder's associates.");
  await form.getByLabel("Strand").selectOption("deter");
  await form.getByLabel("Objective").selectOption("deter-2");
  await form.getByLabel("Owning organisation").selectOption({ label: "Fife Council" });
  await form.getByLabel("Harm").selectOption("4");
  await form.getByLabel("Likelihood").selectOption("3");
  await form.getByLabel("Confidence").selectOption("5");
  await form.getByLabel("Council area").fill("Fife");
  await form.getByRole("button", { name: "Propose task" }).click();
  await form.getByRole("alert").waitFor();
  check("restricted information does not leave without a lawful basis",
    (await form.getByRole("alert").textContent()).toLowerCase().includes("lawful basis"));
  await form.getByLabel("Lawful basis").selectOption("dpa_part3_s31");
  await form.getByLabel("Handling conditions").fill("Licensing team only; do not alert the licence holder.");
  await form.getByRole("button", { name: "Propose task" }).click();
  await page.getByRole("heading", { name: title }).waitFor();
  const priority = await page.getByRole("table", { name: "How the priority is made" }).textContent();
  check("the priority's factors are shown", priority.includes("Harm (1–5)4") && priority.includes("48.0"));
  check("the sharing terms are shown", (await page.getByRole("region", { name: "Shared under" }).textContent()).includes("dpa_part3_s31"));
  check("the creator cannot move it on", (await page.locator("#step-form").count()) === 0);
  await shot(page, "31-task-proposed");
  const taskUrl = page.url();
  await signOut(page);

  await signIn(page, "fife.partner");
  await page.getByRole("link", { name: "Notifications", exact: true }).click();
  const note = page.getByRole("link", { name: new RegExp(`Task \\d+ "${title}": proposed to Fife Council`) });
  await note.waitFor();
  check("the owner is notified", true);
  await note.click();
  await page.getByRole("heading", { name: title }).waitFor();
  check("the owner sees the handling conditions", (await page.locator("main").textContent()).includes("do not alert the licence holder"));
  const step = async (label, reason) => {
    const f = page.locator("#step-form");
    await f.locator("label", { hasText: label }).click();  // the design system's label covers the radio
    if (reason) await f.getByLabel("Reason").fill(reason);
    await f.getByRole("button", { name: "Save" }).click();
  };
  check("only the next steps are offered", (await page.locator("#step-form").textContent()).includes("Accept") &&
    !(await page.locator("#step-form").textContent()).includes("Mark done"));
  await step("Decline");
  await page.locator("#step-form").getByRole("alert").waitFor();
  check("a decline needs a reason", (await page.locator("#step-form").getByRole("alert").textContent()).includes("why"));
  await step("Accept");
  await page.getByRole("radio", { name: "Start work" }).waitFor();
  await step("Start work");
  await page.locator("#outcome-form").waitFor();
  const outcome = page.locator("#outcome-form");
  await outcome.getByLabel("Outcome").selectOption("licence_refused");
  await outcome.getByLabel("Count").fill("1");
  await outcome.getByLabel("Note").fill("Board refused the renewal");
  await outcome.getByRole("button", { name: "Record outcome" }).click();
  await page.getByRole("table", { name: "Outcomes" }).waitFor();
  check("the outcome is counted", (await page.getByRole("table", { name: "Outcomes" }).textContent()).includes("Licence refused"));
  await step("Mark done");
  await page.getByRole("table", { name: "History" }).getByText("In progress → Done").waitFor();
  check("the task is done", (await page.locator("main dl").first().textContent()).includes("Done"));
  await shot(page, "32-task-done");
  await page.getByRole("link", { name: "Strategy", exact: true }).click();
  const deter = page.getByRole("table", { name: "Deter: progress by objective" });
  await deter.waitFor();
  const row = await deter.getByRole("row").filter({ hasText: "deter-2" }).textContent();
  check("the strategy page counts the task and its outcome against its objective", row.includes("1 licences refused"));
  await shot(page, "36-strategy");
  const [report] = await Promise.all([
    page.waitForEvent("popup"),
    page.getByRole("link", { name: "Web page" }).click(),
  ]);
  await report.waitForLoadState();
  const reportText = await report.locator("body").textContent();
  check("the done task appears in the progress report", reportText.includes("1 licences refused") &&
    reportText.includes("deter-2: Licensing and regulatory regimes"));
  await shot(report, "37-progress-report");
  await report.close();
  const pdf = await page.request.get(base + await page.getByRole("link", { name: "PDF" }).getAttribute("href"));
  const body = await pdf.body();
  check("the progress report downloads as a PDF", pdf.ok() && body.subarray(0, 5).toString() === "%PDF-");
  await signOut(page);

  await signIn(page, "police.analyst");
  await page.getByRole("link", { name: "Notifications", exact: true }).click();
  await page.getByRole("link", { name: new RegExp(`"${title}" is now done`) }).waitFor();
  check("the analyst hears it is done", true);
  await page.goto(`${base}/#/tasks?status=done`);
  await page.getByRole("table", { name: "Tasks" }).waitFor();
  check("the task list filters to done", (await page.getByRole("table", { name: "Tasks" }).textContent()).includes(title));
  check("the list says how many tasks match", /^\d+ tasks?/.test(await page.locator("#tasks-count").textContent()));
  await page.goto(`${base}/#/tasks?status=done&offset=500`);
  await page.getByText("No tasks on this page.").waitFor();
  await page.getByRole("navigation", { name: "Pages of tasks" }).getByRole("link", { name: "Previous" }).click();
  await page.getByRole("table", { name: "Tasks" }).waitFor();
  check("a page past the end leads back to the tasks",
    (await page.getByRole("table", { name: "Tasks" }).textContent()).includes(title));
  await page.getByRole("link", { name: "Tasking board", exact: true }).click();
  const measures = page.getByRole("region", { name: "Intelligence to tasking" });
  await measures.waitFor();
  const m = await measures.textContent();
  check("the board counts the task done on time", m.includes("1 of 1 (100%)"));
  check("and the time from finding to accepted task", m.includes("over 1 findings"));
  check("the board charts tasks by strand", (await page.locator("#chart-strands").count()) === 1 &&
    (await page.getByRole("table", { name: "Tasks by strand" }).textContent()).includes("Deter"));
  await shot(page, "34-tasking-board");
  await signOut(page);

  // A local tasking group's action becomes a task in one step.
  await signIn(page, "fife.partner");
  await page.getByRole("link", { name: "Meetings", exact: true }).click();
  const mf = page.locator("#meeting-form");
  await mf.waitFor();
  await mf.getByLabel("Kind").selectOption("local_tasking_group");
  await mf.getByLabel("Title").fill("Fife local tasking group");
  await mf.getByLabel("Council area (local tasking groups)").fill("Fife");
  await mf.getByLabel("Date").fill("2026-11-20");
  await mf.locator("label", { hasText: "Police Scotland" }).click();
  await mf.getByLabel("Agenda").fill("Car washes in Kirkcaldy\nNail bars");
  await mf.getByRole("button", { name: "Record meeting" }).click();
  await page.getByRole("heading", { name: "Fife local tasking group" }).waitFor();
  check("the meeting keeps its attendees and agenda",
    (await page.getByRole("region", { name: "Attendees" }).textContent()).includes("Police Scotland") &&
    (await page.getByRole("region", { name: "Agenda" }).textContent()).includes("Nail bars"));
  const af = page.locator("#action-form");
  await af.getByLabel("Action").fill("Joint visit to the Kirkcaldy car washes");
  await af.getByLabel("Owning organisation").selectOption({ label: "Police Scotland" });
  await af.getByLabel("Due date").fill("2027-02-28");
  await af.getByRole("button", { name: "Add action" }).click();
  const tf = page.locator("form.cairn-task-from-action").first();
  await tf.waitFor();
  await tf.getByLabel("Objective").selectOption("deter-2");
  await tf.getByRole("button", { name: "Make a task" }).click();
  await page.getByRole("heading", { name: "Joint visit to the Kirkcaldy car washes" }).waitFor();
  const made = await page.locator("main dl").first().textContent();
  check("the action became a task for its owner, due when the action was", made.includes("Police Scotland") && made.includes("2027-02-28"));
  await shot(page, "35-task-from-meeting");

  // The self-assessment: all yes but one procurement question, which becomes a red action.
  await page.getByRole("link", { name: "Self-assessment", exact: true }).click();
  const sa = page.locator("#assessment-form");
  await sa.waitFor();
  await sa.getByLabel("Group").fill("Integrity Group");
  const yes = sa.locator("label.ds_radio__label", { hasText: /^Yes$/ });
  for (let i = 0; i < await yes.count(); ++i) await yes.nth(i).click();
  await sa.locator("label[for=proc-1-0]").click();
  await sa.getByRole("button", { name: "Submit" }).click();
  await page.getByRole("heading", { name: "Self-assessment: Fife Council, Integrity Group" }).waitFor();
  check("the score by theme counts the no", (await page.getByRole("table", { name: "Score by theme" }).textContent()).includes("Procurement67%"));
  check("and the action plan carries its action, red, linked to its objective",
    (await page.getByRole("table", { name: "Action plan" }).textContent()).includes("Add the SOC non-involvement declaration to every regulated tender.deter-1"));
  await shot(page, "39-self-assessment");

  // Training: a completion counted against the staff in scope.
  await page.getByRole("link", { name: "Training", exact: true }).click();
  const tc = page.locator("#completion-form");
  await tc.waitFor();
  await tc.getByLabel("Course").selectOption("soc-procurement");
  await tc.getByLabel("Who").fill("R. Buyer");
  await tc.getByLabel("Completed on").fill("2026-11-02");
  await tc.getByRole("button", { name: "Record" }).click();
  await page.getByRole("table", { name: "Coverage by organisation" }).waitFor();
  const sc = page.locator("#scope-form");
  await sc.getByLabel("Course").selectOption("soc-procurement");
  await sc.getByLabel("How many of your staff should take it").fill("4");
  await sc.getByRole("button", { name: "Save" }).click();
  await page.getByRole("table", { name: "Coverage by organisation" }).getByText("25%").waitFor();
  check("training coverage counts the completion against the staff in scope", true);

  // Divert: a potential victim of trafficking, the NRM's 90-day support clock, and a case that
  // only the organisations working it can open.
  await page.getByRole("link", { name: "Divert", exact: true }).click();
  const cf = page.locator("#case-form");
  await cf.waitFor();
  await cf.getByLabel("Who").selectOption("trafficking_victim");
  await cf.getByLabel("Initials or a pseudonym").fill("A.B.");
  await cf.getByLabel("Age band").selectOption("18-24");
  await cf.getByLabel("Council area").fill("Fife");
  // The server counts the 90 days from its own today (UTC): give it today, not a fixed date.
  const day = (offset) => new Date(Date.now() + offset * 86400000).toISOString().slice(0, 10);
  await cf.getByLabel("Referred to the National Referral Mechanism on").fill(day(-2));
  await cf.getByRole("button", { name: "Refer" }).click();
  await page.getByRole("heading", { name: /DIV-\d{6}: A\.B\./ }).waitFor();
  const nrm = page.locator("#nrm-form");
  await nrm.getByLabel("Reasonable grounds decision", { exact: true }).selectOption("positive");
  await nrm.getByLabel("Reasonable grounds decision made on").fill(day(0));
  await nrm.getByRole("button", { name: "Record decision" }).click();
  await page.getByText("90 days left").waitFor();
  check("a positive reasonable grounds decision starts the 90-day support clock",
    (await page.getByRole("region", { name: "National Referral Mechanism" }).textContent()).includes("At least until " + day(90)));
  await shot(page, "38-divert-case");
  const caseUrl = page.url();
  await signOut(page);
  await signIn(page, "police.analyst");
  await page.goto(caseUrl);
  await page.getByRole("heading", { name: "Not found" }).waitFor();
  check("an organisation not working the case cannot open it", true);

  // The areas: a tile map and the ranking, with the weights shown.
  await page.getByRole("link", { name: "Areas", exact: true }).click();
  const areas = page.getByRole("table", { name: "Council areas by score" });
  await areas.waitFor();
  check("the 32 council areas are drawn as tiles", (await page.locator(".cairn-tile").count()) === 32);
  check("the weights are shown", (await page.locator("#weights").textContent()).includes("× open tasks"));
  check("Fife's open tasks count in its score", /Fife.*East\d+(fewer than 5|\d+)(fewer than 5|\d+)[1-9]/.test(
    await areas.getByRole("row").filter({ hasText: /^Fife/ }).textContent()));
  await shot(page, "40-areas");
} catch (e) {
  check("the journey completes", false, e.message);
} finally {
  await teardown(browser, server, work);
}
t.finish();
