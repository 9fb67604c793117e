import { ApiError, Session, call } from "../api";
import { field, h, render, showErrors } from "../dom";
import { signedIn } from "../main";

export function signInPage(): void {
  const form = h("form", { novalidate: true, "aria-label": "Sign in" },
    field("username", "Username", { autocomplete: "username", required: true }),
    field("password", "Password", { type: "password", autocomplete: "current-password", required: true }),
    h("button", { class: "ds_button", type: "submit" }, "Sign in"));
  form.addEventListener("submit", async (e) => {
    e.preventDefault();
    const data = new FormData(form);
    const username = String(data.get("username") ?? "").trim();
    const password = String(data.get("password") ?? "");
    const missing = [];
    if (!username) missing.push({ field: "username", message: "Enter your username" });
    if (!password) missing.push({ field: "password", message: "Enter your password" });
    if (missing.length) { showErrors(form, missing); return; }
    try {
      const session = await call<Session>("POST", "/session/login", { username, password });
      await signedIn(session);
    } catch (err) {
      const message = err instanceof ApiError ? err.message : "Cairn could not be reached; try again";
      showErrors(form, [{ field: err instanceof ApiError && err.status === 401 ? "username" : undefined, message }]);
    }
  });
  render("Sign in to Cairn",
    h("p", { class: "ds_leader" }, "Cairn is for people working in Taskforce member organisations and partner bodies. Every sign-in is recorded."),
    form);
}
