// Fuzzes the CSV ingest parsers: the RFC 4180 reader, then whichever parser the header selects
// (Companies House companies, or one of Cairn's own formats: licences, inspections,
// intelligence subjects), as `cairn ingest` does.
#include <cstddef>
#include <cstdint>
#include <sstream>

#include "ingest/cairn_csv.h"
#include "ingest/companies_house.h"
#include "ingest/csv.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::istringstream in(std::string(reinterpret_cast<const char*>(data), size));
  cairn::ingest::CsvReader reader(in, "fuzz.csv");
  cairn::ingest::CsvRow row;
  std::string error;
  if (reader.Read(&row, &error) != cairn::ingest::CsvReader::Next::kRow) return 0;
  cairn::ingest::CsvHeader header(row.fields);
  std::optional<cairn::ingest::CompaniesParser> companies;
  std::optional<cairn::ingest::CairnCsvParser> own;
  if (cairn::ingest::IsCompaniesHeader(header)) {
    companies.emplace(header);
  } else if (const auto* spec = cairn::ingest::DetectCairnCsvFormat(header)) {
    auto created = cairn::ingest::CairnCsvParser::Create(*spec, header, {});
    if (created.ok()) own.emplace(std::move(*created));
  }
  for (int n = 0; n < 10000; ++n) {
    auto next = reader.Read(&row, &error);
    if (next == cairn::ingest::CsvReader::Next::kEnd) break;
    if (next == cairn::ingest::CsvReader::Next::kBad) continue;
    if (companies) (void)companies->Parse(row.fields);
    if (own) (void)own->Parse(row.fields);
  }
  return 0;
}
