// An allocator for the red flags' large growing arrays that asks the kernel to back them with
// transparent huge pages. Over a million releases the accumulators grow past a hundred MiB, and
// touching that memory 4 KiB at a time costs tens of thousands of page faults; in 2 MiB pages it
// costs a few hundred. Debian's default THP mode is "madvise", so nothing is huge unless asked for.
// glibc can do the same (the glibc.malloc.hugetlb tunable) but reads it only from the environment
// at start-up, for the whole process; this asks only for the arrays that need it. Small requests
// go to operator new as usual; where THP is off, the advice is ignored and nothing else changes.
#pragma once

#include <sys/mman.h>

#include <cstddef>
#include <cstdint>
#include <new>
#include <vector>

namespace cairn::procurement::redflags {

template <typename T>
struct HugePageAllocator {
  using value_type = T;
  static constexpr size_t kHuge = size_t(2) << 20;  // the x86-64 and arm64 huge page

  HugePageAllocator() = default;
  template <typename U>
  HugePageAllocator(const HugePageAllocator<U>&) {}  // NOLINT: allocators convert implicitly

  T* allocate(size_t n) {
    size_t bytes = n * sizeof(T);
    if (bytes < kHuge) return static_cast<T*>(::operator new(bytes));
    size_t rounded = Rounded(bytes);
    // Map one huge page more than needed, then give back the ends so the rest starts on a
    // huge-page boundary: only aligned 2 MiB spans can become huge pages.
    void* raw = mmap(nullptr, rounded + kHuge, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (raw == MAP_FAILED) throw std::bad_alloc();
    auto start = reinterpret_cast<uintptr_t>(raw);
    uintptr_t aligned = (start + kHuge - 1) & ~(kHuge - 1);
    if (aligned > start) munmap(raw, aligned - start);
    uintptr_t end = start + rounded + kHuge;
    if (end > aligned + rounded) munmap(reinterpret_cast<void*>(aligned + rounded), end - aligned - rounded);
    madvise(reinterpret_cast<void*>(aligned), rounded, MADV_HUGEPAGE);
    return reinterpret_cast<T*>(aligned);
  }
  void deallocate(T* p, size_t n) noexcept {
    size_t bytes = n * sizeof(T);
    if (bytes < kHuge) ::operator delete(p);
    else munmap(p, Rounded(bytes));
  }

  template <typename U>
  bool operator==(const HugePageAllocator<U>&) const { return true; }

 private:
  static size_t Rounded(size_t bytes) { return (bytes + kHuge - 1) & ~(kHuge - 1); }
};

// A vector whose storage, once it is 2 MiB or more, is in huge pages.
template <typename T>
using BigVector = std::vector<T, HugePageAllocator<T>>;

}  // namespace cairn::procurement::redflags
