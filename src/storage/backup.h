// Copies of the store taken while it is in use, and putting one back. Backend-specific by
// nature: SQLite's online backup API, PostgreSQL's pg_dump and pg_restore (run as child
// processes, found on PATH; Debian's postgresql-client-15).
#pragma once

#include <cstdint>
#include <string>

#include "common/status.h"

namespace cairn::storage {

enum class BackupKind { kSqlite, kPgDump };

struct BackupFile {
  BackupKind kind = BackupKind::kSqlite;
  int64_t bytes = 0;
};

// Writes a consistent copy of the store at `url` (a SQLite path or a postgresql:// URL) to
// `out`. The copy is one snapshot however many writers are busy: SQLite copies every page in one
// backup step under a read transaction (writers carry on under WAL); pg_dump reads in one
// repeatable-read transaction. It is written to `out`.partial with mode 0600 (it holds police
// intelligence) and renamed only once complete, so a crash never leaves a half backup named as
// a whole one. A PostgreSQL password is passed to pg_dump in its environment, never its argv.
Result<BackupFile> BackupStore(const std::string& url, const std::string& out);

// What `file` holds, from its first bytes. InvalidArgument naming the file for anything else.
Result<BackupKind> DetectBackup(const std::string& file);

// Restores `file` into the store at `url`. The target must hold no tables unless `replace`
// (which drops what is there: stop every server using it first). A SQLite backup goes only into
// a SQLite file and a pg_dump only into a PostgreSQL database; the file is integrity-checked
// first, and a failed restore into PostgreSQL leaves the database as it was (one transaction).
Status RestoreStore(const std::string& url, const std::string& file, bool replace);

}  // namespace cairn::storage
