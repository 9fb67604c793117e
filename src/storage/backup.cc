#include "storage/backup.h"

#include <spawn.h>
#include <soci/soci.h>
#include <sqlite3.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstring>
#include <filesystem>
#include <fstream>
#include <memory>
#include <vector>

#include "storage/database.h"
#include "storage/internal/conninfo.h"

extern char** environ;

namespace cairn::storage {
namespace {

namespace fs = std::filesystem;

using SqliteHandle = std::unique_ptr<sqlite3, decltype(&sqlite3_close)>;

Result<SqliteHandle> OpenSqlite(const std::string& path, int flags, const std::string& what) {
  sqlite3* db = nullptr;
  int rc = sqlite3_open_v2(path.c_str(), &db, flags, nullptr);
  SqliteHandle handle(db, &sqlite3_close);
  if (rc != SQLITE_OK) {
    return Unavailable("cannot open " + what + " " + path + ": " + (db ? sqlite3_errmsg(db) : sqlite3_errstr(rc)));
  }
  sqlite3_busy_timeout(db, 10000);
  return handle;
}

Status Exec(sqlite3* db, const char* sql, const std::string& where) {
  char* error = nullptr;
  if (sqlite3_exec(db, sql, nullptr, nullptr, &error) != SQLITE_OK) {
    std::string why = error != nullptr ? error : "unknown error";
    sqlite3_free(error);
    return Unavailable(where + ": " + why);
  }
  return Status::Ok();
}

// Copies every page of `from` into `to` in one step, so the copy is a single snapshot.
Status CopyPages(sqlite3* from, sqlite3* to, const std::string& where) {
  sqlite3_backup* backup = sqlite3_backup_init(to, "main", from, "main");
  if (backup == nullptr) return Unavailable(where + ": " + sqlite3_errmsg(to));
  int rc;
  do {
    rc = sqlite3_backup_step(backup, -1);
    if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED) sqlite3_sleep(50);
  } while (rc == SQLITE_OK || rc == SQLITE_BUSY || rc == SQLITE_LOCKED);
  sqlite3_backup_finish(backup);
  if (rc != SQLITE_DONE) return Unavailable(where + ": " + sqlite3_errstr(rc));
  return Status::Ok();
}

int64_t SqliteTableCount(sqlite3* db) {
  sqlite3_stmt* st = nullptr;
  int64_t n = -1;
  if (sqlite3_prepare_v2(db, "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table'", -1, &st, nullptr) == SQLITE_OK &&
      sqlite3_step(st) == SQLITE_ROW) {
    n = sqlite3_column_int64(st, 0);
  }
  sqlite3_finalize(st);
  return n;
}

Status SqliteIntegrity(sqlite3* db, const std::string& file) {
  sqlite3_stmt* st = nullptr;
  std::string result;
  if (sqlite3_prepare_v2(db, "PRAGMA quick_check", -1, &st, nullptr) == SQLITE_OK && sqlite3_step(st) == SQLITE_ROW) {
    const unsigned char* text = sqlite3_column_text(st, 0);
    result = text != nullptr ? reinterpret_cast<const char*>(text) : "";
  } else {
    result = sqlite3_errmsg(db);
  }
  sqlite3_finalize(st);
  if (result != "ok") return DataLoss(file + " is damaged: " + result);
  return Status::Ok();
}

// Runs `argv` with the current environment plus `extra_env`, waits, and says how it ended.
// Used for pg_dump and pg_restore; their own messages go to this process's stderr.
Status RunTool(const std::vector<std::string>& argv, const std::vector<std::string>& extra_env) {
  std::vector<char*> args;
  for (const auto& a : argv) args.push_back(const_cast<char*>(a.c_str()));
  args.push_back(nullptr);
  std::vector<std::string> env_store(extra_env);
  std::vector<char*> env;
  for (char** e = environ; *e != nullptr; ++e) {
    bool overridden = false;
    for (const auto& x : extra_env) {
      if (std::strncmp(*e, x.c_str(), x.find('=') + 1) == 0) overridden = true;
    }
    if (!overridden) env.push_back(*e);
  }
  for (auto& x : env_store) env.push_back(x.data());
  env.push_back(nullptr);
  pid_t pid = 0;
  int rc = posix_spawnp(&pid, argv[0].c_str(), nullptr, nullptr, args.data(), env.data());
  if (rc != 0) {
    return Unavailable("cannot run " + argv[0] + ": " + std::strerror(rc) + " (Debian: apt-get install postgresql-client-15)");
  }
  int status = 0;
  while (waitpid(pid, &status, 0) < 0) {
    if (errno != EINTR) return Internal("waiting for " + argv[0] + ": " + std::strerror(errno));
  }
  if (WIFEXITED(status) && WEXITSTATUS(status) == 0) return Status::Ok();
  if (WIFEXITED(status)) {
    return Unavailable(argv[0] + " failed with exit status " + std::to_string(WEXITSTATUS(status)) +
                       " (its message is above)");
  }
  return Unavailable(argv[0] + " was stopped by signal " + std::to_string(WTERMSIG(status)));
}

Result<int64_t> FileSize(const std::string& path) {
  std::error_code ec;
  auto size = fs::file_size(path, ec);
  if (ec) return Unavailable("cannot read " + path + ": " + ec.message());
  return int64_t(size);
}

Status Publish(const std::string& partial, const std::string& out) {
  ::chmod(partial.c_str(), 0600);
  std::error_code ec;
  fs::rename(partial, out, ec);
  if (ec) return Unavailable("cannot move the finished backup to " + out + ": " + ec.message());
  return Status::Ok();
}

Result<BackupFile> BackupSqlite(const std::string& path, const std::string& out, const std::string& partial) {
  if (!fs::exists(path)) return NotFound("no SQLite store at " + path);
  CAIRN_ASSIGN_OR_RETURN(auto from, OpenSqlite(path, SQLITE_OPEN_READONLY, "the store"));
  {
    CAIRN_ASSIGN_OR_RETURN(auto to, OpenSqlite(partial, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, "the backup"));
    CAIRN_RETURN_IF_ERROR(CopyPages(from.get(), to.get(), "backing up " + path));
    // The store runs in WAL mode; the backup is one self-contained file.
    CAIRN_RETURN_IF_ERROR(Exec(to.get(), "PRAGMA journal_mode=DELETE", "finishing the backup"));
    CAIRN_RETURN_IF_ERROR(SqliteIntegrity(to.get(), partial));
  }
  CAIRN_RETURN_IF_ERROR(Publish(partial, out));
  CAIRN_ASSIGN_OR_RETURN(int64_t bytes, FileSize(out));
  return BackupFile{BackupKind::kSqlite, bytes};
}

Result<BackupFile> BackupPostgres(const std::string& url, const std::string& out, const std::string& partial) {
  std::string password;
  CAIRN_ASSIGN_OR_RETURN(std::string conninfo, internal::PostgresConninfo(url, &password));
  std::vector<std::string> env;
  if (!password.empty()) env.push_back("PGPASSWORD=" + password);
  CAIRN_RETURN_IF_ERROR(RunTool({"pg_dump", "--format=custom", "--no-owner", "--no-privileges", "--file=" + partial,
                                 "--dbname=" + conninfo},
                                env));
  CAIRN_RETURN_IF_ERROR(Publish(partial, out));
  CAIRN_ASSIGN_OR_RETURN(int64_t bytes, FileSize(out));
  return BackupFile{BackupKind::kPgDump, bytes};
}

Status RestoreSqlite(const std::string& path, const std::string& file, bool replace) {
  CAIRN_ASSIGN_OR_RETURN(auto from, OpenSqlite(file, SQLITE_OPEN_READONLY, "the backup"));
  CAIRN_RETURN_IF_ERROR(SqliteIntegrity(from.get(), file));
  CAIRN_ASSIGN_OR_RETURN(auto to, OpenSqlite(path, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, "the target"));
  if (SqliteTableCount(to.get()) > 0 && !replace) {
    return FailedPrecondition(path + " already holds a store; restore into a new file, or pass --replace (stop every "
                              "server using it first)");
  }
  CAIRN_RETURN_IF_ERROR(CopyPages(from.get(), to.get(), "restoring into " + path));
  return Exec(to.get(), "PRAGMA journal_mode=WAL", "restoring into " + path);
}

Status RestorePostgres(const std::string& url, const std::string& file, bool replace) {
  std::string password;
  CAIRN_ASSIGN_OR_RETURN(std::string conninfo, internal::PostgresConninfo(url, &password));
  std::vector<std::string> env;
  if (!password.empty()) env.push_back("PGPASSWORD=" + password);
  if (!replace) {
    DatabaseOptions one;
    one.pool_size = 1;
    CAIRN_ASSIGN_OR_RETURN(auto target, Database::Open(url, one));
    int64_t tables = 0;
    CAIRN_RETURN_IF_ERROR(target->Read([&](Tx& tx) {
      tx.sql() << "SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = 'public'", soci::into(tables);
      return Status::Ok();
    }));
    if (tables > 0) {
      return FailedPrecondition(internal::RedactPassword(url) +
                                " already holds tables; restore into a new database, or pass --replace (stop every "
                                "server using it first)");
    }
  }
  std::vector<std::string> args = {"pg_restore", "--exit-on-error", "--single-transaction", "--no-owner",
                                   "--no-privileges", "--dbname=" + conninfo};
  if (replace) {
    args.push_back("--clean");
    args.push_back("--if-exists");
  }
  args.push_back(file);
  return RunTool(args, env);
}

}  // namespace

