// A tiny DOM builder. Text always goes in as text nodes, never as HTML, so data from the API
// cannot inject markup.

type Child = Node | string | number | null | undefined | false;
type AttrValue = string | number | boolean | null | undefined | ((e: Event) => void);

export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Record<string, AttrValue> = {},
  ...children: (Child | Child[])[]
): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value === null || value === undefined || value === false) continue;
    if (typeof value === "function") {
      el.addEventListener(name.replace(/^on/, ""), value);
    } else if (value === true) {
      el.setAttribute(name, "");
    } else {
      el.setAttribute(name, String(value));
    }
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    el.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return el;
}

// Replaces the page content, moves focus to its heading (so screen readers announce the new
// page) and sets the document title.
export function render(title: string, ...content: (Child | Child[])[]): void {
  const app = document.getElementById("app")!;
  const heading = h("h1", { class: "ds_page-header__title", tabindex: "-1" }, title);
  app.replaceChildren(h("header", { class: "ds_page-header" }, heading), ...content.flat().filter(isNode));
  document.title = `${title} – Cairn`;
  heading.focus();
}

function isNode(c: Child): c is Node {
  return c instanceof Node;
}

export function announce(message: string): void {
  document.getElementById("announce")!.textContent = message;
}

// A labelled text field in the design system's markup. `name` is also the id.
export function field(name: string, label: string, opts: { type?: string; hint?: string; value?: string;
  autocomplete?: string; required?: boolean } = {}): HTMLDivElement {
  const hintId = opts.hint ? `${name}-hint` : undefined;
  return h("div", { class: "ds_question", id: `${name}-question` },
    h("label", { class: "ds_label", for: name }, label),
    opts.hint ? h("p", { class: "ds_hint-text", id: hintId }, opts.hint) : null,
    h("input", { class: "ds_input", id: name, name, type: opts.type ?? "text", value: opts.value,
      autocomplete: opts.autocomplete, required: opts.required, "aria-describedby": hintId }));
}

export function select(name: string, label: string, options: [string, string][], value = ""): HTMLDivElement {
  return h("div", { class: "ds_question", id: `${name}-question` },
    h("label", { class: "ds_label", for: name }, label),
    h("div", { class: "ds_select-wrapper" },
      h("select", { class: "ds_select", id: name, name },
        options.map(([v, text]) => h("option", { value: v, selected: v === value }, text))),
      h("span", { class: "ds_select-arrow", "aria-hidden": "true" })));
}

export interface FieldError { field?: string; message: string }

// Shows an error summary above `form` linking to the field at fault, marks that field, and
// moves focus to the summary (the design system's pattern for form errors).
export function showErrors(form: HTMLFormElement, raw: FieldError[]): void {
  // The API's messages are lower-case fragments; on the page they read as sentences.
  const errors = raw.map((e) => ({ ...e, message: e.message.charAt(0).toUpperCase() + e.message.slice(1) }));
  form.querySelector(".ds_error-summary")?.remove();
  form.querySelectorAll(".ds_question--error").forEach((q) => q.classList.remove("ds_question--error"));
  form.querySelectorAll(".ds_question__error-message").forEach((m) => m.remove());
  if (errors.length === 0) return;
  const summary = h("div", { class: "ds_error-summary", role: "alert", tabindex: "-1", "aria-labelledby": "error-summary-title" },
    h("h2", { class: "ds_error-summary__title", id: "error-summary-title" }, "There is a problem"),
    h("ul", { class: "ds_error-summary__list" },
      errors.map((e) => h("li", {}, e.field && form.querySelector(`#${CSS.escape(e.field)}`)
        ? h("a", { href: `#${e.field}`, onclick: (ev: Event) => { ev.preventDefault(); (form.querySelector(`#${CSS.escape(e.field!)}`) as HTMLElement).focus(); } }, e.message)
        : e.message))));
  for (const e of errors) {
    const question = e.field ? form.querySelector(`#${CSS.escape(e.field)}-question`) : null;
    if (question) {
      question.classList.add("ds_question--error");
      // After a fieldset's legend, or the question's label.
      (question.querySelector(":scope > legend") ?? question.querySelector("label"))!.after(
        h("p", { class: "ds_question__error-message" }, e.message));
    }
  }
  form.prepend(summary);
  summary.focus();
}

export function table(caption: string, headings: string[], rows: Child[][]): HTMLDivElement {
  return h("div", { class: "cairn-table-wrap" },
    h("table", { class: "ds_table" },
      h("caption", { class: "visually-hidden" }, caption),
      h("thead", {}, h("tr", {}, headings.map((t) => h("th", { scope: "col" }, t)))),
      h("tbody", {}, rows.map((r) => h("tr", {}, r.map((c) => h("td", {}, c)))))));
}
