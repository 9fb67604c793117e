// Fuzzes what every JSON request body goes through: the server's parse (nlohmann-json, which
// throws on bad input and is caught there) and the typed field readers handlers use
// (api/body.h), including nested object lists, as a task, a tender and a grant application do.
#include <cstddef>
#include <cstdint>
#include <nlohmann/json.hpp>

#include "api/body.h"

namespace {

void ReadLikeAHandler(cairn::api::Body& b) {
  (void)b.String("title");
  (void)b.OptString("description");
  (void)b.NullableString("reason");
  (void)b.Int("harm");
  (void)b.OptInt("owner_organisation_id");
  (void)b.OptBool("taskforce_member");
  (void)b.OptStringList("strands");
  (void)b.OptIntList("objectives");
  (void)b.OptText("text", 1 << 16);
  (void)b.OptNumber("amount");
  (void)b.IntMap("budget");
  (void)cairn::api::ReadObjectList<int>(b, "bidders", [](cairn::api::Body& item) -> cairn::Result<int> {
    CAIRN_ASSIGN_OR_RETURN(auto name, item.String("name"));
    CAIRN_ASSIGN_OR_RETURN(auto number, item.OptString("company_number"));
    CAIRN_RETURN_IF_ERROR(item.Finish());
    return int(name.size() + (number ? number->size() : 0));
  });
  (void)b.Finish();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  nlohmann::json body;
  try {
    body = nlohmann::json::parse(data, data + size);
  } catch (const nlohmann::json::exception&) {
    return 0;
  }
  if (!body.is_object()) return 0;
  cairn::api::Body b(body);
  ReadLikeAHandler(b);
  (void)body.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  return 0;
}
