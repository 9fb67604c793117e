// L1 Licensing: what council licensing can see — a licence holder, premises manager or HMO
// landlord close to an intelligence subject (restricted, as N1); several licences at one
// premises; and workers' housing (a crowded HMO) tied to a vulnerable-sector business. The
// seeds: nail bar licensing, and police licensing advice.
#include <cstdlib>
#include <set>

#include "risk/indicators.h"
#include "risk/internal/common.h"
#include "risk/internal/proximity.h"

namespace cairn::risk {
namespace {

bool Live(const Edge& e, int today) {
  std::string status = e.detail.value("status", std::string());
  return (status.empty() || status == "granted") && internal::Current(e, today);
}

std::string LicenceName(const Edge& e) {
  return e.detail.value("licence_type", std::string("a")) + " licence " + e.detail.value("licence_id", std::string());
}

double Occupancy(const Edge& e) {
  const auto& v = e.detail.value("occupancy", nlohmann::json());
  if (v.is_number()) return v.get<double>();
  if (v.is_string()) return std::atof(v.get<std::string>().c_str());
  return 0;
}

void NearSubjects(const Network& net, const Section& s, const Settings& all, std::vector<Finding>* out) {
  const Section& n1 = all["N1"];
  auto reach = internal::ReachFromSubjects(net, int(n1.Number("max_hops")), int(n1.Number("max_degree")));
  for (uint32_t e = 0; e < net.edges().size(); ++e) {
    const Edge& edge = net.edges()[e];
    if (edge.type != "licence_holder_of" && edge.type != "manages") continue;
    const auto& r = reach[edge.from];
    if (r.hops < 0) continue;
    const Subject& subject = net.node(r.subject).subjects.front();
    Finding f{"L1", edge.from, s.weight(), "", {}, true, subject.owner};
    std::string role = edge.type == "manages" ? "manages the premises of " : "holds ";
    f.summary = role + LicenceName(edge) + " and is " +
                (r.hops == 0 ? std::string("named in an intelligence record")
                             : std::to_string(r.hops) + " link(s) from someone named in an intelligence record");
    internal::Cite(f, edge.record, LicenceName(edge));
    internal::Cite(f, subject.record, "intelligence subject record");
    for (int64_t record : internal::PathRecords(net, reach, edge.from)) internal::Cite(f, record, "a link on the path");
    out->push_back(std::move(f));
  }
}

void SeveralAtOnePremises(const Network& net, const Section& s, std::vector<Finding>* out) {
  const int today = internal::Today(net);
  for (uint32_t a = 0; a < net.nodes().size(); ++a) {
    if (net.node(a).kind != "address") continue;
    std::vector<uint32_t> licences;
    std::set<uint32_t> holders;
    for (uint32_t e : net.into(a)) {
      const Edge& edge = net.edges()[e];
      if (edge.type != "licence_holder_of" || !Live(edge, today)) continue;
      licences.push_back(e);
      holders.insert(edge.from);
    }
    if (licences.size() < size_t(s.Number("min_licences")) || holders.size() < 2) continue;
    for (uint32_t h : holders) {
      Finding f{"L1", h, s.weight()};
      f.summary = "one of " + std::to_string(holders.size()) + " holders of " + std::to_string(licences.size()) +
                  " licences at " + (net.node(a).name.empty() ? net.node(a).postcode : net.node(a).name);
      for (uint32_t e : licences) {
        internal::Cite(f, net.edges()[e].record, internal::NameOf(net, net.edges()[e].from) + " holds " + LicenceName(net.edges()[e]));
      }
      out->push_back(std::move(f));
    }
  }
}

void CrowdedHousing(const Network& net, const Section& s, const Settings& all, std::vector<Finding>* out) {
  const int today = internal::Today(net);
  const auto& sectors = all["C6"].List("sic_codes");
  for (const Edge& hmo : net.edges()) {
    if (hmo.type != "licence_holder_of" || hmo.detail.value("licence_type", std::string()) != "hmo" || !Live(hmo, today) ||
        Occupancy(hmo) < s.Number("hmo_occupancy")) {
      continue;
    }
    for (uint32_t e : net.out_of(hmo.from)) {
      const Edge& role = net.edges()[e];
      if ((role.type != "officer_of" && role.type != "psc_of") || !internal::Current(role, today)) continue;
      const Node& company = net.node(role.to);
      if (!internal::IsActiveCompany(company) || !internal::HasSic(company, sectors)) continue;
      std::string text = "HMO " + hmo.detail.value("licence_id", std::string()) + " for " +
                         std::to_string(int(Occupancy(hmo))) + " people, held by " + internal::NameOf(net, hmo.from) +
                         ", who is behind " + company.name + " in a vulnerable sector";
      for (uint32_t node : {hmo.from, role.to}) {
        Finding f{"L1", node, s.weight(), text};
        internal::Cite(f, hmo.record, LicenceName(hmo) + ", occupancy " + std::to_string(int(Occupancy(hmo))));
        internal::Cite(f, role.record, internal::NameOf(net, hmo.from) + " is " + role.type + " " + company.name);
        out->push_back(std::move(f));
      }
    }
  }
}

}  // namespace

void Licensing(const Network& net, const Section& s, const Settings& all, std::vector<Finding>* out) {
  NearSubjects(net, s, all, out);
  SeveralAtOnePremises(net, s, out);
  CrowdedHousing(net, s, all, out);
}

}  // namespace cairn::risk
