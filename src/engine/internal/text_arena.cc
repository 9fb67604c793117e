#include "engine/internal/text_arena.h"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <system_error>

namespace cairn::engine::internal {
namespace {

// Read ahead while entries are read in order; a read out of order takes only what it needs.
constexpr size_t kWindow = size_t(1) << 20;
constexpr size_t kSmallWindow = 4096;

// An unnamed file in the temporary folder (std::filesystem's: $TMPDIR, else /tmp), as the
// project's other temporary files: it is gone as soon as it is closed, however the process ends.
int OpenTemporary() {
  std::error_code error;
  const std::filesystem::path dir = std::filesystem::temp_directory_path(error);
  if (error) {
    errno = error.value();
    return -1;
  }
  std::string name = (dir / "cairn-text-").string() + "XXXXXX";  // mkstemp's template: it fills in the Xs
  int fd = mkstemp(name.data());
  if (fd >= 0) unlink(name.c_str());
  return fd;
}

}  // namespace

TextArena::TextArena() = default;

TextArena::~TextArena() {
  if (fd_ >= 0) close(fd_);
}

void TextArena::NewChunk(size_t need) {
  capacity_ = std::max(kChunk, need);
  chunks_.push_back({std::make_unique<char[]>(capacity_), 0, 0, 0});
  used_ = 0;
}

Status TextArena::MoveToFile(size_t chunk) {
  Chunk& c = chunks_[chunk];
  if (!c.data) return Status::Ok();
  if (fd_ < 0 && (fd_ = OpenTemporary()) < 0) {
    return Unavailable(std::string("cannot make a temporary file for resolution's text: ") +
                       std::strerror(errno));
  }
  for (size_t done = 0; done < c.used;) {
    const ssize_t n = pwrite(fd_, c.data.get() + done, c.used - done, off_t(file_bytes_ + done));
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) {
      return Unavailable(std::string("cannot write resolution's text to a temporary file: ") +
                         std::strerror(errno));
    }
    done += size_t(n);
  }
  c.file_at = file_bytes_;
  file_bytes_ += c.used;
  c.data.reset();
  return Status::Ok();
}

Status TextArena::SpillFull() {
  for (size_t k = 0; k + 1 < chunks_.size(); ++k) CAIRN_RETURN_IF_ERROR(MoveToFile(k));
  return Status::Ok();
}

Status TextArena::Spill() {
  sealed_ = true;
  for (size_t k = 0; k < chunks_.size(); ++k) CAIRN_RETURN_IF_ERROR(MoveToFile(k));
  used_ = capacity_ = 0;
  return Status::Ok();
}

size_t TextArena::bytes_in_memory() const {
  size_t bytes = 0;
  for (const Chunk& c : chunks_) bytes += c.data ? c.used : 0;
  return bytes;
}

const char* TextArena::Window(const Chunk& c, size_t offset) const {
  const uint64_t at = c.file_at + offset;
  const uint64_t end = std::min<uint64_t>(at + c.longest, c.file_at + c.used);  // the entry ends by here
  if (at >= window_at_ && end <= window_at_ + window_size_) return window_.data() + (at - window_at_);
  // Reading on from the last window reads ahead; a jump reads only this entry's chunk's longest.
  const bool onward = at >= window_at_ && at <= window_at_ + window_size_ + kWindow;
  const uint64_t want = std::max<uint64_t>(end - at, onward ? kWindow : kSmallWindow);
  const size_t size = size_t(std::min<uint64_t>(want, file_bytes_ - at));
  if (window_.size() < size) window_.resize(size);
  for (size_t done = 0; done < size;) {
    const ssize_t n = pread(fd_, window_.data() + done, size - done, off_t(at + done));
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0)
      throw std::system_error(n < 0 ? errno : EIO, std::generic_category(), "reading resolution's text back");
    done += size_t(n);
  }
  window_at_ = at;
  window_size_ = size;
  return window_.data();
}

void TextArena::Clear() {
  std::vector<Chunk>().swap(chunks_);
  used_ = capacity_ = 0;
  sealed_ = false;
  if (fd_ >= 0) close(fd_);
  fd_ = -1;
  file_bytes_ = 0;
  std::vector<char>().swap(window_);
  window_at_ = 0;
  window_size_ = 0;
}

}  // namespace cairn::engine::internal
