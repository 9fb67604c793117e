#include "engine/ingest.h"

#include <sodium.h>
#include <tbb/blocked_range.h>
#include <tbb/concurrent_queue.h>
#include <tbb/parallel_for.h>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <mutex>
#include <optional>
#include <thread>
#include <utility>

#include "audit/chain.h"
#include "common/crypto.h"
#include "common/time.h"
#include "ingest/cairn_csv.h"
#include "ingest/companies_house.h"
#include "ingest/companies_house_jsonl.h"
#include "ingest/ftm.h"
#include "ingest/ocds.h"
#include "ingest/csv.h"
#include "storage/source_records.h"

namespace cairn::engine {
namespace {

constexpr size_t kMaxRejectsListed = 1000;

// SHA-256 of the whole file, streamed, to record exactly what was ingested.
Result<std::string> FileSha256(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return InvalidArgument("cannot read " + path);
  crypto_hash_sha256_state state;
  crypto_hash_sha256_init(&state);
  std::vector<char> buf(1 << 20);
  while (in.read(buf.data(), std::streamsize(buf.size())) || in.gcount() > 0) {
    crypto_hash_sha256_update(&state, reinterpret_cast<unsigned char*>(buf.data()), size_t(in.gcount()));
  }
  unsigned char digest[crypto_hash_sha256_BYTES];
  crypto_hash_sha256_final(&state, digest);
  char hex[crypto_hash_sha256_BYTES * 2 + 1];
  sodium_bin2hex(hex, sizeof hex, digest, sizeof digest);
  return std::string(hex);
}

// Rows of one file waiting to be written, and what the file has done so far.
struct Batch {
  std::vector<storage::SourceRecordRow> rows;
  std::vector<std::pair<int64_t, std::string>> rejects;  // line, reason
};

Status Flush(const app::Env& env, Batch& batch, IngestReport& report, int64_t file_id) {
  return env.db.Write([&](storage::Tx& tx) -> Status {
    storage::SourceRecordWriter writer(tx);
    CAIRN_ASSIGN_OR_RETURN(int64_t written, writer.Write(batch.rows));
    report.loaded += written;
    report.unchanged += int64_t(batch.rows.size()) - written;
    for (const auto& [line, reason] : batch.rejects) CAIRN_RETURN_IF_ERROR(storage::InsertReject(tx, file_id, line, reason));
    return Status::Ok();
  });
}

// Stores batches on a thread of its own, so that reading and parsing the next rows overlap with
// storing the last ones: storing is the slower half (docs/benchmarks.md, "Ingest"). Batches are
// stored in the order given, each in its own transaction; at most two wait, so memory stays
// bounded. After a failed batch nothing more is stored and the next Push returns the failure.
class BatchWriter {
 public:
  explicit BatchWriter(std::function<Status(Batch&)> store) : store_(std::move(store)) {
    queue_.set_capacity(2);
    thread_ = std::thread([this] { Loop(); });
  }
  ~BatchWriter() { (void)Finish(); }

  Status Push(Batch batch) {
    if (Status s = Failure(); !s.ok()) return s;
    queue_.push(std::move(batch));
    return Status::Ok();
  }
  // Waits until every batch pushed has been stored (or one failed).
  Status Finish() {
    if (thread_.joinable()) {
      queue_.push(std::nullopt);
      thread_.join();
    }
    return Failure();
  }

 private:
  Status Failure() {
    std::lock_guard lock(mu_);
    return failure_;
  }
  void Loop() {
    for (;;) {
      std::optional<Batch> batch;
      queue_.pop(batch);
      if (!batch) return;
      if (!Failure().ok()) continue;  // drain without storing
      Status s = store_(*batch);
      if (!s.ok()) {
        std::lock_guard lock(mu_);
        failure_ = s;
      }
    }
  }

