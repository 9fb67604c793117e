#include "procurement/redflags/internal/line_blocks.h"

#include <simdjson.h>
#include <sys/stat.h>

#include <cstring>

namespace cairn::procurement::redflags::internal {

Result<LineBlockReader> LineBlockReader::Open(const std::string& path, size_t block_bytes) {
  if (path == "-") return LineBlockReader(stdin, false, 0, block_bytes);
  FILE* f = std::fopen(path.c_str(), "rb");
  if (!f) return NotFound("cannot read " + path + ": " + std::strerror(errno));
  struct stat st {};
  uint64_t size = fstat(fileno(f), &st) == 0 ? uint64_t(st.st_size) : 0;
  return LineBlockReader(f, true, size, block_bytes);
}

LineBlockReader::LineBlockReader(FILE* f, bool owned, uint64_t size, size_t block_bytes)
    : file_(f), owned_(owned), size_(size), block_bytes_(block_bytes) {}

LineBlockReader::LineBlockReader(LineBlockReader&& o) noexcept
    : file_(o.file_), owned_(o.owned_), size_(o.size_), block_bytes_(o.block_bytes_), bufs_{std::move(o.bufs_[0]), std::move(o.bufs_[1])}, current_(o.current_),
      carried_(o.carried_), tail_offset_(o.tail_offset_), next_line_(o.next_line_), bytes_read_(o.bytes_read_), eof_(o.eof_) {
  o.file_ = nullptr;
  o.owned_ = false;
}

LineBlockReader::~LineBlockReader() {
  if (owned_ && file_) std::fclose(file_);
}

Result<bool> LineBlockReader::Next(LineBlock& block) {
  block.lines.clear();
  block.first_line = next_line_;
  if (eof_ && carried_ == 0) return false;
  // Read until the block holds at least one whole line (or the file ends).
  size_t filled = carried_;
  size_t want = std::max(block_bytes_, carried_ * 2);
  const std::vector<char>& previous = bufs_[current_];
  current_ ^= 1;
  std::vector<char>& buf = bufs_[current_];
  if (buf.size() < want + simdjson::SIMDJSON_PADDING) buf.resize(want + simdjson::SIMDJSON_PADDING);
  if (carried_ > 0) std::memcpy(buf.data(), previous.data() + tail_offset_, carried_);
  while (!eof_ && filled < want) {
    size_t n = std::fread(buf.data() + filled, 1, want - filled, file_);
    if (n == 0) {
      if (std::ferror(file_)) return DataLoss(std::string("read failed: ") + std::strerror(errno));
      eof_ = true;
    }
    filled += n;
    bytes_read_ += n;
    if (filled == want && std::memchr(buf.data(), '\n', filled) == nullptr) {
      want *= 2;  // one line longer than the block
      if (buf.size() < want + simdjson::SIMDJSON_PADDING) buf.resize(want + simdjson::SIMDJSON_PADDING);
    }
  }
  size_t end = filled;  // bytes that belong to this block
  if (!eof_) {
    const char* last = static_cast<const char*>(memrchr(buf.data(), '\n', filled));
    end = size_t(last - buf.data()) + 1;
  }
  size_t start = 0;
  while (start < end) {
    const char* nl = static_cast<const char*>(std::memchr(buf.data() + start, '\n', end - start));
    size_t stop = nl ? size_t(nl - buf.data()) : end;
    size_t len = stop - start;
    if (len > 0 && buf[start + len - 1] == '\r') --len;
    block.lines.emplace_back(buf.data() + start, len);
    start = stop + 1;
  }
  next_line_ += block.lines.size();
  // The unfinished tail is copied to the other buffer's front on the next call.
  carried_ = filled - end;
  tail_offset_ = end;
  return !block.lines.empty() || carried_ > 0;
}

}  // namespace cairn::procurement::redflags::internal
