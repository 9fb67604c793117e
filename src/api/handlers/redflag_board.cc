// The red-flag dashboard (engine/redflag_board.h): parse, call, serialise.
#include "api/handlers/handlers.h"
#include "engine/redflag_board.h"

namespace cairn::api::handlers {
namespace {

nlohmann::json Parties(const std::vector<engine::PartyFlags>& parties) {
  nlohmann::json out = nlohmann::json::array();
  for (const auto& p : parties) {
    nlohmann::json flags = nlohmann::json::array();
    for (const auto& f : p.flags)
      flags.push_back({{"code", f.code}, {"title", f.title}, {"value", f.value}, {"ocid", f.ocid}, {"tender", f.tender},
                       {"file", f.file}, {"line", f.line}});
    out.push_back({{"id", p.id}, {"name", p.name}, {"processes", p.processes}, {"codes", p.codes}, {"flags", flags}});
  }
  return out;
}

}  // namespace

Result<Reply> GetRedFlagBoard(Request& req) {
  CAIRN_ASSIGN_OR_RETURN(auto b, engine::BuildRedFlagBoard(req.env, req.actor));
  return Reply{200,
               {{"releases", b.releases},
                {"totals", b.totals},
                {"titles", b.titles},
                {"buyers", Parties(b.buyers)},
                {"suppliers", Parties(b.suppliers)}},
               {}};
}

}  // namespace cairn::api::handlers
