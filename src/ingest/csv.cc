#include "ingest/csv.h"

#include <csv.h>

#include <deque>

namespace cairn::ingest {

struct CsvReader::Parser {
  csv_parser p;
  std::vector<std::string> fields;
  std::deque<CsvRow> ready;
  int64_t row_start = 0;  // line where the row being read began; 0 between rows
  int64_t current_line = 0;

  Parser() { csv_init(&p, kOptions); }
  ~Parser() { csv_free(&p); }
  // After a bad row: a fresh parser. csv_init allocates nothing but does not free either, so the
  // old buffer goes first (a leak per bad row before `make fuzz` found it).
  void Reset() {
    csv_free(&p);
    csv_init(&p, kOptions);
    fields.clear();
    row_start = 0;
  }
  static constexpr unsigned char kOptions = CSV_STRICT | CSV_STRICT_FINI | CSV_APPEND_NULL;
  static void OnField(void* data, size_t len, void* self) {
    auto* ps = static_cast<Parser*>(self);
    ps->fields.emplace_back(static_cast<const char*>(data), len);
  }
  static void OnRow(int, void* self) {
    auto* ps = static_cast<Parser*>(self);
    if (ps->row_start == 0) ps->row_start = ps->current_line;
    ps->ready.push_back({std::move(ps->fields), ps->row_start});
    ps->fields.clear();
    ps->row_start = 0;
  }
};

CsvReader::CsvReader(std::istream& in, std::string name)
    : in_(in), name_(std::move(name)), parser_(std::make_unique<Parser>()) {}

CsvReader::~CsvReader() = default;

bool CsvReader::Feed(const std::string& line) {
  parser_->current_line = line_;
  if (parser_->row_start == 0) parser_->row_start = line_;  // a row starts on this line
  size_t n = csv_parse(&parser_->p, line.data(), line.size(), Parser::OnField, Parser::OnRow, parser_.get());
  return n == line.size();
}

CsvReader::Next CsvReader::Read(CsvRow* row, std::string* error) {
  std::string line;
  while (parser_->ready.empty()) {
    if (!std::getline(in_, line)) {
      parser_->current_line = line_;
      if (csv_fini(&parser_->p, Parser::OnField, Parser::OnRow, parser_.get()) != 0) {
        int64_t start = parser_->row_start ? parser_->row_start : line_;
        parser_->Reset();
        row->line = start;
        *error = name_ + " line " + std::to_string(start) + ": a quoted field is never closed";
        return Next::kBad;
      }
      if (parser_->ready.empty()) return Next::kEnd;
      break;
    }
    ++line_;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty() && parser_->row_start == 0) continue;  // blank line between rows
    line += '\n';
    if (!Feed(line)) {
      int64_t start = parser_->row_start ? parser_->row_start : line_;
      std::string why = csv_strerror(csv_error(&parser_->p));
      parser_->Reset();
      parser_->ready.clear();
      row->line = start;
      *error = name_ + " line " + std::to_string(start) + ": broken quoting (" + why + ")";
      return Next::kBad;
    }
  }
  *row = std::move(parser_->ready.front());
  parser_->ready.pop_front();
  return Next::kRow;
}

std::string Trim(const std::string& s) {
  size_t b = s.find_first_not_of(" \t");
  if (b == std::string::npos) return "";
  size_t e = s.find_last_not_of(" \t");
  return s.substr(b, e - b + 1);
}

CsvHeader::CsvHeader(const std::vector<std::string>& names) {
  for (size_t i = 0; i < names.size(); ++i) {
    names_.push_back(Trim(names[i]));
    index_.emplace(names_.back(), i);
  }
}

Result<size_t> CsvHeader::Index(const std::string& name) const {
  auto it = index_.find(Trim(name));
  if (it != index_.end()) return it->second;
  std::string have;
  for (const auto& n : names_) have += (have.empty() ? "" : ", ") + n;
  return InvalidArgument("no column named '" + Trim(name) + "' (columns: " + have + ")");
}

}  // namespace cairn::ingest
