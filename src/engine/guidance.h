// Guidance: what Cairn's users — and, on the public site, businesses and communities — need to
// recognise serious organised crime and know what to do about it. Pages are Markdown with a TOML
// front matter (title, summary, audiences, sectors, indicators, crime types, public, review date),
// written in content/guidance/ and carried in the binary; `cairn init` (and every start of the
// server) adds any page the store does not have, and editors (admin, secretariat) change pages
// through the UI, each change kept as a version and audited.
//
// Markdown becomes HTML with cmark in its safe mode: raw HTML is dropped, and links and images
// with javascript:, vbscript:, file: or data: (other than images) URLs lose their target, so a
// page can never carry a script. Pages past their review date are flagged.
//
// At the point of use: findings, red flags, screening outcomes and tasks link to the guidance
// for their indicator and sector (GuidanceFor).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "app/env.h"
#include "common/status.h"
#include "model/actor.h"
#include "storage/guidance.h"

namespace cairn::engine {

// The audiences a page may be for.
inline const std::vector<std::pair<std::string, std::string>>& GuidanceAudiences() {
  static const std::vector<std::pair<std::string, std::string>> kAudiences = {
      {"procurement", "Procurement staff"},
      {"licensing", "Licensing staff"},
      {"regulatory_services", "Regulatory services"},
      {"business_owners", "Business owners"},
      {"communities", "Communities"},
      {"elected_members", "Elected members"},
      {"health_and_care", "Frontline health and care staff"},
      {"partners", "Taskforce partners"}};
  return kAudiences;
}

struct GuidancePage {
  storage::GuidanceRow row;
  std::vector<std::string> audiences, sectors, indicators, crime_types;
  std::string html;         // the body, rendered safely
  bool review_due = false;  // past its review date
};

// Markdown → HTML with raw HTML and unsafe URLs removed (cmark's safe mode).
std::string RenderMarkdown(const std::string& markdown);

// A page file: TOML front matter between "+++" lines, then Markdown. InvalidArgument naming the
// file and line for a missing or malformed front matter or a missing title.
Result<storage::GuidanceRow> ParseGuidanceFile(const std::string& name, const std::string& text);

// Adds each embedded content/guidance page the store does not have. Returns how many it added.
Result<int> SeedGuidance(const app::Env& env);

struct GuidanceFilter {
  std::string audience, sector, indicator, crime_type, q;  // "" = any; q: words in title, summary or body
  bool public_only = false;
};
Result<std::vector<GuidancePage>> ListGuidance(const app::Env& env, const GuidanceFilter& f);
// NotFound if absent (or, with public_only, not public).
Result<GuidancePage> GetGuidance(const app::Env& env, const std::string& slug, bool public_only = false);

// The pages for an indicator code (C3, B2, R018…) and, if given, a sector: the indicator's own
// pages first. For links at the point of use.
Result<std::vector<GuidancePage>> GuidanceFor(const app::Env& env, const std::string& indicator,
                                              const std::string& sector = "");

struct GuidanceInput {
  std::string title, summary, body, review_on;
  std::vector<std::string> audiences, sectors, indicators, crime_types;
  bool is_public = false;
};
// Creates or changes the page `slug` as a new version. Admin or secretariat. InvalidField for a
// bad slug, no title or body, an unknown audience, or a review date that is not a date.
Result<GuidancePage> SaveGuidance(const app::Env& env, const model::Actor& actor, const std::string& slug,
                                  const GuidanceInput& in);

}  // namespace cairn::engine
