// Text fields packed end to end, for the tens of millions of mentions and links `cairn resolve`
// holds at national scale, and moved to a temporary file once only the write still needs them.
// Hand-written: no packaged library packs strings this way.
#pragma once

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <memory>
#include <stdexcept>
#include <string_view>
#include <vector>

#include "common/status.h"

namespace cairn::engine::internal {

// Entries of text fields packed end to end in chunks that never move, so a view of a field
// stays valid while more entries are added. Each field is its length (7 bits a byte, low bits
// first) and its bytes.
//
// SpillFull and Spill move chunks to an unnamed file in the temporary folder
// (std::filesystem::temp_directory_path) and free them. An entry in a moved chunk is read back
// through a window of the file, so a view of it stays valid only until the next read of the
// arena, and reads are quickest in the order the entries were added. Reads are not thread-safe
// once anything is moved; a failed read of the file throws std::system_error.
class TextArena {
 public:
  TextArena();
  ~TextArena();
  TextArena(const TextArena&) = delete;
  TextArena& operator=(const TextArena&) = delete;

  // Appends one entry of `fields`; returns where it starts.
  // REQUIRES: Spill has not been called (throws std::logic_error).
  template <size_t N>
  uint64_t Add(const std::string_view (&fields)[N]) {
    if (sealed_) throw std::logic_error("an entry added to a text arena after it was spilled");
    size_t need = 0;
    for (std::string_view f : fields) need += f.size() + 5;
    if (chunks_.empty() || used_ + need > capacity_) NewChunk(need);
    const uint64_t at = (uint64_t(chunks_.size() - 1) << 32) | used_;
    char* out = chunks_.back().data.get() + used_;
    for (std::string_view f : fields) {
      for (uint64_t n = f.size();; n >>= 7) {
        *out++ = char((n & 0x7f) | (n >= 0x80 ? 0x80 : 0));
        if (n < 0x80) break;
      }
      std::memcpy(out, f.data(), f.size());
      out += f.size();
    }
    used_ = size_t(out - chunks_.back().data.get());
    chunks_.back().used = used_;
    chunks_.back().longest = std::max(chunks_.back().longest, need);
    return at;
  }

  // Field `n` of the entry at `at`.
  std::string_view Field(uint64_t at, size_t n) const {
    std::string_view f;
    const char* p = Entry(at);
    for (size_t i = 0; i <= n; ++i) p = (f = Next(p)).end();
    return f;
  }

  // The first N fields of the entry at `at`, read in one pass.
  template <size_t N>
  void Fields(uint64_t at, std::string_view (&out)[N]) const {
    const char* p = Entry(at);
    for (std::string_view& f : out) p = (f = Next(p)).end();
  }

  // Moves every chunk but the one being filled to the file.
  Status SpillFull();
  // Moves every chunk to the file; no entry can be added after.
  Status Spill();
  // Bytes of entries held in memory, and in the file.
  size_t bytes_in_memory() const;
  size_t bytes_in_file() const { return file_bytes_; }

  // Frees every entry, in memory and in the file.
  void Clear();

 private:
  struct Chunk {
    std::unique_ptr<char[]> data;  // null once the chunk is in the file
    size_t used = 0;
    size_t longest = 0;    // no entry in it is longer
    uint64_t file_at = 0;  // where it starts in the file, once there
  };

  void NewChunk(size_t need);
  Status MoveToFile(size_t chunk);
  // Where the entry at `at` starts, in memory or in the window (read from the file if need be).
  const char* Entry(uint64_t at) const {
    const Chunk& c = chunks_[at >> 32];
    const size_t offset = at & 0xffffffffu;
    if (c.data) return c.data.get() + offset;
    return Window(c, offset);
  }
  const char* Window(const Chunk& c, size_t offset) const;
  // The field whose length begins at `p`.
  static std::string_view Next(const char* p) {
    uint64_t size = 0;
    for (int shift = 0;; shift += 7) {
      const auto byte = static_cast<unsigned char>(*p++);
      size |= uint64_t(byte & 0x7f) << shift;
      if (!(byte & 0x80)) break;
    }
    return {p, size};
  }

  static constexpr size_t kChunk = size_t(1) << 24;
  std::vector<Chunk> chunks_;
  size_t used_ = 0, capacity_ = 0;  // of the last chunk
  bool sealed_ = false;             // Spill was called
  int fd_ = -1;                     // the file, once anything is moved
  uint64_t file_bytes_ = 0;
  // The part of the file read last: [window_at_, window_at_ + window_size_).
  mutable std::vector<char> window_;
  mutable uint64_t window_at_ = 0;
  mutable size_t window_size_ = 0;
};

}  // namespace cairn::engine::internal
