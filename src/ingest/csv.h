// Streaming CSV reading (RFC 4180: quoted fields, doubled quotes, newlines inside quotes) over
// Debian's libcsv, with the physical line each row starts on, so errors can name it. A
// malformed row is reported and skipped; reading goes on with the next line.
#pragma once

#include <cstdint>
#include <istream>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "common/status.h"

namespace cairn::ingest {

struct CsvRow {
  std::vector<std::string> fields;
  int64_t line = 0;  // 1-based line where the row starts
};

class CsvReader {
 public:
  // Reads `in` (which must outlive the reader); `name` names the source in errors.
  CsvReader(std::istream& in, std::string name);
  ~CsvReader();
  CsvReader(const CsvReader&) = delete;
  CsvReader& operator=(const CsvReader&) = delete;

  enum class Next { kRow, kBad, kEnd };
  // The next row into *row. kBad: the row at *row->line could not be parsed (broken quoting);
  // *error says where and why, and the next call continues after it. kEnd at end of input.
  Next Read(CsvRow* row, std::string* error);

  const std::string& name() const { return name_; }

 private:
  struct Parser;
  bool Feed(const std::string& line);

  std::istream& in_;
  std::string name_;
  std::unique_ptr<Parser> parser_;
  int64_t line_ = 0;
};

// A header row: column names trimmed of surrounding spaces (the Febrl files and Companies
// House put a space after some commas), and lookup by name.
class CsvHeader {
 public:
  CsvHeader() = default;
  explicit CsvHeader(const std::vector<std::string>& names);
  // The column index of `name` (trimmed), or InvalidArgument naming the missing column and
  // listing those present.
  Result<size_t> Index(const std::string& name) const;
  size_t size() const { return names_.size(); }
  const std::vector<std::string>& names() const { return names_; }

 private:
  std::vector<std::string> names_;
  std::map<std::string, size_t> index_;
};

// `s` without leading and trailing spaces and tabs.
std::string Trim(const std::string& s);

}  // namespace cairn::ingest
