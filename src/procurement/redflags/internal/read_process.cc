#include "procurement/redflags/internal/read_process.h"

#include <chrono>

namespace cairn::procurement::redflags::internal {
namespace {

using simdjson::SUCCESS;
using simdjson::dom::array;
using simdjson::dom::element;
using simdjson::dom::object;

bool Digits(std::string_view s, size_t at, size_t n, int& out) {
  if (at + n > s.size()) return false;
  out = 0;
  for (size_t i = at; i < at + n; ++i) {
    if (s[i] < '0' || s[i] > '9') return false;
    out = out * 10 + (s[i] - '0');
  }
  return true;
}

std::optional<std::string_view> Text(object o, const char* key) {
  std::string_view v;
  if (o[key].get_string().get(v) != SUCCESS) return std::nullopt;
  return v;
}

// An OCDS id: a string, or a whole number written as one (kept in `p.owned`).
std::optional<std::string_view> Id(element e, Process& p) {
  std::string_view s;
  if (e.get_string().get(s) == SUCCESS) return s;
  int64_t i = 0;
  if (e.get_int64().get(i) == SUCCESS) return p.owned.emplace_back(std::to_string(i));
  return std::nullopt;
}

std::string_view IdOf(object o, const char* key, Process& p) {
  element id;
  if (o[key]["id"].get(id) != SUCCESS) return {};
  return Id(id, p).value_or("");
}

IdRange Ids(object o, const char* key, Process& p) {
  IdRange r{uint32_t(p.ids.size()), 0};
  array a;
  if (o[key].get_array().get(a) == SUCCESS) {
    for (element e : a) {
      element id;
      if (e["id"].get(id) != SUCCESS) continue;
      if (auto s = Id(id, p)) p.ids.push_back(*s);
    }
  }
  r.end = uint32_t(p.ids.size());
  return r;
}

// A date the indicators read: absent is fine, present but unparsable is warned about. `path`
// builds the field's name only when there is something to say.
template <typename Path>
std::optional<int64_t> Date(object o, const char* key, Path path, std::vector<std::string>& warnings) {
  element e;
  if (o[key].get(e) != SUCCESS || e.is_null()) return std::nullopt;
  std::string_view s;
  std::optional<int64_t> t;
  if (e.get_string().get(s) == SUCCESS) t = ParseRfc3339(s);
  if (!t) warnings.push_back(path() + " is not an RFC 3339 date-time: " + simdjson::minify(e));
  return t;
}

BidStatus BidStatusOf(std::optional<std::string_view> s) {
  if (!s) return BidStatus::kOther;
  if (*s == "invited") return BidStatus::kInvited;
  if (*s == "pending") return BidStatus::kPending;
  if (*s == "valid") return BidStatus::kValid;
  if (*s == "disqualified") return BidStatus::kDisqualified;
  if (*s == "withdrawn") return BidStatus::kWithdrawn;
  return BidStatus::kOther;
}

AwardStatus AwardStatusOf(std::optional<std::string_view> s) {
  if (!s) return AwardStatus::kOther;
  if (*s == "pending") return AwardStatus::kPending;
  if (*s == "active") return AwardStatus::kActive;
  if (*s == "cancelled") return AwardStatus::kCancelled;
  if (*s == "unsuccessful") return AwardStatus::kUnsuccessful;
  return AwardStatus::kOther;
}

std::string BidPath(size_t i) { return "bids/details/" + std::to_string(i); }

void ReadBidValue(object bid, size_t i, const std::string& main_currency, Bid& out, std::vector<std::string>& warnings) {
  object value;
  if (bid["value"].get_object().get(value) != SUCCESS) return;
  out.currency = Text(value, "currency").value_or("");
  element amount;
  if (value["amount"].get(amount) != SUCCESS || amount.is_null()) return;
  double a = 0;
  if (amount.get_double().get(a) != SUCCESS) {
    warnings.push_back(BidPath(i) + "/value/amount is not a number: " + simdjson::minify(amount));
    return;
  }
  if (!main_currency.empty() && out.currency != main_currency) {
    warnings.push_back(BidPath(i) + "/value is in " + (out.currency.empty() ? "no currency" : std::string(out.currency)) +
                       ", not the main currency " + main_currency + ": amount ignored");
    return;
  }
  out.amount = a;
}

void ReadBids(object release, const std::string& main_currency, Process& out, std::vector<std::string>& warnings) {
  array details;
  if (release["bids"]["details"].get_array().get(details) != SUCCESS) return;
  size_t i = 0;
  for (element e : details) {
    object o;
    size_t index = i++;
    if (e.get_object().get(o) != SUCCESS) continue;
    Bid bid;
    bid.status = BidStatusOf(Text(o, "status"));
    bid.date = Date(o, "date", [index] { return BidPath(index) + "/date"; }, warnings);
    bid.tenderers = Ids(o, "tenderers", out);
    ReadBidValue(o, index, main_currency, bid, warnings);
    out.bids.push_back(bid);
  }
}

void ReadAwards(object release, Process& out) {
  array awards;
  if (release["awards"].get_array().get(awards) != SUCCESS) return;
  for (element e : awards) {
    object o;
    if (e.get_object().get(o) != SUCCESS) continue;
    Award award;
    award.status = AwardStatusOf(Text(o, "status"));
    award.suppliers = Ids(o, "suppliers", out);
    award.classifications.begin = uint32_t(out.ids.size());
    array items;
    if (o["items"].get_array().get(items) == SUCCESS) {
      for (element item : items) {
        element id;
        if (item["classification"]["id"].get(id) != SUCCESS) continue;
        if (auto s = Id(id, out)) out.ids.push_back(*s);
      }
    }
    award.classifications.end = uint32_t(out.ids.size());
    out.awards.push_back(award);
  }
}

}  // namespace

std::optional<int64_t> ParseRfc3339(std::string_view s) {
  int y, mo, d, h, mi, sec;
  if (!Digits(s, 0, 4, y) || s.size() < 20 || s[4] != '-' || !Digits(s, 5, 2, mo) || s[7] != '-' ||
      !Digits(s, 8, 2, d) || (s[10] != 'T' && s[10] != 't' && s[10] != ' ') || !Digits(s, 11, 2, h) || s[13] != ':' ||
      !Digits(s, 14, 2, mi) || s[16] != ':' || !Digits(s, 17, 2, sec))
    return std::nullopt;
  size_t at = 19;
  if (s[at] == '.') {
    ++at;
    size_t digits = 0;
    while (at < s.size() && s[at] >= '0' && s[at] <= '9') ++at, ++digits;
    if (digits == 0) return std::nullopt;
  }
  int offset = 0;
  if (at < s.size() && (s[at] == 'Z' || s[at] == 'z')) {
    ++at;
  } else if (at < s.size() && (s[at] == '+' || s[at] == '-')) {
    int oh, om;
    if (!Digits(s, at + 1, 2, oh) || at + 3 >= s.size() || s[at + 3] != ':' || !Digits(s, at + 4, 2, om) || oh > 23 ||
        om > 59)
      return std::nullopt;
    offset = (s[at] == '-' ? -1 : 1) * (oh * 3600 + om * 60);
    at += 6;
  } else {
    return std::nullopt;
  }
  if (at != s.size() || h > 23 || mi > 59 || sec > 60) return std::nullopt;
  std::chrono::year_month_day ymd{std::chrono::year{y}, std::chrono::month{unsigned(mo)}, std::chrono::day{unsigned(d)}};
  if (!ymd.ok()) return std::nullopt;
  int64_t days = std::chrono::sys_days{ymd}.time_since_epoch().count();
  return days * 86400 + h * 3600 + mi * 60 + sec - offset;
}

std::string FirstBidCurrency(object release) {
  object bids;
  array details;
  if (release["bids"].get_object().get(bids) != SUCCESS || bids["details"].get_array().get(details) != SUCCESS) return {};
  for (element e : details) {
    std::string_view c;
    if (e["value"]["currency"].get_string().get(c) == SUCCESS && !c.empty()) return std::string(c);
  }
  return {};
}

LineKind ReadProcess(object release, const std::string& main_currency, const std::set<std::string>& excluded,
                     Process& out, std::vector<std::string>& warnings) {
  out.ocid = Text(release, "ocid").value_or("");
  object tender;
  if (release["tender"].get_object().get(tender) == SUCCESS) {
    if (Text(tender, "status") == "cancelled") return LineKind::kCancelled;
    out.method = Text(tender, "procurementMethod");
    out.method_details = Text(tender, "procurementMethodDetails");
    if (out.method_details && !excluded.empty() && excluded.count(std::string(*out.method_details))) return LineKind::kExcluded;
    out.procuring_entity = IdOf(tender, "procuringEntity", out);
    object period;
    if (tender["tenderPeriod"].get_object().get(period) == SUCCESS) {
      out.tender_start = Date(period, "startDate", [] { return std::string("tender/tenderPeriod/startDate"); }, warnings);
      out.tender_end = Date(period, "endDate", [] { return std::string("tender/tenderPeriod/endDate"); }, warnings);
    }
    int64_t n = 0;
    if (tender["numberOfTenderers"].get_int64().get(n) == SUCCESS) out.number_of_tenderers = n;
  }
  out.buyer = IdOf(release, "buyer", out);
  ReadBids(release, main_currency, out, warnings);
  ReadAwards(release, out);
  return LineKind::kProcess;
}

}  // namespace cairn::procurement::redflags::internal
