// Inserting many rows to a statement: INSERT INTO t (a, b) VALUES (:a0, :b0), (:a1, :b1), …
//
// One statement per row costs a round trip per row on PostgreSQL and a statement execution per
// row on SQLite; bulk writers (ingest, the network) gather rows and send them 100 at a time.
// SOCI 4.0's bulk binding runs one statement per row on both backends, so the multi-row form
// is built here. Rows are copied into fixed slots that the prepared statements bind to; the
// statement for a full batch is kept, and one for a shorter batch is prepared when first needed.
#pragma once

#include <soci/soci.h>

#include <cstddef>
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <utility>
#include <vector>

namespace cairn::storage::internal {

// Adds a use element for each value, in order: the body of a MultiRowInsert's Bind.
template <typename... Values>
void UseAll(soci::statement& st, Values&... values) {
  (st.exchange(soci::use(values)), ...);
}

template <typename Row>
class MultiRowInsert {
 public:
  static constexpr size_t kRowsPerStatement = 100;
  // Adds one row's use elements to a statement, in the order of `columns`.
  using Bind = std::function<void(soci::statement&, Row&)>;

  // `head`: "INSERT INTO table (a, b, c)"; `columns`: how many it names; `tail`: what follows the
  // VALUES list (an ON CONFLICT clause, or nothing).
  MultiRowInsert(soci::session& sql, std::string head, size_t columns, Bind bind, std::string tail = "")
      : sql_(sql), head_(std::move(head)), tail_(std::move(tail)), columns_(columns), bind_(std::move(bind)),
        slots_(kRowsPerStatement) {}

  // Gathers the row; a full batch is sent at once. Returns the rows that sending affected.
  int64_t Add(Row row) {
    slots_[pending_++] = std::move(row);
    return pending_ == slots_.size() ? Flush() : 0;
  }
  size_t pending() const { return pending_; }

  // Sends what is gathered. Returns the rows affected (for an upsert whose DO UPDATE has a WHERE,
  // the rows inserted or updated). Call it before anything that must see the rows.
  int64_t Flush() {
    if (pending_ == 0) return 0;
    std::unique_ptr<soci::statement>& st = statements_[pending_];
    if (!st) st = Prepare(pending_);
    st->execute(true);
    pending_ = 0;
    return st->get_affected_rows();
  }

 private:
  std::unique_ptr<soci::statement> Prepare(size_t rows) {
    auto st = std::make_unique<soci::statement>(sql_);
    std::string query = head_ + " VALUES ";
    for (size_t i = 0; i < rows; ++i) {
      bind_(*st, slots_[i]);
      query += i == 0 ? "(" : ", (";
      for (size_t c = 0; c < columns_; ++c) {
        query += (c == 0 ? ":v" : ", :v") + std::to_string(i * columns_ + c);
      }
      query += ")";
    }
    if (!tail_.empty()) query += " " + tail_;
    st->alloc();
    st->prepare(query);
    st->define_and_bind();
    return st;
  }

  soci::session& sql_;
  std::string head_, tail_;
  size_t columns_;
  Bind bind_;
  std::vector<Row> slots_;  // never resized: the statements hold the addresses of its members
  size_t pending_ = 0;
  std::map<size_t, std::unique_ptr<soci::statement>> statements_;  // by the rows each one takes
};

}  // namespace cairn::storage::internal
