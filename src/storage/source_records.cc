#include "storage/source_records.h"

#include "storage/internal/soci_types.h"

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

// The statements bind to the members of `row` and `found`, which are refilled for each call.
struct SourceRecordWriter::Statements {
  SourceRecordRow row;
  std::string found_hash;
  soci::indicator found_ind = soci::i_null;
  soci::statement select, insert, update;

  explicit Statements(soci::session& sql)
      : select((sql.prepare << "SELECT content_hash FROM source_records WHERE format = :f AND record_key = :k",
                soci::use(row.format), soci::use(row.record_key), soci::into(found_hash, found_ind))),
        insert((sql.prepare << "INSERT INTO source_records (format, record_key, content_hash, payload, source_file_id, "
                               "file, line, restricted, owner_organisation_id, first_seen_at, updated_at) VALUES "
                               "(:f, :k, :h, :p, :sf, :file, :line, :r, :o, :now, :now2)",
                soci::use(row.format), soci::use(row.record_key), soci::use(row.content_hash), soci::use(row.payload),
                soci::use(row.source_file_id), soci::use(row.file), soci::use(row.line), soci::use(row.restricted),
                soci::use(row.owner_organisation_id), soci::use(row.now), soci::use(row.now))),
        update((sql.prepare << "UPDATE source_records SET content_hash = :h, payload = :p, source_file_id = :sf, "
                               "file = :file, line = :line, restricted = :r, owner_organisation_id = :o, "
                               "updated_at = :now WHERE format = :f AND record_key = :k",
                soci::use(row.content_hash), soci::use(row.payload), soci::use(row.source_file_id),
                soci::use(row.file), soci::use(row.line), soci::use(row.restricted),
                soci::use(row.owner_organisation_id), soci::use(row.now), soci::use(row.format),
                soci::use(row.record_key))) {}
};

SourceRecordWriter::SourceRecordWriter(Tx& tx) : st_(std::make_unique<Statements>(tx.sql())) {}
SourceRecordWriter::~SourceRecordWriter() = default;

Result<UpsertOutcome> SourceRecordWriter::Upsert(const SourceRecordRow& row) {
  st_->row = row;
  st_->found_ind = soci::i_null;
  bool exists = st_->select.execute(true);
  if (!exists) {
    st_->insert.execute(true);
    return UpsertOutcome::kInserted;
  }
  if (st_->found_hash == row.content_hash) return UpsertOutcome::kUnchanged;
  st_->update.execute(true);
  return UpsertOutcome::kUpdated;
}

Result<int64_t> CountSourceRecords(Tx& tx, const std::string& format) {
  long long n = 0;
  tx.sql() << "SELECT COUNT(*) FROM source_records WHERE format = :f", soci::use(format), soci::into(n);
  return int64_t{n};
}

}  // namespace cairn::storage