  std::function<Status(Batch&)> store_;
  tbb::concurrent_bounded_queue<std::optional<Batch>> queue_;
  std::mutex mu_;
  Status failure_ = Status::Ok();
  std::thread thread_;
};

// Called for every data row: its line and what the format's parser made of it (nullopt for
// rows that are not records, such as the PSC totals line).
using RowHandler = std::function<Status(int64_t line, Result<std::optional<ingest::SourceRecord>> parsed)>;

// Turns one CSV row into a record (the parser for the file's format, built from its header).
using CsvRowParser = std::function<Result<ingest::SourceRecord>(const std::vector<std::string>& fields)>;

// Parses rows on worker threads, a batch at a time, and hands them to the row handler in file
// order: reading stays streaming (one batch in memory), parsing and hashing run in parallel,
// and the store sees rows in the order of the file. Parsers must be safe to call from several
// threads (they are const, or keep per-thread state).
class ParallelRows {
 public:
  using Parse = std::function<Result<std::optional<ingest::SourceRecord>>()>;
  explicit ParallelRows(const RowHandler& handle) : handle_(handle) {}

  Status Add(int64_t line, Parse parse) {
    lines_.push_back(line);
    tasks_.push_back(std::move(parse));
    return tasks_.size() >= kBatch ? Run() : Status::Ok();
  }
  Status Finish() { return Run(); }

 private:
  static constexpr size_t kBatch = 4096;

  Status Run() {
    std::vector<Result<std::optional<ingest::SourceRecord>>> results(tasks_.size(), InvalidArgument(""));
    tbb::parallel_for(tbb::blocked_range<size_t>(0, tasks_.size(), 64), [&](const tbb::blocked_range<size_t>& r) {
      for (size_t i = r.begin(); i != r.end(); ++i) {
        results[i] = tasks_[i]();
        if (results[i].ok() && results[i]->has_value()) (*results[i])->content_hash = Sha256Hex((*results[i])->payload);
      }
    });
    for (size_t i = 0; i < results.size(); ++i) CAIRN_RETURN_IF_ERROR(handle_(lines_[i], std::move(results[i])));
    lines_.clear();
    tasks_.clear();
    return Status::Ok();
  }

