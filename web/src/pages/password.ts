import { ApiError, Session, call } from "../api";
import { field, h, render, showErrors } from "../dom";
import { go } from "../main";

export function passwordPage(s: Session): void {
  const first = s.user.must_change_password;
  const form = h("form", { novalidate: true, "aria-label": "Change password" },
    field("current_password", first ? "One-time password" : "Current password", { type: "password", autocomplete: "current-password" }),
    field("new_password", "New password", { type: "password", autocomplete: "new-password", hint: "At least 12 characters. A short phrase of several words is easy to remember and hard to guess." }),
    field("confirm_password", "Type the new password again", { type: "password", autocomplete: "new-password" }),
    h("button", { class: "ds_button", type: "submit" }, "Change password"));
  form.addEventListener("submit", async (e) => {
    e.preventDefault();
    const data = new FormData(form);
    const current = String(data.get("current_password") ?? "");
    const next = String(data.get("new_password") ?? "");
    if (next !== String(data.get("confirm_password") ?? "")) {
      showErrors(form, [{ field: "confirm_password", message: "The two new passwords do not match" }]);
      return;
    }
    try {
      await call("POST", "/session/password", { current_password: current, new_password: next });
      s.user.must_change_password = false;
      go("/");
    } catch (err) {
      if (!(err instanceof ApiError)) throw err;
      const fieldId = err.field === "password" ? "new_password" : err.field;
      const label = fieldId === "new_password" ? "New password" : fieldId === "current_password" ? "Current password" : "";
      showErrors(form, [{ field: fieldId, message: label ? `${label} ${err.message}` : err.message }]);
    }
  });
  render(first ? "Choose your password" : "Change your password",
    first ? h("p", { class: "ds_leader" }, "You signed in with a one-time password. Choose your own before you continue.") : null,
    form);
}
