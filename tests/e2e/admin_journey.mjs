// Browser test (playwright-core driving Debian's chromium; no browser is downloaded).
// The journey of the platform issue: the demo administrator signs in with the one-time
// password from `cairn init`, chooses a password, sees the four strands, creates a user,
// signs out; the new partner user signs in and cannot open the administration page.
//
// Usage: node admin_journey.mjs CAIRN_BINARY WEB_DIST [SCREENSHOT_DIR]
// Prints "N passed, N failed" and exits non-zero on any failure.
import { execFileSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

import { launch, screenshots, serve, tally, teardown } from "./harness.mjs";

const [cairn, webDist, shots] = process.argv.slice(2);
const work = mkdtempSync(join(tmpdir(), "cairn-e2e-"));
const db = join(work, "cairn.db");
const t = tally();
const check = t.check;

const init = execFileSync(cairn, ["--db", db, "init"], { encoding: "utf8" });
const otp = init.match(/one-time password: (\S+)/)[1];

const { base, server } = await serve(cairn, db, webDist);

const browser = await launch(webDist);
const shot = screenshots(shots);

try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  page.setDefaultTimeout(10000);

  // Sign in with the one-time password; keyboard only for the form.
  await page.goto(base + "/");
  await page.getByRole("heading", { name: "Sign in to Cairn" }).waitFor();
  await shot(page, "01-sign-in");
  await page.getByLabel("Username").fill("admin");
  await page.getByLabel("Password").fill("wrong password");
  await page.keyboard.press("Enter");
  await page.getByText("There is a problem").waitFor();
  check("a wrong password shows the error summary", await page.getByRole("link", { name: /wrong username or password/i }).isVisible());
  await page.getByLabel("Password").fill(otp);
  await page.getByRole("button", { name: "Sign in" }).click();

  // The one-time password must be replaced first.
  await page.getByRole("heading", { name: "Choose your password" }).waitFor();
  await page.getByLabel("One-time password").fill(otp);
  await page.getByLabel("New password", { exact: true }).fill("short");
  await page.getByLabel("Type the new password again").fill("short");
  await page.getByRole("button", { name: "Change password" }).click();
  await page.getByText("There is a problem").waitFor();
  check("a short password is refused", await page.getByText(/at least 12 characters/).first().isVisible());
  await shot(page, "02-password-error");
  await page.getByLabel("New password", { exact: true }).fill("granite cairn on the hill");
  await page.getByLabel("Type the new password again").fill("granite cairn on the hill");
  await page.getByRole("button", { name: "Change password" }).click();

  // Home: the four strands with leads and aims, members, my tasks.
  await page.getByRole("heading", { name: "The strategy's four strands" }).waitFor();
  for (const [code, name, lead] of [["divert", "Divert", "Action for Children"], ["deter", "Deter", "SOLACE Scotland"],
    ["detect", "Detect", "Police Scotland"], ["disrupt", "Disrupt", "COPFS"]]) {
    const card = page.locator(`[data-strand="${code}"]`);
    check(`strand ${name} shown`, (await card.getByRole("heading").textContent()) === name);
    check(`strand ${name} lead shown`, (await card.textContent()).includes(lead));
  }
  check("Detect aim shown", await page.getByText("Detect, identify and prosecute those involved in SOC.").isVisible());
  check("my tasks panel shown", await page.locator("#my-tasks").isVisible());
  check("members listed", (await page.getByRole("heading", { name: /Taskforce members \(15\)/ }).count()) === 1);
  check("32 councils listed", (await page.getByRole("heading", { name: /Councils \(32\)/ }).count()) === 1);
  await shot(page, "03-home");

  // Administration: create a partner user at Fife Council.
  await page.getByRole("link", { name: "Administration" }).click();
  await page.getByRole("heading", { name: "Add a user" }).waitFor();
  await page.getByLabel("Username", { exact: true }).fill("fife.partner");
  await page.getByLabel("Full name").fill("Morag Fife");
  await page.getByLabel("Email address").fill("morag@fife.example");
  await page.getByLabel("Role", { exact: true }).selectOption("partner");
  await page.getByLabel("Organisation", { exact: true }).selectOption({ label: "Fife Council" });
  await page.getByRole("button", { name: "Add user" }).click();
  await page.locator("#one-time-password").waitFor();
  const partnerOtp = (await page.locator("#one-time-password").textContent()).trim();
  const userCells = await page.getByRole("cell", { name: "fife.partner", exact: true }).count();
  check("new user listed", userCells === 1, `(${userCells} cells)`);
  check("one-time password shown", partnerOtp.length >= 16);
  await shot(page, "04-admin");

  // Audit log: the admin can read it, and the user creation is there.
  await page.getByRole("link", { name: "Audit log" }).click();
  await page.getByRole("heading", { name: "Audit log" }).waitFor();
  await page.locator("#audit-results table").waitFor();
  check("audit shows the user creation", (await page.locator("#audit-results").textContent()).includes("fife.partner"));
  await shot(page, "05-audit");

  // Sign out.
  await page.getByRole("button", { name: "Sign out" }).click();
  await page.getByRole("heading", { name: "Sign in to Cairn" }).waitFor();
  const me = await page.evaluate(async () => (await fetch("/api/v1/session/me")).status);
  check("signed out: the session is gone", me === 401, `(got ${me})`);

  // The partner signs in, chooses a password, and cannot open the administration page.
  await page.getByLabel("Username").fill("fife.partner");
  await page.getByLabel("Password").fill(partnerOtp);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.getByLabel("One-time password").fill(partnerOtp);
  await page.getByLabel("New password", { exact: true }).fill("kingdom of fife coast path");
  await page.getByLabel("Type the new password again").fill("kingdom of fife coast path");
  await page.getByRole("button", { name: "Change password" }).click();
  await page.getByRole("heading", { name: "The strategy's four strands" }).waitFor();
  check("partner sees no Administration link", (await page.getByRole("link", { name: "Administration" }).count()) === 0);
  await page.goto(base + "/#/admin");
  await page.getByRole("heading", { name: "You do not have permission to see this page" }).waitFor();
  check("partner sees no user table", (await page.getByRole("cell", { name: "fife.partner" }).count()) === 0);
  const api = await page.evaluate(async () => (await fetch("/api/v1/users")).status);
  check("the API refuses the partner too", api === 403, `(got ${api})`);
  await shot(page, "06-partner-denied");
} catch (e) {
  check("the journey completes", false, e.message);
} finally {
  await teardown(browser, server, work);
}

t.finish();
