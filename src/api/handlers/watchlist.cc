// Blind screening, the police side (engine/watchlist.h): the published keyed set, and answers to
// blinded queries. Parse, call, serialise.
#include "api/body.h"
#include "api/handlers/handlers.h"
#include "engine/watchlist.h"

namespace cairn::api::handlers {
namespace {

std::string Organisation(const Request& req) {
  return req.http.has_param("organisation") ? req.http.get_param_value("organisation") : "";
}

}  // namespace

Result<Reply> GetWatchlist(Request& req) {
  CAIRN_ASSIGN_OR_RETURN(auto w, engine::ReadWatchlist(req.env, Organisation(req)));
  return Reply{200,
               {{"organisation", w.organisation}, {"published_at", w.published_at}, {"size", w.elements.size()},
                {"elements", w.elements}},
               {}};
}

Result<Reply> EvaluateWatchlist(Request& req) {
  Body b(req.body);
  CAIRN_ASSIGN_OR_RETURN(auto points, b.OptStringList("points"));
  CAIRN_RETURN_IF_ERROR(b.Finish());
  CAIRN_ASSIGN_OR_RETURN(auto out, engine::EvaluateWatchlist(req.env, req.actor, Organisation(req),
                                                             points.value_or(std::vector<std::string>())));
  return Reply{200, {{"points", out}}, {}};
}

}  // namespace cairn::api::handlers
