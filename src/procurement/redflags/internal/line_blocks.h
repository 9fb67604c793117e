// Reads a file of JSON lines in large blocks, so that a file of any size is read in bounded
// memory and each block's lines can be parsed in parallel. Each block is padded for simdjson.
#pragma once

#include <cstdint>
#include <cstdio>
#include <string>
#include <string_view>
#include <vector>

#include "common/status.h"

namespace cairn::procurement::redflags::internal {

struct LineBlock {
  uint64_t first_line = 1;  // 1-based number of lines[0]
  std::vector<std::string_view> lines;  // every line, blank ones included, without "\n" or "\r"
};

class LineBlockReader {
 public:
  // Opens `path`; "-" reads standard input. NotFound names the path if it cannot be opened.
  static Result<LineBlockReader> Open(const std::string& path, size_t block_bytes = 16 << 20);
  LineBlockReader(LineBlockReader&&) noexcept;
  LineBlockReader& operator=(LineBlockReader&&) = delete;
  ~LineBlockReader();

  // The next block; false at the end of the file. Blocks alternate between two buffers, so a
  // block stays valid until the second call after the one that returned it: the next block can
  // be read while this one is processed. Every line's bytes are followed by at least simdjson's
  // padding of readable memory. A line longer than a block grows the block.
  Result<bool> Next(LineBlock& block);

  uint64_t bytes_read() const { return bytes_read_; }
  uint64_t size() const { return size_; }  // 0 for standard input

 private:
  LineBlockReader(FILE* f, bool owned, uint64_t size, size_t block_bytes);
  FILE* file_;
  bool owned_;
  uint64_t size_;
  size_t block_bytes_;
  std::vector<char> bufs_[2];
  int current_ = 1;  // the buffer holding the last block returned
  size_t carried_ = 0;      // bytes of an unfinished line, at tail_offset_ in buf_
  size_t tail_offset_ = 0;
  uint64_t next_line_ = 1, bytes_read_ = 0;
  bool eof_ = false;
};

}  // namespace cairn::procurement::redflags::internal
