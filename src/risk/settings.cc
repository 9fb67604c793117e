#include "risk/settings.h"

#include <toml++/toml.h>

#include "common/file.h"
#include "embedded/embedded.h"

namespace cairn::risk {
namespace {

constexpr const char* kDefaultsPath = "config/detection.toml";

std::string Where(const std::string& source, const std::string& key, const toml::node& node) {
  std::string where = source;
  if (node.source().begin.line > 0) where += " line " + std::to_string(node.source().begin.line);
  return where + ": " + key;
}

Status ReadValue(const std::string& source, const std::string& key, const toml::node& node, bool schema,
                 Section* section) {
  std::string name = key.substr(key.find('.') + 1);
  std::string where = Where(source, key, node);
  if (name == "enabled") {
    if (!node.is_boolean()) return InvalidArgument(where + " must be true or false");
    section->enabled = *node.value<bool>();
    return Status::Ok();
  }
  bool known_number = section->numbers.count(name) > 0, known_list = section->lists.count(name) > 0;
  if (!schema && !known_number && !known_list) return InvalidArgument(where + " is not a setting of this indicator");
  if (node.is_integer() || node.is_floating_point()) {
    if (!schema && !known_number) return InvalidArgument(where + " must be a list of strings, not a number");
    double v = *node.value<double>();
    if (v < 0) return InvalidArgument(where + " must not be negative");
    if (name == "weight" && v > 1) return InvalidArgument(where + " must be between 0 and 1");
    section->numbers[name] = v;
    return Status::Ok();
  }
  if (const toml::array* a = node.as_array()) {
    if (!schema && !known_list) return InvalidArgument(where + " must be a number, not a list");
    std::vector<std::string> values;
    for (const toml::node& item : *a) {
      if (!item.is_string()) return InvalidArgument(where + " must be a list of strings");
      values.push_back(*item.value<std::string>());
    }
    section->lists[name] = std::move(values);
    return Status::Ok();
  }
  return InvalidArgument(where + (known_list ? " must be a list of strings" : " must be a number"));
}

// Overlays the tables of `text` on `*s`. With `schema` (the defaults themselves) any section
// and key is accepted.
Status Overlay(const std::string& text, const std::string& source, bool schema, Settings* s) {
  toml::table root;
  try {
    root = toml::parse(text, source);
  } catch (const toml::parse_error& e) {
    return InvalidArgument(source + " line " + std::to_string(e.source().begin.line) + ": " +
                           std::string(e.description()));
  }
  for (const auto& [key, node] : root) {
    std::string section_name(key.str());
    const toml::table* table = node.as_table();
    if (table == nullptr) return InvalidArgument(Where(source, section_name, node) + " must be a [section]");
    if (!schema && s->sections.count(section_name) == 0) {
      return InvalidArgument(Where(source, section_name, node) + " is not an indicator Cairn knows");
    }
    Section& section = s->sections[section_name];
    for (const auto& [name, value] : *table) {
      CAIRN_RETURN_IF_ERROR(ReadValue(source, section_name + "." + std::string(name.str()), value, schema, &section));
    }
  }
  return Status::Ok();
}

}  // namespace

Settings DefaultSettings() {
  Settings s;
  auto text = embedded::Find(kDefaultsPath);
  Status st = Overlay(std::string(text.value_or("")), kDefaultsPath, true, &s);
  // The defaults are part of the binary and tested; a broken one is a build bug.
  if (!st.ok()) std::abort();
  return s;
}

Result<Settings> ParseSettings(const std::string& text, const std::string& source_name) {
  Settings s = DefaultSettings();
  CAIRN_RETURN_IF_ERROR(Overlay(text, source_name, false, &s));
  return s;
}

Result<Settings> LoadSettings(const std::string& path) {
  if (path.empty()) return DefaultSettings();
  CAIRN_ASSIGN_OR_RETURN(std::string text, ReadTextFile(path, "detection settings"));
  return ParseSettings(text, path);
}

}  // namespace cairn::risk
