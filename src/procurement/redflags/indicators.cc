#include "procurement/redflags/indicators.h"

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

void Accumulator::Merge(Accumulator&& other) {
  flags.insert(flags.end(), std::make_move_iterator(other.flags.begin()), std::make_move_iterator(other.flags.end()));
  price_gaps.insert(price_gaps.end(), std::make_move_iterator(other.price_gaps.begin()),
                    std::make_move_iterator(other.price_gaps.end()));
  for (auto& [id, b] : other.bidding) {
    Bidding& mine = bidding[id];
    mine.processes += b.processes;
    mine.wins += b.wins;
  }
  for (size_t kind = 0; kind < disqualifications.size(); ++kind) {
    for (auto& [id, d] : other.disqualifications[kind]) {
      Disqualifications& mine = disqualifications[kind][id];
      mine.submitted += d.submitted;
      mine.disqualified += d.disqualified;
      mine.processes += d.processes;
    }
  }
  for (auto& [id, s] : other.spread) {
    Spread& mine = spread[id];
    mine.processes += s.processes;
    mine.prefixes.merge(s.prefixes);
  }
  other = Accumulator();
}

void Fold(const Process& p, const Settings& s, Accumulator& acc) {
  if (s.Enabled("R003")) FoldR003(p, s, acc);
  if (s.Enabled("R018")) FoldR018(p, s, acc);
  if (s.Enabled("R024") || s.Enabled("R058")) FoldPriceGap(p, s, acc);
  if (s.Enabled("R025")) FoldR025(p, s, acc);
  if (s.Enabled("R028")) FoldR028(p, s, acc);
  if (s.Enabled("R030")) FoldR030(p, s, acc);
  if (s.Enabled("R035")) FoldR035(p, s, acc);
  if (s.Enabled("R036")) FoldR036(p, s, acc);
  if (s.Enabled("R038")) FoldR038(p, s, acc);
  if (s.Enabled("R048")) FoldR048(p, s, acc);
}

void Finish(const Settings& s, Accumulator& acc, Meta& meta) {
  if (s.Enabled("R024")) FinishR024(s, acc, meta);
  if (s.Enabled("R025")) FinishR025(s, acc, meta);
  if (s.Enabled("R038")) FinishR038(s, acc, meta);
  if (s.Enabled("R048")) FinishR048(s, acc, meta);
  if (s.Enabled("R058")) FinishR058(s, acc, meta);
}

}  // namespace cairn::procurement::redflags
