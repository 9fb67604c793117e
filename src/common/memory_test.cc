#include "common/memory.h"

#include <gtest/gtest.h>

#include <cstring>
#include <memory>
#include <unordered_map>
#include <vector>

namespace cairn {
namespace {

// Resolve and detect print these after each stage; a block touched in between must show.
TEST(Memory, ResidentAndPeakFollowWhatIsTouched) {
  const int64_t before = ResidentBytes();
  ASSERT_GT(before, 0);
  constexpr size_t kBlock = 64 << 20;
  auto block = std::make_unique<char[]>(kBlock);
  std::memset(block.get(), 1, kBlock);  // touched, so resident
  const int64_t during = ResidentBytes();
  EXPECT_GE(during, before + int64_t(kBlock) / 2);
  // The kernel folds each thread's page counts in now and then, so the two figures can differ
  // by a few pages at any moment.
  constexpr int64_t kSlack = 1 << 20;
  EXPECT_GE(PeakResidentBytes() + kSlack, during);
  block.reset();
  EXPECT_GE(PeakResidentBytes() + kSlack, during);  // the peak stays when memory is given back
  EXPECT_GE(PeakResidentBytes(), before + int64_t(kBlock) / 2);
}

// Why ReleaseMemory exists: emptying a container with `= {}` keeps its memory.
TEST(Memory, ReleaseGivesAContainersMemoryBackWhereAssigningEmptyDoesNot) {
  std::vector<uint64_t> v(1 << 20, 7);
  v = {};
  EXPECT_TRUE(v.empty());
  EXPECT_EQ(v.capacity(), size_t(1) << 20);  // the initializer-list assignment: emptied, still held
  const int64_t held = HeapBytesInUse();
  ReleaseMemory(v);
  EXPECT_EQ(v.capacity(), 0u);
  EXPECT_LE(HeapBytesInUse(), held - int64_t(sizeof(uint64_t) << 20) + (64 << 10));

  std::unordered_map<int, int> m;
  for (int i = 0; i < 100000; ++i) m[i] = i;
  m = {};
  EXPECT_GE(m.bucket_count(), 100000u);
  ReleaseMemory(m);
  EXPECT_LT(m.bucket_count(), 100u);
}

}  // namespace
}  // namespace cairn