  const RowHandler& handle_;
  std::vector<int64_t> lines_;
  std::vector<Parse> tasks_;
};

Status ReadCsv(std::istream& in, const std::string& path,
               const std::function<Result<CsvRowParser>(const ingest::CsvHeader&)>& make_parser,
               const RowHandler& handle) {
  ingest::CsvReader reader(in, path);
  ingest::CsvRow row;
  std::string error;
  if (reader.Read(&row, &error) != ingest::CsvReader::Next::kRow) return InvalidArgument(path + ": no header row");
  ingest::CsvHeader header(row.fields);
  CAIRN_ASSIGN_OR_RETURN(CsvRowParser parse, make_parser(header));
  ParallelRows rows(handle);
  for (;;) {
    auto next = reader.Read(&row, &error);
    if (next == ingest::CsvReader::Next::kEnd) return rows.Finish();
    using Parsed = Result<std::optional<ingest::SourceRecord>>;
    if (next == ingest::CsvReader::Next::kBad) {
      Status bad = InvalidArgument(error.substr(error.find(": ") + 2));
      CAIRN_RETURN_IF_ERROR(rows.Add(row.line, [bad]() -> Parsed { return bad; }));
    } else if (row.fields.size() != header.size()) {
      Status bad = InvalidArgument(std::to_string(row.fields.size()) + " columns where the header has " +
                                   std::to_string(header.size()));
      CAIRN_RETURN_IF_ERROR(rows.Add(row.line, [bad]() -> Parsed { return bad; }));
    } else {
      CAIRN_RETURN_IF_ERROR(rows.Add(row.line, [&parse, fields = std::move(row.fields)]() -> Parsed {
        auto record = parse(fields);
        if (!record.ok()) return record.status();
        return std::optional<ingest::SourceRecord>(std::move(record).value());
      }));
      row.fields = {};
    }
  }
}

Status ReadJsonLines(std::istream& in, Result<std::optional<ingest::SourceRecord>> (*parse)(std::string_view),
                     const RowHandler& handle) {
  ParallelRows rows(handle);
  std::string line;
  for (int64_t n = 1; std::getline(in, line); ++n) {
    if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
    CAIRN_RETURN_IF_ERROR(rows.Add(n, [parse, text = std::move(line)] { return parse(text); }));
    line = {};
  }
  return rows.Finish();
}

std::string FirstLine(const std::string& path) {
  std::ifstream in(path);
  std::string line;
  std::getline(in, line);
  return line;
}

}  // namespace

Result<std::string> DetectFormat(const std::string& path) {
  std::ifstream in(path);
  if (!in) return InvalidArgument("cannot read " + path);
  std::string first = FirstLine(path);
  if (first.find_first_not_of(" \t\r") != std::string::npos && first[first.find_first_not_of(" \t\r")] == '{') {
    if (auto format = ingest::DetectCompaniesHouseJsonl(first)) return *format;
    if (ingest::IsFtmLine(first)) return std::string(ingest::kFtmFormat);
    if (ingest::LooksLikeOcds(first)) return std::string(ingest::kOcdsFormat);
  } else {
    ingest::CsvReader reader(in, path);
    ingest::CsvRow row;
    std::string error;
    if (reader.Read(&row, &error) == ingest::CsvReader::Next::kRow) {
      ingest::CsvHeader header(row.fields);
      if (ingest::IsCompaniesHeader(header)) return std::string(ingest::kCompaniesFormat);
      if (const auto* spec = ingest::DetectCairnCsvFormat(header)) return std::string(spec->format);
    }
  }
  std::string all;
  for (const char* f : kIngestFormats) all += (all.empty() ? "" : ", ") + std::string(f);
  return InvalidArgument(path + ": format not recognised from its first line; name it with --format (formats: " + all + ")");
}

Result<IngestReport> IngestFile(const app::Env& env, const model::Actor& actor, const std::string& path,
                                const IngestOptions& options) {
  IngestReport report;
  report.path = path;
  report.format = options.format;
  if (report.format.empty()) { CAIRN_ASSIGN_OR_RETURN(report.format, DetectFormat(path)); }
  bool known = false;
  for (const char* f : kIngestFormats) known = known || report.format == f;
  if (!known) return InvalidArgument("unknown format '" + report.format + "'");
  const ingest::CsvFormatSpec* cairn_csv = ingest::FindCairnCsvFormat(report.format);
  const bool restricted = cairn_csv != nullptr && cairn_csv->restricted;
  if (restricted && !options.owner_organisation_id) {
    return InvalidArgument(report.format + " records are restricted to the organisation that holds them: name it (--organisation)");
  }
  CAIRN_ASSIGN_OR_RETURN(std::string sha, FileSha256(path));
  std::string now = FormatTimestamp(env.clock.Now());
  storage::SourceFileRow file{0, path, report.format, sha, now, 0, 0, 0, 0};
  // Rows are stored in batches, each its own transaction, so a 2 GB file never waits on one
  // huge transaction. A run that is killed part-way leaves its file uncompleted; the next ingest
  // of the same file picks it up, and records that compare unchanged are not written again.
  CAIRN_RETURN_IF_ERROR(env.db.Write([&](storage::Tx& tx) -> Status {
    CAIRN_ASSIGN_OR_RETURN(auto unfinished, storage::FindUnfinishedSourceFile(tx, path, report.format, sha));
    if (unfinished) {
      file.id = *unfinished;
      report.resumed = true;
      return storage::DeleteRejectsOf(tx, file.id);  // they are found again
    }
    CAIRN_ASSIGN_OR_RETURN(file.id, storage::InsertSourceFile(tx, file));
    return Status::Ok();
  }));

  std::ifstream in(path, std::ios::binary);
  const uint64_t size = std::filesystem::file_size(path);
  Batch batch;
  // The writer alone touches report.loaded and report.unchanged until Finish.
  BatchWriter writer([&](Batch& full) { return Flush(env, full, report, file.id); });
  RowHandler handle = [&](int64_t line, Result<std::optional<ingest::SourceRecord>> parsed) -> Status {
    if (parsed.ok() && !parsed->has_value()) return Status::Ok();  // not a record
    ++report.read;
    if (!parsed.ok()) {
      ++report.rejected;
      batch.rejects.emplace_back(line, parsed.status().message());
      if (report.rejects.size() < kMaxRejectsListed) {
        report.rejects.push_back(path + " line " + std::to_string(line) + ": " + parsed.status().message());
      }
    } else {
      ingest::SourceRecord& r = **parsed;
      std::string hash = r.content_hash.empty() ? Sha256Hex(r.payload) : std::move(r.content_hash);
      batch.rows.push_back({report.format, r.key, std::move(hash), std::move(r.payload), path, line, file.id,
                            restricted, options.owner_organisation_id, now});
    }
    if (batch.rows.size() + batch.rejects.size() < options.batch_rows) return Status::Ok();
    CAIRN_RETURN_IF_ERROR(writer.Push(std::exchange(batch, {})));
    if (options.progress) options.progress(in.tellg() < 0 ? size : uint64_t(in.tellg()), size);
    return Status::Ok();
  };
  if (report.format == ingest::kCompaniesFormat) {
    CAIRN_RETURN_IF_ERROR(ReadCsv(in, path, [](const ingest::CsvHeader& header) -> Result<CsvRowParser> {
      auto parser = std::make_shared<ingest::CompaniesParser>(header);
      return CsvRowParser([parser](const std::vector<std::string>& f) { return parser->Parse(f); });
    }, handle));
  } else if (cairn_csv != nullptr) {
    CAIRN_RETURN_IF_ERROR(ReadCsv(in, path, [&](const ingest::CsvHeader& header) -> Result<CsvRowParser> {
      CAIRN_ASSIGN_OR_RETURN(auto parser, ingest::CairnCsvParser::Create(*cairn_csv, header, options.column_mapping));
      auto shared = std::make_shared<ingest::CairnCsvParser>(std::move(parser));
      return CsvRowParser([shared](const std::vector<std::string>& f) { return shared->Parse(f); });
    }, handle));
  } else if (report.format == ingest::kOcdsFormat && !ingest::IsCompiledReleaseLine(FirstLine(path))) {
    // A release package is one JSON document: read whole, compile per ocid. Its rows have no
    // lines of their own, so they carry line 1 and name the release in the reason.
    std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    auto package = ingest::CompileReleasePackage(text);
    if (!package.ok()) return InvalidArgument(path + ": " + package.status().message());
    for (const std::string& why : package->rejects) CAIRN_RETURN_IF_ERROR(handle(1, InvalidArgument(why)));
    for (auto& record : package->records) {
      CAIRN_RETURN_IF_ERROR(handle(1, std::optional<ingest::SourceRecord>(std::move(record))));
    }
  } else {
    auto parse = report.format == ingest::kPscFormat        ? ingest::ParsePscLine
                 : report.format == ingest::kOfficersFormat ? ingest::ParseOfficerLine
                 : report.format == ingest::kFtmFormat      ? ingest::ParseFtmLine
                                                            : ingest::ParseCompiledReleaseLine;
    CAIRN_RETURN_IF_ERROR(ReadJsonLines(in, parse, handle));
  }
  CAIRN_RETURN_IF_ERROR(writer.Push(std::move(batch)));
  CAIRN_RETURN_IF_ERROR(writer.Finish());
  if (options.progress) options.progress(size, size);
  file.rows_read = report.read;
  file.rows_loaded = report.loaded;
  file.rows_unchanged = report.unchanged;
  file.rows_rejected = report.rejected;
  CAIRN_RETURN_IF_ERROR(env.db.Write([&](storage::Tx& tx) -> Status {
    CAIRN_RETURN_IF_ERROR(storage::UpdateSourceFileCounts(tx, file));
    return audit::Append(tx, env.clock, actor,
                         {"ingest", "source_file", std::to_string(file.id), true,
                          {{"path", path}, {"format", report.format}, {"sha256", sha}, {"read", report.read},
                           {"loaded", report.loaded}, {"unchanged", report.unchanged}, {"rejected", report.rejected},
                           {"resumed", report.resumed}}});
  }));
  return report;
}

}  // namespace cairn::engine
