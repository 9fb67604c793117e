#include "common/time.h"

#include <chrono>
#include <cstdio>

namespace cairn {

std::string FormatTimestamp(TimePoint t) {
  using namespace std::chrono;
  auto ms = time_point_cast<milliseconds>(t);
  auto day = floor<days>(ms);
  year_month_day ymd{day};
  hh_mm_ss hms{ms - day};
  char buf[32];
  std::snprintf(buf, sizeof buf, "%04d-%02u-%02uT%02ld:%02ld:%02ld.%03ldZ", int(ymd.year()),
                unsigned(ymd.month()), unsigned(ymd.day()), long(hms.hours().count()),
                long(hms.minutes().count()), long(hms.seconds().count()),
                long(hms.subseconds().count()));
  return buf;
}

Result<TimePoint> ParseTimestamp(std::string_view text) {
  using namespace std::chrono;
  int y = 0, mo = 0, d = 0, h = 0, mi = 0, s = 0, frac = 0;
  std::string str(text);
  int n = std::sscanf(str.c_str(), "%4d-%2d-%2dT%2d:%2d:%2d.%3dZ", &y, &mo, &d, &h, &mi, &s, &frac);
  bool shape_ok = (n == 3 && str.size() == 10) || n == 6 || n == 7;
  year_month_day ymd{year{y}, month{unsigned(mo)}, day{unsigned(d)}};
  if (!shape_ok || !ymd.ok() || h > 23 || mi > 59 || s > 60) {
    return InvalidArgument("not a timestamp (want YYYY-MM-DDTHH:MM:SS.mmmZ): '" + str + "'");
  }
  return TimePoint(sys_days(ymd) + hours(h) + minutes(mi) + seconds(s) + milliseconds(frac));
}

}  // namespace cairn
