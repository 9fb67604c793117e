// `cairn resolve`: turns stored source records into the network. Every record's mentions are
// extracted (engine/extract.h), clustered into entities, and its relations become links
// between entities. The network is rebuilt whole each run, in one transaction.
//
// How mentions join (each mention keeps the reason it joined its entity):
//   organisations  the same company number (Companies House numbers normalised to 8
//                  characters); a mention without a number joins the one company of that
//                  normalised name, and numberless mentions of the same name join each other
//   addresses      the same postcode and the same first two words (house number and street)
//   people         the same Companies House officer id; or the same first given name and
//                  surname (titles dropped) and either the same birth month or the same
//                  postcode; a name alone does not join
//   SOC groups     the same reference;  processes  the same ocid
//
// Entity ids are stable: an entity keeps the id its mentions had in the last run, and a new
// entity's id is a hash of its first mention's key, which does not change on re-ingest.
#pragma once

#include <map>
#include <string>

#include "app/env.h"
#include "common/status.h"
#include "model/actor.h"

namespace cairn::engine {

struct ResolutionReport {
  int64_t records = 0, mentions = 0, links = 0;
  std::map<std::string, int64_t> entities;  // per kind
  int64_t ids_kept = 0;                     // entities that kept their previous id
};

Result<ResolutionReport> ResolveNetwork(const app::Env& env, const model::Actor& actor);

}  // namespace cairn::engine
