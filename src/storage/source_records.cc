#include "storage/source_records.h"

#include "storage/internal/multi_row.h"
#include "storage/internal/soci_types.h"

#include <unordered_set>

namespace cairn::storage {

Result<int64_t> InsertSourceFile(Tx& tx, const SourceFileRow& f) {
  long long id = 0;
  tx.sql() << "INSERT INTO source_files (path, format, sha256, ingested_at, rows_read, rows_loaded, "
              "rows_unchanged, rows_rejected, completed) VALUES (:p, :f, :s, :at, :r, :l, :u, :x, 0) RETURNING id",
      soci::use(f.path), soci::use(f.format), soci::use(f.sha256), soci::use(f.ingested_at),
      soci::use(f.rows_read), soci::use(f.rows_loaded), soci::use(f.rows_unchanged), soci::use(f.rows_rejected),
      soci::into(id);
  return int64_t{id};
}

Status UpdateSourceFileCounts(Tx& tx, const SourceFileRow& f) {
  tx.sql() << "UPDATE source_files SET rows_read = :r, rows_loaded = :l, rows_unchanged = :u, rows_rejected = :x, "
              "completed = 1 WHERE id = :id",
      soci::use(f.rows_read), soci::use(f.rows_loaded), soci::use(f.rows_unchanged), soci::use(f.rows_rejected),
      soci::use(f.id);
  return Status::Ok();
}

Result<std::optional<int64_t>> FindUnfinishedSourceFile(Tx& tx, const std::string& path, const std::string& format,
                                                       const std::string& sha256) {
  long long id = 0;
  soci::indicator ind = soci::i_null;
  tx.sql() << "SELECT MAX(id) FROM source_files WHERE completed = 0 AND path = :p AND format = :f AND sha256 = :s",
      soci::use(path), soci::use(format), soci::use(sha256), soci::into(id, ind);
  if (ind == soci::i_null) return std::optional<int64_t>();
  return std::optional<int64_t>(int64_t{id});
}

Status DeleteRejectsOf(Tx& tx, int64_t source_file_id) {
  tx.sql() << "DELETE FROM ingest_rejects WHERE source_file_id = :f", soci::use(source_file_id);
  return Status::Ok();
}

Status InsertReject(Tx& tx, int64_t source_file_id, int64_t line, const std::string& reason) {
  tx.sql() << "INSERT INTO ingest_rejects (source_file_id, line, reason) VALUES (:f, :l, :r)",
      soci::use(source_file_id), soci::use(line), soci::use(reason);
  return Status::Ok();
}

struct SourceRecordWriter::Insert : internal::MultiRowInsert<SourceRecordRow> {
  explicit Insert(soci::session& sql)
      : MultiRowInsert(
            sql,
            "INSERT INTO source_records (format, record_key, content_hash, payload, source_file_id, file, line, "
            "restricted, owner_organisation_id, first_seen_at, updated_at)",
            11,
            [](soci::statement& st, SourceRecordRow& r) {
              internal::UseAll(st, r.format, r.record_key, r.content_hash, r.payload, r.source_file_id, r.file,
                               r.line, r.restricted, r.owner_organisation_id, r.now, r.now);
            },
            // A record already stored is replaced only when its content changed (the WHERE), so
            // the rows a statement affects are exactly the rows written.
            "ON CONFLICT (format, record_key) DO UPDATE SET content_hash = excluded.content_hash, "
            "payload = excluded.payload, source_file_id = excluded.source_file_id, file = excluded.file, "
            "line = excluded.line, restricted = excluded.restricted, "
            "owner_organisation_id = excluded.owner_organisation_id, updated_at = excluded.updated_at "
            "WHERE source_records.content_hash <> excluded.content_hash") {}
};

SourceRecordWriter::SourceRecordWriter(Tx& tx) : insert_(std::make_unique<Insert>(tx.sql())) {}
SourceRecordWriter::~SourceRecordWriter() = default;

Result<int64_t> SourceRecordWriter::Write(std::vector<SourceRecordRow>& rows) {
  int64_t written = 0;
  // A statement may not touch one record twice (PostgreSQL refuses), so a key already gathered
  // sends what is gathered first, keeping the file's order.
  std::unordered_set<std::string> keys;
  for (SourceRecordRow& row : rows) {
    if (insert_->pending() == 0) keys.clear();
    if (!keys.insert(row.record_key).second) {
      written += insert_->Flush();
      keys = {row.record_key};
    }
    written += insert_->Add(std::move(row));
  }
  return written + insert_->Flush();
}

Result<int64_t> CountSourceRecords(Tx& tx, const std::string& format) {
  long long n = 0;
  tx.sql() << "SELECT COUNT(*) FROM source_records WHERE format = :f", soci::use(format), soci::into(n);
  return int64_t{n};
}

}  // namespace cairn::storage
