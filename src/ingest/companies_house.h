// Companies House "BasicCompanyData" bulk CSV (FORMATS.md): one company per row, every field
// quoted, dates DD/MM/YYYY, header names with stray leading spaces.
#pragma once

#include <string>
#include <vector>

#include "common/status.h"
#include "ingest/csv.h"
#include "ingest/source_record.h"

namespace cairn::ingest {

inline constexpr char kCompaniesFormat[] = "companies_house_companies";

// True if `header` is a BasicCompanyData header.
bool IsCompaniesHeader(const CsvHeader& header);

class CompaniesParser {
 public:
  // REQUIRES: IsCompaniesHeader(header).
  explicit CompaniesParser(const CsvHeader& header);

  // The company in `fields`, keyed by company number. InvalidArgument naming the column for a
  // missing company number or name, or an impossible date.
  Result<SourceRecord> Parse(const std::vector<std::string>& fields) const;

 private:
  CsvHeader header_;
};

// "29/06/2011" → "2011-06-29"; "" → ""; InvalidArgument for anything else.
Result<std::string> UkDateToIso(const std::string& text);

}  // namespace cairn::ingest