Result<BackupKind> DetectBackup(const std::string& file) {
  std::ifstream in(file, std::ios::binary);
  if (!in) return NotFound("cannot read " + file);
  char head[16] = {};
  in.read(head, sizeof head);
  if (in.gcount() == 16 && std::memcmp(head, "SQLite format 3", 16) == 0) return BackupKind::kSqlite;
  if (in.gcount() >= 5 && std::memcmp(head, "PGDMP", 5) == 0) return BackupKind::kPgDump;
  return InvalidArgument(file + " is neither a Cairn SQLite backup nor a pg_dump archive");
}

Result<BackupFile> BackupStore(const std::string& url, const std::string& out) {
  std::string partial = out + ".partial";
  std::error_code ec;
  fs::remove(partial, ec);
  Result<BackupFile> made = internal::IsPostgresUrl(url) ? BackupPostgres(url, out, partial)
                                                         : BackupSqlite(url, out, partial);
  if (!made.ok()) fs::remove(partial, ec);
  return made;
}

Status RestoreStore(const std::string& url, const std::string& file, bool replace) {
  CAIRN_ASSIGN_OR_RETURN(BackupKind kind, DetectBackup(file));
  bool to_postgres = internal::IsPostgresUrl(url);
  if (kind == BackupKind::kSqlite && to_postgres) {
    return InvalidArgument(file + " is a SQLite backup: restore it into a SQLite file (moving a store between "
                           "backends is not supported)");
  }
  if (kind == BackupKind::kPgDump && !to_postgres) {
    return InvalidArgument(file + " is a PostgreSQL dump: restore it into a postgresql:// database");
  }
  return to_postgres ? RestorePostgres(url, file, replace) : RestoreSqlite(url, file, replace);
}

}  // namespace cairn::storage
