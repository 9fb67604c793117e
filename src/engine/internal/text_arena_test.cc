#include "engine/internal/text_arena.h"

#include <gtest/gtest.h>

#include <random>
#include <stdexcept>
#include <string>
#include <vector>

namespace cairn::engine::internal {
namespace {

// Entry i: three fields, the second empty, the third a length that varies (two bytes of length
// from 128 on), and every 5,000th entry larger than a chunk.
std::string First(int i) { return "entry " + std::to_string(i); }
std::string Third(int i) {
  return i % 5000 == 4999 ? std::string(17u << 20, char('a' + i % 26)) : std::string(size_t(i % 300), 'x');
}

struct Filled {
  TextArena arena;
  std::vector<uint64_t> at;
  explicit Filled(int n) {
    for (int i = 0; i < n; ++i) {
      const std::string a = First(i), c = Third(i);
      const std::string_view fields[] = {a, "", c};
      at.push_back(arena.Add(fields));
    }
  }
  void Expect(int i) const {
    std::string_view f[3];
    arena.Fields(at[size_t(i)], f);
    ASSERT_EQ(f[0], First(i)) << i;
    ASSERT_EQ(f[1], "") << i;
    ASSERT_EQ(f[2], Third(i)) << i;
    ASSERT_EQ(arena.Field(at[size_t(i)], 2), Third(i)) << i;
  }
};

TEST(TextArena, SpilledEntriesReadBackInOrderAndOutOfOrder) {
  Filled x(60000);  // about 10 MiB of short entries and twelve of 17 MiB, in fourteen chunks
  ASSERT_GT(x.arena.bytes_in_memory(), size_t(200) << 20);
  ASSERT_TRUE(x.arena.Spill().ok());
  EXPECT_EQ(x.arena.bytes_in_memory(), 0u);
  EXPECT_GT(x.arena.bytes_in_file(), size_t(200) << 20);
  for (int i = 0; i < 60000; ++i) x.Expect(i);  // in order, as the write reads
  std::mt19937 random(7);
  for (int k = 0; k < 3000; ++k) x.Expect(int(random() % 60000));  // and out of order
  for (int i = 59999; i >= 59000; --i) x.Expect(i);                // and backwards
}

TEST(TextArena, SpillFullKeepsTheChunkBeingFilled) {
  Filled x(0);
  for (int i = 0; i < 60000; ++i) {
    const std::string a = First(i), c = Third(i);
    const std::string_view fields[] = {a, "", c};
    x.at.push_back(x.arena.Add(fields));
    if (i % 1000 == 999) {
      ASSERT_TRUE(x.arena.SpillFull().ok());
      // Only the chunk being filled stays: at most one chunk, or one entry larger than a chunk.
      ASSERT_LE(x.arena.bytes_in_memory(), size_t(17u << 20) + 64) << i;
    }
  }
  for (int i = 0; i < 60000; i += 7) x.Expect(i);
  ASSERT_TRUE(x.arena.Spill().ok());
  for (int i = 0; i < 60000; ++i) x.Expect(i);
}

TEST(TextArena, NothingIsAddedAfterASpillUntilCleared) {
  Filled x(10);
  ASSERT_TRUE(x.arena.Spill().ok());
  const std::string_view fields[] = {"more"};
  EXPECT_THROW(x.arena.Add(fields), std::logic_error);
  x.arena.Clear();
  EXPECT_EQ(x.arena.bytes_in_file(), 0u);
  const uint64_t at = x.arena.Add(fields);
  EXPECT_EQ(x.arena.Field(at, 0), "more");
}

}  // namespace
}  // namespace cairn::engine::internal
