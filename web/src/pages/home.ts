import { Organisation, Session, Strand, call } from "../api";
import { h, render, table } from "../dom";

const REGIONS = ["West", "East", "North"];

export async function homePage(s: Session): Promise<void> {
  const [{ strands }, { organisations }] = await Promise.all([
    call<{ strands: Strand[] }>("GET", "/strands"),
    call<{ organisations: Organisation[] }>("GET", "/organisations"),
  ]);
  const members = organisations.filter((o) => o.taskforce_member);
  const councils = organisations.filter((o) => o.type === "council");

  render(`Welcome, ${s.user.display_name}`,
    h("section", { "aria-labelledby": "strands-title" },
      h("h2", { id: "strands-title" }, "The strategy's four strands"),
      h("ul", { class: "cairn-strands", role: "list" }, strands.map((st) =>
        h("li", { class: "cairn-strand", "data-strand": st.code },
          h("h3", {}, st.name),
          h("p", {}, st.aim),
          h("p", {}, h("strong", {}, "Lead: "), st.lead_organisation?.name ?? "not set",
            st.lead_person ? h("span", { class: "ds_hint-text" }, ` (${st.lead_person})`) : null))))),
    h("section", { "aria-labelledby": "tasks-title" },
      h("h2", { id: "tasks-title" }, "My tasks"),
      h("div", { class: "ds_inset-text", id: "my-tasks" },
        h("p", { class: "ds_inset-text__text" }, "You have no tasks. Tasks assigned to you or your organisation will appear here."))),
    h("section", { "aria-labelledby": "members-title" },
      h("h2", { id: "members-title" }, `Taskforce members (${members.length})`),
      table("Taskforce member organisations", ["Organisation", "Type", "Role on the Taskforce"],
        members.map((o) => [o.name, o.type.replace(/_/g, " "), o.taskforce_role ?? ""]))),
    h("section", { "aria-labelledby": "councils-title" },
      h("h2", { id: "councils-title" }, `Councils (${councils.length})`),
      table("Scottish councils by region", ["Region", "Councils"],
        REGIONS.map((r) => [r, councils.filter((c) => c.region === r).map((c) => c.name).join(", ")]))));
}
