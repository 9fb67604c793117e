#include "engine/guidance.h"

#include <cmark.h>
#include <toml++/toml.h>

#include <algorithm>
#include <cstdlib>
#include <regex>
#include <sstream>

#include "audit/chain.h"
#include "common/text.h"
#include "common/time.h"
#include "embedded/embedded.h"

namespace cairn::engine {
namespace {

using model::Role;

bool Has(const std::vector<std::string>& list, const std::string& x) {
  return std::find(list.begin(), list.end(), x) != list.end();
}

GuidancePage View(const app::Env& env, const storage::GuidanceRow& r) {
  GuidancePage p;
  p.row = r;
  p.audiences = SplitList(r.audiences);
  p.sectors = SplitList(r.sectors);
  p.indicators = SplitList(r.indicators);
  p.crime_types = SplitList(r.crime_types);
  p.html = RenderMarkdown(r.body);
  p.review_due = !r.review_on.empty() && r.review_on < FormatTimestamp(env.clock.Now()).substr(0, 10);
  return p;
}

// toml++ arrays of strings (or one string) as a list; InvalidArgument naming the key otherwise.
Result<std::vector<std::string>> Strings(const toml::table& t, const char* key, const std::string& where) {
  std::vector<std::string> out;
  const toml::node* n = t.get(key);
  if (!n) return out;
  if (auto s = n->value<std::string>()) return std::vector<std::string>{*s};
  const toml::array* a = n->as_array();
  if (!a) return InvalidArgument(where + ": " + key + " must be a list of strings");
  for (const auto& x : *a) {
    auto s = x.value<std::string>();
    if (!s) return InvalidArgument(where + ": " + key + " must be a list of strings");
    out.push_back(*s);
  }
  return out;
}

}  // namespace

std::string RenderMarkdown(const std::string& markdown) {
  // CMARK_OPT_SAFE: raw HTML and dangerous URLs are not passed through (cmark 0.30's default
  // is unsafe). Done by the library: no hand-written sanitiser.
  char* html = cmark_markdown_to_html(markdown.data(), markdown.size(), CMARK_OPT_SAFE | CMARK_OPT_SMART);
  std::string out = html ? html : "";
  std::free(html);
  return out;
}

Result<storage::GuidanceRow> ParseGuidanceFile(const std::string& name, const std::string& text) {
  if (text.rfind("+++\n", 0) != 0) return InvalidArgument(name + " line 1: a guidance page starts with +++ and its front matter");
  size_t end = text.find("\n+++\n", 3);
  if (end == std::string::npos) return InvalidArgument(name + ": the front matter is not closed with +++");
  toml::table t;
  try {
    t = toml::parse(std::string_view(text).substr(4, end - 3), name);
  } catch (const toml::parse_error& e) {
    return InvalidArgument(name + " line " + std::to_string(e.source().begin.line + 1) + ": " + std::string(e.description()));
  }
  storage::GuidanceRow g;
  std::string base = name.substr(name.find_last_of('/') + 1);
  g.slug = base.substr(0, base.rfind(".md"));
  g.title = t["title"].value_or(std::string());
  if (g.title.empty()) return InvalidArgument(name + ": the front matter has no title");
  g.summary = t["summary"].value_or(std::string());
  g.is_public = t["public"].value_or(false);
  if (auto d = t["review_on"].value<toml::date>()) {
    std::ostringstream s;
    s << *d;
    g.review_on = s.str();
  } else if (auto d2 = t["review_on"].value<std::string>()) {
    g.review_on = *d2;
  }
  CAIRN_ASSIGN_OR_RETURN(auto audiences, Strings(t, "audiences", name));
  for (const auto& a : audiences) {
    auto& known = GuidanceAudiences();
    if (std::none_of(known.begin(), known.end(), [&](const auto& k) { return k.first == a; }))
      return InvalidArgument(name + ": unknown audience '" + a + "'");
  }
  CAIRN_ASSIGN_OR_RETURN(auto sectors, Strings(t, "sectors", name));
  CAIRN_ASSIGN_OR_RETURN(auto indicators, Strings(t, "indicators", name));
  CAIRN_ASSIGN_OR_RETURN(auto crime_types, Strings(t, "crime_types", name));
  g.audiences = JoinList(audiences);
  g.sectors = JoinList(sectors);
  g.indicators = JoinList(indicators);
  g.crime_types = JoinList(crime_types);
  g.body = text.substr(end + 5);
  return g;
}

Result<int> SeedGuidance(const app::Env& env) {
  std::vector<storage::GuidanceRow> pages;
  for (auto path : embedded::List("content/guidance/")) {
    if (path.size() < 3 || path.substr(path.size() - 3) != ".md") continue;
    CAIRN_ASSIGN_OR_RETURN(auto g, ParseGuidanceFile(std::string(path), std::string(*embedded::Find(path))));
    pages.push_back(std::move(g));
  }
  int added = 0;
  CAIRN_RETURN_IF_ERROR(env.db.Write([&](storage::Tx& tx) -> Status {
    for (auto& g : pages) {
      CAIRN_ASSIGN_OR_RETURN(auto existing, storage::FindGuidance(tx, g.slug));
      if (existing) continue;  // an editor's version is never overwritten by the file
      g.version = 1;
      g.updated_at = FormatTimestamp(env.clock.Now());
      CAIRN_RETURN_IF_ERROR(storage::PutGuidance(tx, g).status());
      CAIRN_RETURN_IF_ERROR(audit::Append(tx, env.clock, model::Actor::System("seed"),
                                          {"create", "guidance", g.slug, true, {{"seed", true}}}));
      ++added;
    }
    return Status::Ok();
  }));
  return added;
}

Result<std::vector<GuidancePage>> ListGuidance(const app::Env& env, const GuidanceFilter& f) {
  std::vector<storage::GuidanceRow> rows;
  CAIRN_RETURN_IF_ERROR(env.db.Read([&](storage::Tx& tx) -> Status {
    CAIRN_ASSIGN_OR_RETURN(rows, storage::ListGuidance(tx));
    return Status::Ok();
  }));
  std::vector<std::string> words;
  {
    std::stringstream in(AsciiLower(f.q));
    std::string w;
    while (in >> w) words.push_back(w);
  }
  std::vector<GuidancePage> out;
  for (const auto& r : rows) {
    if (f.public_only && !r.is_public) continue;
    GuidancePage p = View(env, r);
    if (!f.audience.empty() && !Has(p.audiences, f.audience)) continue;
    if (!f.sector.empty() && !Has(p.sectors, f.sector)) continue;
    if (!f.indicator.empty() && !Has(p.indicators, f.indicator)) continue;
    if (!f.crime_type.empty() && !Has(p.crime_types, f.crime_type)) continue;
    std::string text = AsciiLower(r.title + " " + r.summary + " " + r.body);
    if (std::any_of(words.begin(), words.end(), [&](const auto& w) { return text.find(w) == std::string::npos; })) continue;
    out.push_back(std::move(p));
  }
  return out;
}

Result<GuidancePage> GetGuidance(const app::Env& env, const std::string& slug, bool public_only) {
  std::optional<storage::GuidanceRow> row;
  CAIRN_RETURN_IF_ERROR(env.db.Read([&](storage::Tx& tx) -> Status {
    CAIRN_ASSIGN_OR_RETURN(row, storage::FindGuidance(tx, slug));
    return Status::Ok();
  }));
  if (!row || (public_only && !row->is_public)) return NotFound("no guidance page '" + slug + "'");
  return View(env, *row);
}

Result<std::vector<GuidancePage>> GuidanceFor(const app::Env& env, const std::string& indicator, const std::string& sector) {
  GuidanceFilter all;
  CAIRN_ASSIGN_OR_RETURN(auto pages, ListGuidance(env, all));
  std::vector<GuidancePage> out;
  for (auto& p : pages)
    if (!indicator.empty() && Has(p.indicators, indicator)) out.push_back(p);
  for (auto& p : pages)
    if (!sector.empty() && Has(p.sectors, sector) && !Has(p.indicators, indicator)) out.push_back(p);
  return out;
}

Result<GuidancePage> SaveGuidance(const app::Env& env, const model::Actor& actor, const std::string& slug,
                                  const GuidanceInput& in) {
  static const std::regex kSlug("^[a-z0-9][a-z0-9-]{0,63}$");
  if (!std::regex_match(slug, kSlug)) return InvalidField("slug", "a page's name is 1–64 characters of a–z, 0–9 and '-'");
  if (in.title.find_first_not_of(" \t") == std::string::npos) return InvalidField("title", "a page needs a title");
  if (in.body.find_first_not_of(" \t\r\n") == std::string::npos) return InvalidField("body", "a page needs some text");
  if (!in.review_on.empty() && (in.review_on.size() != 10 || !ParseTimestamp(in.review_on).ok()))
    return InvalidField("review_on", "review_on must be a date, YYYY-MM-DD");
  for (const auto& a : in.audiences) {
    auto& known = GuidanceAudiences();
    if (std::none_of(known.begin(), known.end(), [&](const auto& k) { return k.first == a; }))
      return InvalidField("audiences", "unknown audience '" + a + "'");
  }
  if (actor.role != Role::kAdmin && actor.role != Role::kSecretariat) return PermissionDenied("the secretariat edits guidance");
  storage::GuidanceRow g;
  CAIRN_RETURN_IF_ERROR(env.db.Write([&](storage::Tx& tx) -> Status {
    CAIRN_ASSIGN_OR_RETURN(auto existing, storage::FindGuidance(tx, slug));
    g.id = existing ? existing->id : 0;
    g.version = existing ? existing->version + 1 : 1;
    g.slug = slug;
    g.title = in.title;
    g.summary = in.summary;
    g.body = in.body;
    g.review_on = in.review_on;
    g.audiences = JoinList(in.audiences);
    g.sectors = JoinList(in.sectors);
    g.indicators = JoinList(in.indicators);
    g.crime_types = JoinList(in.crime_types);
    g.is_public = in.is_public;
    g.updated_by = actor.user_id.value_or(0);
    g.updated_at = FormatTimestamp(env.clock.Now());
    CAIRN_ASSIGN_OR_RETURN(g.id, storage::PutGuidance(tx, g));
    return audit::Append(tx, env.clock, actor,
                         {existing ? "update" : "create", "guidance", slug, true,
                          {{"version", g.version}, {"public", g.is_public}}});
  }));
  return View(env, g);
}

}  // namespace cairn::engine
