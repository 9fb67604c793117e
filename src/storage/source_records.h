// Ingested source files, records and rejects (migration 0002). All within a lent Tx.
#pragma once

#include <memory>
#include <optional>
#include <string>

#include "common/status.h"
#include "storage/database.h"

namespace cairn::storage {

struct SourceFileRow {
  int64_t id = 0;
  std::string path, format, sha256, ingested_at;
  int64_t rows_read = 0, rows_loaded = 0, rows_unchanged = 0, rows_rejected = 0;
};

// Inserts the file as not yet completed; UpdateSourceFileCounts completes it.
Result<int64_t> InsertSourceFile(Tx& tx, const SourceFileRow& file);
Status UpdateSourceFileCounts(Tx& tx, const SourceFileRow& file);
// The latest ingest of this very file that never completed (it was interrupted), if any.
Result<std::optional<int64_t>> FindUnfinishedSourceFile(Tx& tx, const std::string& path, const std::string& format,
                                                       const std::string& sha256);
Status DeleteRejectsOf(Tx& tx, int64_t source_file_id);
Status InsertReject(Tx& tx, int64_t source_file_id, int64_t line, const std::string& reason);

struct SourceRecordRow {
  std::string format, record_key, content_hash, payload, file;
  int64_t line = 0;
  int64_t source_file_id = 0;
  bool restricted = false;
  std::optional<int64_t> owner_organisation_id;
  std::string now;  // timestamp of this ingest
};

enum class UpsertOutcome { kInserted, kUpdated, kUnchanged };

// Writes source records one after another inside one transaction, reusing prepared
// statements. Create one per transaction; it must not outlive the Tx.
class SourceRecordWriter {
 public:
  explicit SourceRecordWriter(Tx& tx);
  ~SourceRecordWriter();
  // Inserts the record, replaces it if its content changed, or leaves it if not.
  Result<UpsertOutcome> Upsert(const SourceRecordRow& row);

 private:
  struct Statements;
  std::unique_ptr<Statements> st_;
};

// How many source records of `format` are stored.
Result<int64_t> CountSourceRecords(Tx& tx, const std::string& format);

}  // namespace cairn::storage
