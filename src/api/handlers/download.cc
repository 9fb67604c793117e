// A file to download, as CSV or XLSX by ?format=, for the export endpoints.
#include "api/handlers/handlers.h"

namespace cairn::api::handlers {

Result<Reply> Download(Request& req, const std::string& basename, const std::function<Result<std::string>()>& csv,
                       const std::function<Result<std::string>()>& xlsx) {
  std::string format = req.http.has_param("format") ? req.http.get_param_value("format") : "csv";
  if (format != "csv" && format != "xlsx") return InvalidField("format", "must be csv or xlsx");
  Reply r;
  if (format == "csv") {
    CAIRN_ASSIGN_OR_RETURN(r.raw, csv());
    r.content_type = "text/csv; charset=utf-8";
  } else {
    CAIRN_ASSIGN_OR_RETURN(r.raw, xlsx());
    r.content_type = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
  }
  r.headers.push_back({"Content-Disposition", "attachment; filename=\"" + basename + "." + format + "\""});
  return r;
}

}  // namespace cairn::api::handlers
