#include "resolve/normalise.h"

#include <unicode/translit.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <cctype>
#include <memory>
#include <mutex>
#include <set>
#include <sstream>

namespace cairn::resolve {
namespace {

// ICU transliterators are not safe to share across threads: one per thread.
icu::Transliterator& Folder() {
  thread_local std::unique_ptr<icu::Transliterator> t = [] {
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<icu::Transliterator> tr(icu::Transliterator::createInstance(
        "Any-Latin; Latin-ASCII; Lower", UTRANS_FORWARD, status));
    return tr;
  }();
  return *t;
}

bool IsAscii(std::string_view s) {
  return std::all_of(s.begin(), s.end(), [](unsigned char c) { return c < 0x80; });
}

std::string Fold(std::string_view text) {
  if (IsAscii(text)) {
    std::string out(text);
    for (char& c : out) c = char(std::tolower(static_cast<unsigned char>(c)));
    return out;
  }
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(icu::StringPiece(text.data(), int32_t(text.size())));
  Folder().transliterate(u);
  std::string out;
  u.toUTF8String(out);
  return out;
}

std::string DropWords(const std::string& normalised, const std::set<std::string>& drop) {
  std::string out;
  for (const std::string& w : Tokens(normalised)) {
    if (drop.count(w)) continue;
    if (!out.empty()) out += ' ';
    out += w;
  }
  return out;
}

}  // namespace

std::string NormaliseText(std::string_view text) {
  std::string folded = Fold(text);
  std::string out;
  out.reserve(folded.size());
  bool space = true;
  for (unsigned char c : folded) {
    if (std::isalnum(c)) {
      out += char(c);
      space = false;
    } else if (c == '\'' || c == 0x60) {
      continue;  // O'Brien → obrien, as registers spell it either way
    } else if (!space) {
      out += ' ';
      space = true;
    }
  }
  if (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

std::string NormalisePersonName(std::string_view name) {
  static const std::set<std::string> kTitles = {
      "mr", "mrs", "ms", "miss", "mx", "dr", "prof", "professor", "sir", "dame", "lord", "lady",
      "rev", "revd", "reverend", "fr", "capt", "captain", "col", "major", "cllr", "councillor",
      "hon", "the", "jr", "jnr", "sr", "snr", "obe", "mbe", "cbe", "kc", "qc", "phd", "esq"};
  return DropWords(NormaliseText(name), kTitles);
}

std::string NormaliseOrganisationName(std::string_view name) {
  std::string n = NormaliseText(name);
  std::vector<std::string> words = Tokens(n);
  // Unify legal forms so suffix variants compare equal.
  static const std::vector<std::pair<std::vector<std::string>, std::string>> kForms = {
      {{"public", "limited", "company"}, "plc"}, {{"limited", "liability", "partnership"}, "llp"},
      {{"limited", "partnership"}, "lp"}, {{"limited"}, "ltd"}, {{"ltd"}, "ltd"},
      {{"company"}, "co"}, {{"and"}, "&"}};
  std::string out;
  for (size_t i = 0; i < words.size();) {
    bool matched = false;
    for (const auto& [phrase, replacement] : kForms) {
      if (i + phrase.size() <= words.size() && std::equal(phrase.begin(), phrase.end(), words.begin() + long(i))) {
        out += (out.empty() ? "" : " ") + replacement;
        i += phrase.size();
        matched = true;
        break;
      }
    }
    if (!matched) out += (out.empty() ? "" : " ") + words[i++];
  }
  return out;
}

std::string NormalisePostcode(std::string_view postcode) {
  std::string s;
  for (unsigned char c : postcode) {
    if (std::isalnum(c)) s += char(std::toupper(c));
  }
  // UK postcodes: outward code (2–4 characters) + inward code (digit + two letters).
  bool uk = s.size() >= 5 && s.size() <= 7 && std::isdigit(static_cast<unsigned char>(s[s.size() - 3])) &&
            std::isalpha(static_cast<unsigned char>(s[s.size() - 2])) &&
            std::isalpha(static_cast<unsigned char>(s.back())) && std::isalpha(static_cast<unsigned char>(s[0]));
  if (uk) return s.substr(0, s.size() - 3) + " " + s.substr(s.size() - 3);
  return s;
}

std::string DigitsOnly(std::string_view text) {
  std::string out;
  for (unsigned char c : text) {
    if (std::isdigit(c)) out += char(c);
  }
  return out;
}

std::optional<Date> ParseDate(std::string_view raw) {
  std::string t(raw);
  t.erase(0, t.find_first_not_of(" \t"));
  t.erase(t.find_last_not_of(" \t") + 1);
  Date d;
  int a = 0, b = 0, c = 0;
  char s1 = 0, s2 = 0;
  auto all_digits = std::all_of(t.begin(), t.end(), [](unsigned char ch) { return std::isdigit(ch); });
  if (all_digits && t.size() == 8) {
    d = {std::stoi(t.substr(0, 4)), std::stoi(t.substr(4, 2)), std::stoi(t.substr(6, 2))};
  } else if (all_digits && t.size() == 4) {
    d.year = std::stoi(t);
  } else if (t.size() == 10 && t[4] == '-' && std::sscanf(t.c_str(), "%4d-%2d-%2d", &a, &b, &c) == 3) {
    d = {a, b, c};
  } else if (std::sscanf(t.c_str(), "%2d%c%2d%c%4d", &a, &s1, &b, &s2, &c) == 5 && s1 == s2 &&
             (s1 == '/' || s1 == '-' || s1 == '.') && t.size() == 10) {
    d = {c, b, a};
  } else if (t.size() == 7 && t[4] == '-' && std::sscanf(t.c_str(), "%4d-%2d", &a, &b) == 2) {
    d = {a, b, 0};
  } else {
    return std::nullopt;
  }
  static const int kDays[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (d.year < 1800 || d.year > 2200) return std::nullopt;
  if (d.month != 0 && (d.month < 1 || d.month > 12)) return std::nullopt;
  if (d.day != 0 && (d.month == 0 || d.day < 1 || d.day > kDays[d.month - 1])) return std::nullopt;
  bool leap = (d.year % 4 == 0 && d.year % 100 != 0) || d.year % 400 == 0;
  if (d.month == 2 && d.day == 29 && !leap) return std::nullopt;
  return d;
}

std::vector<std::string> Tokens(std::string_view normalised) {
  std::vector<std::string> out;
  std::istringstream in{std::string(normalised)};
  for (std::string w; in >> w;) out.push_back(w);
  return out;
}

}  // namespace cairn::resolve
