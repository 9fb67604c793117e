// Writing an XLSX workbook to bytes with libxlsxwriter, which writes only to files: `fill` adds
// the sheets to a workbook in a temporary file, which is read back and removed.
#pragma once

#include <xlsxwriter.h>

#include <filesystem>
#include <fstream>
#include <functional>
#include <string>

#include "common/crypto.h"
#include "common/status.h"

namespace cairn::engine::internal {

// `fill` gets the workbook and a bold format for headings. Unavailable if it cannot be written.
inline Result<std::string> XlsxBytes(const std::string& name, const std::function<void(lxw_workbook*, lxw_format*)>& fill) {
  auto path = std::filesystem::temp_directory_path() / ("cairn-" + name + "-" + RandomToken() + ".xlsx");
  lxw_workbook* wb = workbook_new(path.c_str());
  if (!wb) return Unavailable("cannot create a spreadsheet");
  lxw_format* bold = workbook_add_format(wb);
  format_set_bold(bold);
  fill(wb, bold);
  lxw_error err = workbook_close(wb);
  std::string bytes;
  if (err == LXW_NO_ERROR) {
    std::ifstream in(path, std::ios::binary);
    bytes.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  }
  std::filesystem::remove(path);
  if (err != LXW_NO_ERROR || bytes.empty()) return Unavailable(std::string("cannot write a spreadsheet: ") + lxw_strerror(err));
  return bytes;
}

}  // namespace cairn::engine::internal
