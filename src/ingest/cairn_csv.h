// Cairn's own CSV formats, for data with no public bulk format (FORMATS.md, docs/formats.md):
// the licence register, inspection reports and intelligence subjects. Each format is a table
// of columns with a type (text, date, integer, one of a set, a list of codes) and whether it is
// required. A mapping adapts an organisation's own column names: canonical name → their name.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "common/status.h"
#include "ingest/csv.h"
#include "ingest/source_record.h"

namespace cairn::ingest {

inline constexpr char kLicencesFormat[] = "licences";
inline constexpr char kInspectionsFormat[] = "inspections";
inline constexpr char kIntelligenceFormat[] = "intelligence_subjects";

enum class ColumnType { kText, kDate, kInteger, kEnum, kCodeList };

struct ColumnSpec {
  const char* name;
  ColumnType type;
  bool required;
  std::vector<std::string> allowed;  // kEnum, kCodeList
};

struct CsvFormatSpec {
  const char* format;
  std::vector<ColumnSpec> columns;
  std::vector<const char*> key;  // columns whose values, joined with '/', key the record
  bool restricted;               // records readable only by permitted roles of the owner
};

// The three formats' specifications.
const std::vector<CsvFormatSpec>& CairnCsvFormats();
const CsvFormatSpec* FindCairnCsvFormat(const std::string& format);

// The format whose required columns the header has (after mapping), or nullptr.
const CsvFormatSpec* DetectCairnCsvFormat(const CsvHeader& header);

class CairnCsvParser {
 public:
  // `mapping` maps canonical column names to the file's own; unmapped columns are looked up by
  // their canonical name. InvalidArgument naming a required column the header lacks.
  static Result<CairnCsvParser> Create(const CsvFormatSpec& spec, const CsvHeader& header,
                                       const std::map<std::string, std::string>& mapping);

  // InvalidArgument naming the column for a missing required value, a value outside its set,
  // an impossible date or a non-number.
  Result<SourceRecord> Parse(const std::vector<std::string>& fields) const;

 private:
  const CsvFormatSpec* spec_ = nullptr;
  std::vector<int> index_;  // per spec column: its index in the file, or -1 if absent
};

// Reads a mapping file: TOML with a [columns] table of canonical = "their column" pairs.
Result<std::map<std::string, std::string>> LoadColumnMapping(const std::string& path);

}  // namespace cairn::ingest
