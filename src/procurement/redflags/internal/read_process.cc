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

// Each object is walked once, picking out the keys an indicator reads: a release is read
// about as fast as simdjson parsed it, rather than a key scan per field. For a key given twice
// the first wins, as with a lookup.

// `k == literal`, with the literal's length known, so the comparison compiles to a few loads
// instead of a call to memcmp: a key is compared this way a dozen times per line.
template <size_t N>
bool Is(std::string_view k, const char (&literal)[N]) {
  return k.size() == N - 1 && __builtin_memcmp(k.data(), literal, N - 1) == 0;
}

// The value of `key` in `o`, if `e` is an object that has it (the first, if given twice).
template <size_t N>
std::optional<element> Field(element e, const char (&key)[N]) {
  object o;
  if (e.get_object().get(o) != SUCCESS) return std::nullopt;
  for (auto field : o)
    if (Is(field.key, key)) return field.value;
  return std::nullopt;
}

std::optional<std::string_view> Text(element e) {
  std::string_view v;
  if (e.get_string().get(v) != SUCCESS) return std::nullopt;
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

// The "id" of an object such as buyer, or "".
std::string_view IdOf(element e, Process& p) {
  object o;
  if (e.get_object().get(o) != SUCCESS) return {};
  for (auto field : o)
    if (Is(field.key, "id")) return Id(field.value, p).value_or("");
  return {};
}

// The ids of an array of objects such as tenderers, appended to the pool.
IdRange Ids(element e, Process& p) {
  IdRange r{uint32_t(p.ids.size()), 0};
  array a;
  if (e.get_array().get(a) == SUCCESS) {
    for (element item : a) {
      std::string_view id = IdOf(item, p);
      if (!id.empty()) p.ids.push_back(id);
    }
  }
  r.end = uint32_t(p.ids.size());
  return r;
}

// A date the indicators read: null is fine, anything else unparsable is warned about. `path`
// builds the field's name only when there is something to say.
template <typename Path>
std::optional<int64_t> Date(element e, Path path, std::vector<std::string>& warnings) {
  if (e.is_null()) return std::nullopt;
  std::string_view s;
  std::optional<int64_t> t;
  if (e.get_string().get(s) == SUCCESS) t = ParseRfc3339(s);
  if (!t) warnings.push_back(path() + " is not an RFC 3339 date-time: " + simdjson::minify(e));
  return t;
}

BidStatus BidStatusOf(std::optional<std::string_view> s) {
  if (!s) return BidStatus::kOther;
  if (Is(*s, "invited")) return BidStatus::kInvited;
  if (Is(*s, "pending")) return BidStatus::kPending;
  if (Is(*s, "valid")) return BidStatus::kValid;
  if (Is(*s, "disqualified")) return BidStatus::kDisqualified;
  if (Is(*s, "withdrawn")) return BidStatus::kWithdrawn;
  return BidStatus::kOther;
}

AwardStatus AwardStatusOf(std::optional<std::string_view> s) {
  if (!s) return AwardStatus::kOther;
  if (Is(*s, "pending")) return AwardStatus::kPending;
  if (Is(*s, "active")) return AwardStatus::kActive;
  if (Is(*s, "cancelled")) return AwardStatus::kCancelled;
  if (Is(*s, "unsuccessful")) return AwardStatus::kUnsuccessful;
  return AwardStatus::kOther;
}

std::string BidPath(size_t i) { return "bids/details/" + std::to_string(i); }

void ReadBidValue(element e, size_t i, const std::string& main_currency, Bid& out, std::vector<std::string>& warnings) {
  object value;
  if (e.get_object().get(value) != SUCCESS) return;
  std::optional<element> amount;
  bool has_currency = false;
  for (auto field : value) {
    if (Is(field.key, "amount") && !amount) amount = field.value;
    else if (Is(field.key, "currency") && !has_currency) {
      has_currency = true;
      out.currency = Text(field.value).value_or("");
    }
  }
  if (!amount || amount->is_null()) return;
  double a = 0;
  if (amount->get_double().get(a) != SUCCESS) {
    warnings.push_back(BidPath(i) + "/value/amount is not a number: " + simdjson::minify(*amount));
    return;
  }
  if (!main_currency.empty() && out.currency != main_currency) {
    warnings.push_back(BidPath(i) + "/value is in " + (out.currency.empty() ? "no currency" : std::string(out.currency)) +
                       ", not the main currency " + main_currency + ": amount ignored");
    return;
  }
  out.amount = a;
}

void ReadBid(object o, size_t index, const std::string& main_currency, Process& out, std::vector<std::string>& warnings) {
  Bid bid;
  bool status = false, date = false, tenderers = false, value = false;
  for (auto field : o) {
    std::string_view k = field.key;
    if (Is(k, "status") && !status) {
      status = true;
      bid.status = BidStatusOf(Text(field.value));
    } else if (Is(k, "date") && !date) {
      date = true;
      bid.date = Date(field.value, [index] { return BidPath(index) + "/date"; }, warnings);
    } else if (Is(k, "tenderers") && !tenderers) {
      tenderers = true;
      bid.tenderers = Ids(field.value, out);
    } else if (Is(k, "value") && !value) {
      value = true;
      ReadBidValue(field.value, index, main_currency, bid, warnings);
    }
  }
  out.bids.push_back(bid);
}

void ReadBids(element e, const std::string& main_currency, Process& out, std::vector<std::string>& warnings) {
  auto list = Field(e, "details");
  array details;
  if (!list || list->get_array().get(details) != SUCCESS) return;
  size_t i = 0;
  for (element item : details) {
    object o;
    size_t index = i++;
    if (item.get_object().get(o) == SUCCESS) ReadBid(o, index, main_currency, out, warnings);
  }
}

// items[].classification.id, appended to the pool.
void ReadClassifications(element e, Process& out) {
  array items;
  if (e.get_array().get(items) != SUCCESS) return;
  for (element item : items) {
    auto classification = Field(item, "classification");
    auto id = classification ? Field(*classification, "id") : std::nullopt;
    if (!id) continue;
    if (auto s = Id(*id, out)) out.ids.push_back(*s);
  }
}

void ReadAwards(element e, Process& out) {
  array awards;
  if (e.get_array().get(awards) != SUCCESS) return;
  for (element item : awards) {
    object o;
    if (item.get_object().get(o) != SUCCESS) continue;
    Award award;
    std::optional<element> suppliers, items;
    bool status = false;
    for (auto field : o) {
      if (Is(field.key, "status") && !status) {
        status = true;
        award.status = AwardStatusOf(Text(field.value));
      } else if (Is(field.key, "suppliers") && !suppliers) {
        suppliers = field.value;
      } else if (Is(field.key, "items") && !items) {
        items = field.value;
      }
    }
    // Suppliers then classifications, each a contiguous range of the pool.
    uint32_t here = uint32_t(out.ids.size());
    award.suppliers = suppliers ? Ids(*suppliers, out) : IdRange{here, here};
    award.classifications.begin = uint32_t(out.ids.size());
    if (items) ReadClassifications(*items, out);
    award.classifications.end = uint32_t(out.ids.size());
    out.awards.push_back(award);
  }
}

// The tender's fields; false if it is cancelled.
bool ReadTender(element e, Process& out, std::vector<std::string>& warnings) {
  object tender;
  if (e.get_object().get(tender) != SUCCESS) return true;
  bool status = false, method = false, details = false, entity = false, period = false, count = false;
  for (auto field : tender) {
    std::string_view k = field.key;
    if (Is(k, "status") && !status) {
      status = true;
      if (Text(field.value).value_or("") == "cancelled") return false;
    } else if (Is(k, "procurementMethod") && !method) {
      method = true;
      out.method = Text(field.value);
    } else if (Is(k, "procurementMethodDetails") && !details) {
      details = true;
      out.method_details = Text(field.value);
    } else if (Is(k, "procuringEntity") && !entity) {
      entity = true;
      out.procuring_entity = IdOf(field.value, out);
    } else if (Is(k, "numberOfTenderers") && !count) {
      count = true;
      int64_t n = 0;
      if (field.value.get_int64().get(n) == SUCCESS) out.number_of_tenderers = n;
    } else if (Is(k, "tenderPeriod") && !period) {
      period = true;
      if (auto start = Field(field.value, "startDate"))
        out.tender_start = Date(*start, [] { return std::string("tender/tenderPeriod/startDate"); }, warnings);
      if (auto end = Field(field.value, "endDate"))
        out.tender_end = Date(*end, [] { return std::string("tender/tenderPeriod/endDate"); }, warnings);
    }
  }
  return true;
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
  std::optional<element> tender, buyer, bids, awards;
  bool ocid = false;
  for (auto field : release) {
    std::string_view k = field.key;
    if (Is(k, "ocid") && !ocid) {
      ocid = true;
      out.ocid = Text(field.value).value_or("");
    } else if (Is(k, "tender") && !tender) {
      tender = field.value;
    } else if (Is(k, "buyer") && !buyer) {
      buyer = field.value;
    } else if (Is(k, "bids") && !bids) {
      bids = field.value;
    } else if (Is(k, "awards") && !awards) {
      awards = field.value;
    }
  }
  // A skipped process is skipped silently, as Cardinal does: drop what its tender said.
  size_t warned = warnings.size();
  if (tender && !ReadTender(*tender, out, warnings)) {
    warnings.resize(warned);
    return LineKind::kCancelled;
  }
  if (out.method_details && !excluded.empty() && excluded.count(std::string(*out.method_details))) {
    warnings.resize(warned);
    return LineKind::kExcluded;
  }
  if (buyer) out.buyer = IdOf(*buyer, out);
  if (bids) ReadBids(*bids, main_currency, out, warnings);
  if (awards) ReadAwards(*awards, out);
  return LineKind::kProcess;
}

}  // namespace cairn::procurement::redflags::internal
