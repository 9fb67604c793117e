#include "common/memory.h"

#include <gtest/gtest.h>

#include <cstring>
#include <memory>

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

}  // namespace
}  // namespace cairn
