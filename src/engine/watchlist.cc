#include "engine/watchlist.h"

#include <httplib.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <map>
#include <set>

#include "audit/chain.h"
#include "common/time.h"
#include "engine/internal/fields.h"
#include "procurement/blind/oprf.h"
#include "resolve/normalise.h"
#include "resolve/record.h"
#include "storage/findings.h"
#include "storage/intelligence.h"
#include "storage/network.h"
#include "storage/organisations.h"
#include "storage/screening.h"
#include "storage/watchlist.h"

namespace cairn::engine {
namespace {

using nlohmann::json;
namespace blind = procurement::blind;

Result<model::Organisation> OrganisationBySlug(storage::Tx& tx, const std::string& slug) {
  if (slug.empty()) {
    CAIRN_ASSIGN_OR_RETURN(auto orgs, storage::ListOrganisations(tx));
    std::optional<model::Organisation> best;
    for (const auto& o : orgs)
      if (o.type == "police" && (!best || o.id < best->id)) best = o;
    if (!best) return NotFound("no police organisation");
    return *best;
  }
  CAIRN_ASSIGN_OR_RETURN(auto org, storage::FindOrganisationBySlug(tx, slug));
  if (!org) return NotFound("no organisation " + slug);
  return *org;
}

Result<blind::Scalar> KeyOf(storage::Tx& tx, int64_t organisation_id) {
  CAIRN_ASSIGN_OR_RETURN(auto hex, storage::GetWatchlistKey(tx, organisation_id));
  if (!hex) return NotFound("this organisation has not published a watchlist");
  return blind::FromHex(*hex, "the stored key");
}

}  // namespace

std::vector<std::string> WatchlistIdentifiers(const std::string& name, const std::string& company_number) {
  std::vector<std::string> out;
  if (!company_number.empty()) out.push_back("cn:" + resolve::NormaliseForRole(resolve::Role::kCompanyNumber, company_number));
  std::string n = resolve::NormaliseOrganisationName(name);
  if (!n.empty()) out.push_back("nm:" + n);
  return out;
}

Result<WatchlistIndex> WatchlistIndex::Load(storage::Tx& tx) {
  WatchlistIndex index;
  CAIRN_ASSIGN_OR_RETURN(auto rows, storage::ListWatchlists(tx));
  for (const auto& w : rows) {
    CAIRN_ASSIGN_OR_RETURN(auto org, storage::GetOrganisation(tx, w.organisation_id));
    CAIRN_ASSIGN_OR_RETURN(auto key, KeyOf(tx, w.organisation_id));
    List list{{w.organisation_id, org.slug, w.published_at, ""}, key, {}};
    json e = json::parse(w.elements, nullptr, false);
    if (e.is_array())
      for (const auto& x : e)
        if (x.is_string()) list.elements.insert(x.get<std::string>());
    index.lists_.push_back(std::move(list));
  }
  return index;
}

std::vector<WatchlistIndex::Hit> WatchlistIndex::Find(const std::string& name, const std::string& company_number) const {
  std::vector<Hit> out;
  if (lists_.empty()) return out;
  auto identifiers = WatchlistIdentifiers(name, company_number);
  for (const auto& list : lists_) {
    for (const auto& id : identifiers) {
      if (!list.elements.count(blind::Evaluate(list.key, id))) continue;
      Hit h = list.owner;
      h.by = id.rfind("cn:", 0) == 0 ? "company number" : "name";
      out.push_back(std::move(h));
      break;  // one hit per list is enough to refer
    }
  }
  return out;
}

Result<PublishedWatchlist> PublishWatchlist(const app::Env& env, const model::Actor& actor, int64_t organisation_id) {
  PublishedWatchlist out;
  out.published_at = FormatTimestamp(env.clock.Now());
  CAIRN_RETURN_IF_ERROR(env.db.Write([&](storage::Tx& tx) -> Status {
    CAIRN_ASSIGN_OR_RETURN(auto org, storage::GetOrganisation(tx, organisation_id));
    out.organisation = org.slug;
    CAIRN_ASSIGN_OR_RETURN(auto hex, storage::GetWatchlistKey(tx, organisation_id));
    if (!hex) {
      hex = blind::Hex(blind::NewKey());
      CAIRN_RETURN_IF_ERROR(storage::InsertWatchlistKey(tx, organisation_id, *hex, out.published_at));
    }
    CAIRN_ASSIGN_OR_RETURN(auto key, blind::FromHex(*hex, "the stored key"));
    std::set<std::string> identifiers;
    CAIRN_ASSIGN_OR_RETURN(auto records, storage::IntelRecordsOf(tx, organisation_id));
    for (const auto& r : records) {
      json p = json::parse(r.payload, nullptr, false);
      if (internal::Str(p, "subject_type") != "organisation") continue;
      for (auto& id : WatchlistIdentifiers(internal::Str(p, "name"), internal::Str(p, "company_number"))) identifiers.insert(id);
    }
    storage::Reach reach;
    reach.restricted_owner = organisation_id;
    for (const char* code : {"N1", "P5"}) {
      storage::FindingQuery q;
      q.indicator = code;
      q.limit = 1 << 20;
      CAIRN_ASSIGN_OR_RETURN(auto findings, storage::QueryFindings(tx, q, reach));
      for (const auto& f : findings) {
        if (!f.restricted || f.owner_organisation_id != organisation_id || f.entity_kind != "organisation") continue;
        CAIRN_ASSIGN_OR_RETURN(auto e, storage::GetEntity(tx, f.entity_id));
        if (e) for (auto& id : WatchlistIdentifiers(e->name, e->company_number)) identifiers.insert(id);
      }
    }
    for (const auto& id : identifiers) out.elements.push_back(blind::Evaluate(key, id));
    std::sort(out.elements.begin(), out.elements.end());  // the order says nothing about the list
    CAIRN_RETURN_IF_ERROR(storage::PutWatchlist(
        tx, {organisation_id, json(out.elements).dump(), int64_t(out.elements.size()), out.published_at}));
    return audit::Append(tx, env.clock, actor,
                         {"publish", "watchlist", org.slug, false, {{"elements", out.elements.size()}}});
  }));
  return out;
}

Result<PublishedWatchlist> ReadWatchlist(const app::Env& env, const std::string& slug) {
  PublishedWatchlist out;
  CAIRN_RETURN_IF_ERROR(env.db.Read([&](storage::Tx& tx) -> Status {
    CAIRN_ASSIGN_OR_RETURN(auto org, OrganisationBySlug(tx, slug));
    CAIRN_ASSIGN_OR_RETURN(auto w, storage::GetWatchlist(tx, org.id));
    if (!w) return NotFound(org.slug + " has not published a watchlist");
    out.organisation = org.slug;
    out.published_at = w->published_at;
    json e = json::parse(w->elements, nullptr, false);
    if (e.is_array())
      for (const auto& x : e) out.elements.push_back(x.get<std::string>());
    return Status::Ok();
  }));
  return out;
}

Result<std::vector<std::string>> EvaluateWatchlist(const app::Env& env, const model::Actor& actor, const std::string& slug,
                                                   const std::vector<std::string>& points) {
  if (points.empty() || points.size() > kMaxPointsPerRequest)
    return InvalidField("points", "send 1 to " + std::to_string(kMaxPointsPerRequest) + " points");
  std::vector<blind::Point> in;
  for (size_t i = 0; i < points.size(); ++i) {
    auto p = blind::FromHex(points[i], "points[" + std::to_string(i) + "]");
    if (!p.ok()) return InvalidField("points", p.status().message());
    in.push_back(*p);
  }
  if (!actor.user_id) return PermissionDenied("sign in to query a watchlist");
  std::vector<std::string> out;
  CAIRN_RETURN_IF_ERROR(env.db.Write([&](storage::Tx& tx) -> Status {
    CAIRN_ASSIGN_OR_RETURN(auto org, OrganisationBySlug(tx, slug));
    CAIRN_ASSIGN_OR_RETURN(auto key, KeyOf(tx, org.id));
    std::string day = FormatTimestamp(env.clock.Now()).substr(0, 10);
    CAIRN_ASSIGN_OR_RETURN(int64_t used, storage::AddWatchlistUsage(tx, *actor.user_id, day, int64_t(in.size())));
    if (used > kMaxPointsPerDay)
      return ResourceExhausted("at most " + std::to_string(kMaxPointsPerDay) + " watchlist queries per user per day");
    for (size_t i = 0; i < in.size(); ++i) {
      auto e = blind::EvaluateBlinded(key, in[i]);
      if (!e.ok()) return InvalidField("points", "points[" + std::to_string(i) + "]: " + e.status().message());
      out.push_back(blind::Hex(*e));
    }
    return audit::Append(tx, env.clock, actor, {"evaluate", "watchlist", org.slug, false, {{"points", in.size()}}});
  }));
  return out;
}

Result<RemoteScreenReport> ScreenTenderRemotely(const app::Env& env, const model::Actor& actor, int64_t tender_id,
                                                const RemoteScreening& remote) {
  std::vector<storage::BidderRow> bidders;
  storage::TenderRow tender;
  CAIRN_RETURN_IF_ERROR(env.db.Read([&](storage::Tx& tx) -> Status {
    CAIRN_ASSIGN_OR_RETURN(auto t, storage::GetTender(tx, tender_id));
    if (!t) return NotFound("no tender with id " + std::to_string(tender_id));
    tender = *t;
    CAIRN_ASSIGN_OR_RETURN(bidders, storage::BiddersOf(tx, tender_id));
    return Status::Ok();
  }));
  httplib::Client c(remote.host, remote.port);
  c.set_connection_timeout(10);
  c.set_read_timeout(30);
  std::string origin = "http://" + remote.host + ":" + std::to_string(remote.port);
  auto login = c.Post("/api/v1/session/login", {{"Origin", origin}},
                      json{{"username", remote.username}, {"password", remote.password}}.dump(), "application/json");
  if (!login || login->status != 200)
    return Unavailable("could not sign in to " + origin + ": " + (login ? std::to_string(login->status) : "no answer"));
  std::string cookie = login->get_header_value("Set-Cookie");
  cookie = cookie.substr(0, cookie.find(';'));
  std::string csrf = json::parse(login->body, nullptr, false).value("csrf_token", "");
  httplib::Headers headers = {{"Cookie", cookie}, {"X-CSRF-Token", csrf}, {"Origin", origin}};
  std::string query = remote.organisation.empty() ? "" : "?organisation=" + remote.organisation;
  auto list = c.Get("/api/v1/watchlist" + query, headers);
  if (!list || list->status != 200) return Unavailable("could not read the watchlist from " + origin);
  json published = json::parse(list->body, nullptr, false);
  std::set<std::string> set;
  for (const auto& e : published.value("elements", json::array())) set.insert(e.get<std::string>());

  // Every bidder's identifiers, blinded, in one request (or a few).
  struct Query {
    size_t bidder;
    std::string identifier;
    blind::Blinded blinded;
  };
  std::vector<Query> queries;
  for (size_t i = 0; i < bidders.size(); ++i)
    for (auto& id : WatchlistIdentifiers(bidders[i].name, bidders[i].company_number))
      queries.push_back({i, id, blind::Blind(id)});
  RemoteScreenReport report;
  report.bidders = bidders.size();
  report.queried = queries.size();
  std::set<size_t> matched;
  for (size_t start = 0; start < queries.size(); start += kMaxPointsPerRequest) {
    size_t end = std::min(queries.size(), start + kMaxPointsPerRequest);
    json points = json::array();
    for (size_t q = start; q < end; ++q) points.push_back(blind::Hex(queries[q].blinded.point));
    auto r = c.Post("/api/v1/watchlist/evaluate" + query, headers, json{{"points", points}}.dump(), "application/json");
    if (!r || r->status != 200)
      return Unavailable("the watchlist query failed: " + (r ? std::to_string(r->status) + " " + r->body : "no answer"));
    json answer = json::parse(r->body, nullptr, false).value("points", json::array());
    if (answer.size() != end - start) return Unavailable("the watchlist answered a different number of points");
    for (size_t q = start; q < end; ++q) {
      CAIRN_ASSIGN_OR_RETURN(auto point, blind::FromHex(answer[q - start].get<std::string>(), "an answer"));
      CAIRN_ASSIGN_OR_RETURN(auto f, blind::Finalize(queries[q].blinded, queries[q].identifier, point));
      if (set.count(f)) matched.insert(queries[q].bidder);
    }
  }
  for (size_t i : matched) report.matched.push_back(bidders[i].name);

  // A match becomes a referral: lodge the matched bidders, and only they, with the police.
  std::map<size_t, std::string> references;
  if (!matched.empty()) {
    json lodged = {{"buyer", tender.buyer},
                   {"title", tender.title},
                   {"category", tender.category},
                   {"value", tender.value},
                   {"cpv", json::parse(tender.cpv, nullptr, false)},
                   {"bidders", json::array()}};
    if (!lodged["cpv"].is_array()) lodged["cpv"] = json::array();
    for (size_t i : matched) {
      const auto& b = bidders[i];
      json bj = {{"name", b.name}, {"company_number", b.company_number}, {"address", b.address}, {"postcode", b.postcode},
                 {"declaration_signed", b.declaration_signed}, {"sia_approved", b.sia_approved}};
      if (!b.declaration_date.empty()) bj["declaration_date"] = b.declaration_date;
      lodged["bidders"].push_back(bj);
    }
    auto r = c.Post("/api/v1/tenders", headers, lodged.dump(), "application/json");
    if (!r || r->status != 201)
      return Unavailable("the matched bidders could not be lodged with " + origin + ": " +
                         (r ? std::to_string(r->status) + " " + r->body : "no answer"));
    json answer = json::parse(r->body, nullptr, false);
    report.lodged_tender = answer.value("id", int64_t(0));
    json lodged_bidders = answer.value("bidders", json::array());
    std::string prefix = published.value("organisation", std::string("police")) + "/";
    size_t k = 0;
    for (size_t i : matched) {
      if (k < lodged_bidders.size()) references[i] = prefix + lodged_bidders[k].value("reference", std::string());
      report.references.push_back(references[i]);
      ++k;
    }
  }
  CAIRN_RETURN_IF_ERROR(env.db.Write([&](storage::Tx& tx) -> Status {
    for (size_t i : matched) {
      CAIRN_RETURN_IF_ERROR(storage::SetBidderResult(tx, bidders[i].id, "refer"));
      if (!references[i].empty()) CAIRN_RETURN_IF_ERROR(storage::SetBidderReference(tx, bidders[i].id, references[i]));
    }
    return audit::Append(tx, env.clock, actor,
                         {"screen", "tender", std::to_string(tender_id), false,
                          {{"remote", origin},
                           {"bidders", bidders.size()},
                           {"matched", matched.size()},
                           {"lodged_tender", report.lodged_tender}}});
  }));
  return report;
}

}  // namespace cairn::engine
