// Ingested source files, records and rejects (migration 0002). All within a lent Tx.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

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

// Writes source records inside one transaction, many to a statement, reusing prepared
// statements. Create one per transaction; it must not outlive the Tx.
class SourceRecordWriter {
 public:
  explicit SourceRecordWriter(Tx& tx);
  ~SourceRecordWriter();
  // Stores the rows in their order: inserts each new record, replaces
  // one whose content changed, and leaves one that did not. Returns how many were written
  // (inserted or replaced); the rest were unchanged. The rows are moved from.
  Result<int64_t> Write(std::vector<SourceRecordRow>& rows);

 private:
  struct Insert;
  std::unique_ptr<Insert> insert_;
};

// How many source records of `format` are stored.
Result<int64_t> CountSourceRecords(Tx& tx, const std::string& format);

}  // namespace cairn::storage
