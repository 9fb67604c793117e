// Normalisation of names, addresses and identifiers before comparison. Unicode goes through
// ICU (any script to Latin, accents removed, lower case), then punctuation becomes spaces and
// runs of spaces collapse. Thread-safe.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace cairn::resolve {

// "  Dr. Seán  O'Brien-Smith " → "sean o brien smith".
std::string NormaliseText(std::string_view text);

// A person's name without titles and honorifics: "Mr John Smith MBE" → "john smith".
std::string NormalisePersonName(std::string_view name);

// An organisation name with the legal suffix unified: "Acme Trading Ltd." and
// "ACME TRADING LIMITED" → "acme trading ltd".
std::string NormaliseOrganisationName(std::string_view name);

// A UK postcode in its canonical form, "pa11aa" → "PA1 1AA"; other text is returned
// upper-cased without spaces (so foreign codes still compare exactly).
std::string NormalisePostcode(std::string_view postcode);

// Only the digits: phone numbers and numeric identifiers ("+44 (0)141 …" → "441410…").
// A leading UK "44" before a "0"-less number is left as is; compare suffixes if needed.
std::string DigitsOnly(std::string_view text);

struct Date {
  int year = 0, month = 0, day = 0;  // 0 where unknown
};

// Reads YYYYMMDD, YYYY-MM-DD, DD/MM/YYYY, DD-MM-YYYY, DD.MM.YYYY, YYYY-MM and YYYY.
// nullopt if none fits or the date is impossible.
std::optional<Date> ParseDate(std::string_view text);

// The words of normalised text.
std::vector<std::string> Tokens(std::string_view normalised);

}  // namespace cairn::resolve
