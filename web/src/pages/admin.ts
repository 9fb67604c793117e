import { ApiError, Organisation, Session, User, call } from "../api";
import { announce, field, h, render, select, showErrors, table } from "../dom";

const ROLES: [string, string][] = [
  ["partner", "Partner"], ["analyst", "Analyst"], ["strand_lead", "Strand lead"],
  ["secretariat", "Secretariat"], ["auditor", "Auditor"], ["admin", "Administrator"],
];
const ORG_TYPES = ["government", "law_officer", "police", "prosecutor", "law_enforcement", "prison_service",
  "tax_authority", "border_agency", "council", "local_government_association", "health", "inspectorate",
  "third_sector", "private_sector"];

export async function adminPage(s: Session): Promise<void> {
  const [{ users }, { organisations }] = await Promise.all([
    call<{ users: User[] }>("GET", "/users"),
    call<{ organisations: Organisation[] }>("GET", "/organisations"),
  ]);
  const orgName = new Map(organisations.map((o) => [o.id, o.name]));
  const result = h("div", { id: "user-created" });

  const userForm = h("form", { novalidate: true, "aria-labelledby": "new-user-title" },
    h("h3", { id: "new-user-title" }, "Add a user"),
    field("username", "Username", { hint: "3 to 64 characters: lower-case letters, digits, '.', '_' or '-'" }),
    field("display_name", "Full name"),
    field("email", "Email address", { type: "email" }),
    select("role", "Role", ROLES),
    select("organisation_id", "Organisation", organisations.map((o) => [String(o.id), o.name]), String(s.user.organisation_id)),
    h("p", { class: "ds_hint-text" }, "Cairn makes a one-time password for the new user, shown once below. Pass it on securely; they choose their own at first sign-in."),
    h("button", { class: "ds_button", type: "submit" }, "Add user"));
  userForm.addEventListener("submit", async (e) => {
    e.preventDefault();
    const d = new FormData(userForm);
    try {
      const created = await call<{ user: User; one_time_password: string }>("POST", "/users", {
        username: String(d.get("username")).trim(), display_name: String(d.get("display_name")).trim(),
        email: String(d.get("email")).trim(), role: String(d.get("role")),
        organisation_id: Number(d.get("organisation_id")),
      });
      await adminPage(s);
      const panel = h("div", { class: "ds_notification-panel", role: "status", id: "created-panel" },
        h("h2", { class: "ds_notification-panel__title" }, `User ${created.user.username} added`),
        h("div", { class: "ds_notification-panel__content" },
          h("p", {}, "One-time password: ", h("span", { class: "cairn-secret", id: "one-time-password" }, created.one_time_password)),
          h("p", {}, "It will not be shown again.")));
      document.getElementById("user-created")!.replaceChildren(panel);
      announce(`User ${created.user.username} added`);
    } catch (err) {
      if (!(err instanceof ApiError)) throw err;
      showErrors(userForm, [{ field: err.field, message: err.field ? `${labelFor(err.field)} ${err.message}` : err.message }]);
    }
  });

  const orgForm = h("form", { novalidate: true, "aria-labelledby": "new-org-title" },
    h("h3", { id: "new-org-title" }, "Add an organisation"),
    field("name", "Name"),
    select("type", "Type", ORG_TYPES.map((t) => [t, t.replace(/_/g, " ")])),
    select("region", "Region (councils)", [["", "None"], ["West", "West"], ["East", "East"], ["North", "North"]]),
    h("button", { class: "ds_button", type: "submit" }, "Add organisation"));
  orgForm.addEventListener("submit", async (e) => {
    e.preventDefault();
    const d = new FormData(orgForm);
    const body: Record<string, unknown> = { name: String(d.get("name")).trim(), type: String(d.get("type")) };
    if (d.get("region")) body.region = String(d.get("region"));
    try {
      const org = await call<Organisation>("POST", "/organisations", body);
      await adminPage(s);
      announce(`Organisation ${org.name} added`);
    } catch (err) {
      if (!(err instanceof ApiError)) throw err;
      showErrors(orgForm, [{ field: err.field, message: err.field ? `${labelFor(err.field)} ${err.message}` : err.message }]);
    }
  });

  const toggle = (u: User) => h("button", {
    class: "ds_button ds_button--secondary ds_button--small", type: "button",
    disabled: u.id === s.user.id, "aria-label": `${u.disabled ? "Enable" : "Disable"} ${u.username}`,
    onclick: async () => {
      await call("PATCH", `/users/${u.id}`, { disabled: !u.disabled });
      await adminPage(s);
      announce(`${u.username} ${u.disabled ? "enabled" : "disabled"}`);
    },
  }, u.disabled ? "Enable" : "Disable");

  render("Administration",
    h("section", { "aria-labelledby": "users-title" },
      h("h2", { id: "users-title" }, `Users (${users.length})`),
      result,
      table("Users", ["Username", "Name", "Role", "Organisation", "Status", ""],
        users.map((u) => [u.username, u.display_name, u.role.replace("_", " "), orgName.get(u.organisation_id) ?? "",
          u.disabled ? h("strong", { class: "ds_tag ds_tag--grey" }, "Disabled") : h("strong", { class: "ds_tag ds_tag--green" }, "Active"),
          toggle(u)])),
      userForm),
    h("section", { "aria-labelledby": "orgs-title" },
      h("h2", { id: "orgs-title" }, `Organisations (${organisations.length})`),
      table("Organisations", ["Name", "Type", "Region", "Taskforce member"],
        organisations.map((o) => [o.name, o.type.replace(/_/g, " "), o.region ?? "", o.taskforce_member ? "Yes" : "No"])),
      orgForm));
}

function labelFor(fieldName: string): string {
  const labels: Record<string, string> = {
    username: "Username", display_name: "Full name", email: "Email address", role: "Role",
    organisation_id: "Organisation", name: "Name", type: "Type", region: "Region",
  };
  return labels[fieldName] ?? fieldName;
}
