#include "procurement/redflags/indicators.h"

#include <algorithm>

namespace cairn::procurement::redflags {

const char* GroupName(Group g) {
  switch (g) {
    case Group::kOcid: return "OCID";
    case Group::kBuyer: return "Buyer";
    case Group::kProcuringEntity: return "ProcuringEntity";
    case Group::kTenderer: return "Tenderer";
  }
  return "";
}

void Accumulator::Prepare(const Process& p) {
  p.parties.assign(p.ids.size(), kNoParty);
  p.parties_of = this;
  thread_local std::vector<std::pair<uint32_t, uint64_t>> pending;  // pool index, hash
  pending.clear();
  auto add = [&](IdRange r) {
    for (uint32_t i = r.begin; i < r.end; ++i) {
      uint64_t h = PartyTable::Hash(p.ids[i]);
      parties_.Prefetch(h);
      pending.emplace_back(i, h);
    }
  };
  for (const Bid& b : p.bids) add(b.tenderers);
  for (const Award& a : p.awards) add(a.suppliers);
  for (const auto& [i, h] : pending) {
    PartyId id = Intern(p.ids[i], h);
    p.parties[i] = id;
    __builtin_prefetch(&stats[id]);
  }
}

void Accumulator::Merge(Accumulator&& other) {
  if (parties() == 0 && flags.empty() && price_gaps.empty()) {
    *this = std::move(other);  // the first of several: nothing to renumber
    other = Accumulator();
    return;
  }
  std::vector<PartyId> renumber(other.parties());
  for (PartyId p = 0; p < other.parties(); ++p) renumber[p] = Intern(other.Name(p));
  for (Flag f : other.flags) {
    f.key = f.group == Group::kOcid ? KeepOcid(other.Ocid(f.key)) : renumber[PartyId(f.key)];
    flags.push_back(f);
  }
  const auto tied_offset = uint32_t(tied_runners.size());
  for (PartyId r : other.tied_runners) tied_runners.push_back(renumber[r]);
  price_gaps.reserve(price_gaps.size() + other.price_gaps.size());
  for (PriceGap g : other.price_gaps) {
    g.ocid = KeepOcid(other.Ocid(g.ocid));
    g.winner = renumber[g.winner];
    g.runner_up = renumber[g.runner_up];
    g.tied_begin += tied_offset;
    price_gaps.push_back(g);
  }
  for (PartyId p = 0; p < other.parties(); ++p) {
    PartyStats& mine = stats[renumber[p]];
    const PartyStats& theirs = other.stats[p];
    mine.bidding.processes += theirs.bidding.processes;
    mine.bidding.wins += theirs.bidding.wins;
    for (size_t kind = 0; kind < 3; ++kind) {
      Disqualifications& d = mine.disqualifications[kind];
      const Disqualifications& o = theirs.disqualifications[kind];
      d.submitted += o.submitted;
      d.disqualified += o.disqualified;
      d.processes += o.processes;
    }
    mine.spread.Merge(theirs.spread);
  }
  other = Accumulator();
}

std::vector<FoldFn> FoldsFor(const Settings& s) {
  std::vector<FoldFn> folds;
  if (s.Enabled("R003")) folds.push_back(FoldR003);
  if (s.Enabled("R018")) folds.push_back(FoldR018);
  if (s.Enabled("R024") || s.Enabled("R058")) folds.push_back(FoldPriceGap);
  if (s.Enabled("R025")) folds.push_back(FoldR025);
  if (s.Enabled("R028")) folds.push_back(FoldR028);
  if (s.Enabled("R030")) folds.push_back(FoldR030);
  if (s.Enabled("R035")) folds.push_back(FoldR035);
  if (s.Enabled("R036")) folds.push_back(FoldR036);
  if (s.Enabled("R038")) folds.push_back(FoldR038);
  if (s.Enabled("R048")) folds.push_back(FoldR048);
  return folds;
}

void Fold(const Process& p, const Settings& s, Accumulator& acc) {
  for (FoldFn fold : FoldsFor(s)) fold(p, s, acc);
}

void Finish(const Settings& s, Accumulator& acc, Meta& meta) {
  if (s.Enabled("R024")) FinishR024(s, acc, meta);
  if (s.Enabled("R025")) FinishR025(s, acc, meta);
  if (s.Enabled("R038")) FinishR038(s, acc, meta);
  if (s.Enabled("R048")) FinishR048(s, acc, meta);
  if (s.Enabled("R058")) FinishR058(s, acc, meta);
}

}  // namespace cairn::procurement::redflags
