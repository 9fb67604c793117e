#include "api/body.h"

namespace cairn::api {
namespace {

constexpr size_t kMaxStringBytes = 10000;

Status WrongType(const std::string& field, const char* want) {
  return InvalidField(field, std::string("must be ") + want);
}

}  // namespace

const nlohmann::json* Body::Get(const std::string& field) {
  seen_.insert(field);
  auto it = json_.find(field);
  return it == json_.end() ? nullptr : &*it;
}

Result<std::optional<std::string>> Body::OptString(const std::string& field) {
  const nlohmann::json* v = Get(field);
  if (v == nullptr) return std::optional<std::string>();
  if (!v->is_string()) return WrongType(field, "a string");
  const auto& s = v->get_ref<const std::string&>();
  if (s.size() > kMaxStringBytes) return InvalidField(field, "is too long");
  return std::optional<std::string>(s);
}

Result<std::string> Body::String(const std::string& field) {
  CAIRN_ASSIGN_OR_RETURN(auto v, OptString(field));
  if (!v) return InvalidField(field, "is required");
  return *v;
}

Result<std::optional<std::optional<std::string>>> Body::NullableString(const std::string& field) {
  using Out = std::optional<std::optional<std::string>>;
  const nlohmann::json* v = Get(field);
  if (v == nullptr) return Out();
  if (v->is_null()) return Out(std::optional<std::string>());
  CAIRN_ASSIGN_OR_RETURN(auto s, OptString(field));
  return Out(s);
}

Result<std::optional<int64_t>> Body::OptInt(const std::string& field) {
  const nlohmann::json* v = Get(field);
  if (v == nullptr) return std::optional<int64_t>();
  if (!v->is_number_integer()) return WrongType(field, "a whole number");
  return std::optional<int64_t>(v->get<int64_t>());
}

Result<int64_t> Body::Int(const std::string& field) {
  CAIRN_ASSIGN_OR_RETURN(auto v, OptInt(field));
  if (!v) return InvalidField(field, "is required");
  return *v;
}

Result<std::optional<bool>> Body::OptBool(const std::string& field) {
  const nlohmann::json* v = Get(field);
  if (v == nullptr) return std::optional<bool>();
  if (!v->is_boolean()) return WrongType(field, "true or false");
  return std::optional<bool>(v->get<bool>());
}

Result<std::optional<std::string>> Body::OptText(const std::string& field, size_t max_bytes) {
  const nlohmann::json* v = Get(field);
  if (v == nullptr) return std::optional<std::string>();
  if (!v->is_string() || v->get_ref<const std::string&>().size() > max_bytes) {
    std::string want = "a string of at most " + std::to_string(max_bytes) + " bytes";
    return WrongType(field, want.c_str());
  }
  return std::optional<std::string>(v->get<std::string>());
}

Result<std::optional<double>> Body::OptNumber(const std::string& field) {
  const nlohmann::json* v = Get(field);
  if (v == nullptr) return std::optional<double>();
  if (!v->is_number()) return WrongType(field, "a number");
  return std::optional<double>(v->get<double>());
}

Result<std::optional<std::vector<nlohmann::json>>> Body::OptObjectList(const std::string& field, size_t max) {
  using Out = std::optional<std::vector<nlohmann::json>>;
  const nlohmann::json* v = Get(field);
  if (v == nullptr) return Out();
  std::string want = "a list of at most " + std::to_string(max) + " objects";
  if (!v->is_array() || v->size() > max) return WrongType(field, want.c_str());
  std::vector<nlohmann::json> out;
  for (const auto& item : *v) {
    if (!item.is_object()) return WrongType(field, want.c_str());
    out.push_back(item);
  }
  return Out(std::move(out));
}

Result<std::optional<std::vector<std::string>>> Body::OptStringList(const std::string& field) {
  using Out = std::optional<std::vector<std::string>>;
  const nlohmann::json* v = Get(field);
  if (v == nullptr) return Out();
  if (!v->is_array() || v->size() > 100) return WrongType(field, "a list of at most 100 strings");
  std::vector<std::string> out;
  for (const auto& item : *v) {
    if (!item.is_string() || item.get_ref<const std::string&>().size() > kMaxStringBytes) {
      return WrongType(field, "a list of strings");
    }
    out.push_back(item.get<std::string>());
  }
  return Out(std::move(out));
}

Result<std::optional<std::vector<int64_t>>> Body::OptIntList(const std::string& field) {
  using Out = std::optional<std::vector<int64_t>>;
  const nlohmann::json* v = Get(field);
  if (v == nullptr) return Out();
  if (!v->is_array() || v->size() > 100) return WrongType(field, "a list of at most 100 whole numbers");
  std::vector<int64_t> out;
  for (const auto& item : *v) {
    if (!item.is_number_integer()) return WrongType(field, "a list of whole numbers");
    out.push_back(item.get<int64_t>());
  }
  return Out(std::move(out));
}

Result<std::map<std::string, int64_t>> Body::IntMap(const std::string& field) {
  const nlohmann::json* v = Get(field);
  if (v == nullptr) return InvalidField(field, "is required");
  if (!v->is_object() || v->size() > 100) return WrongType(field, "an object of whole numbers");
  std::map<std::string, int64_t> out;
  for (const auto& [key, value] : v->items()) {
    if (!value.is_number_integer()) return WrongType(field + "." + key, "a whole number");
    out[key] = value.get<int64_t>();
  }
  return out;
}

Status Body::Finish() const {
  for (const auto& [key, _] : json_.items()) {
    if (!seen_.count(key)) return InvalidField(key, "is not a field this endpoint accepts");
  }
  return Status::Ok();
}

}  // namespace cairn::api
