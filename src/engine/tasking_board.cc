#include "engine/tasking_board.h"

#include <algorithm>
#include <map>

#include "common/time.h"
#include "engine/detection.h"
#include "engine/tasks.h"
#include "storage/tasks.h"

namespace cairn::engine {
namespace {

void Count(BoardRow& row, const TaskView& v) {
  const auto& t = v.task;
  if (t.status == "proposed") ++row.proposed;
  else if (t.status == "accepted") ++row.accepted;
  else if (t.status == "in_progress") ++row.in_progress;
  else if (t.status == "blocked") ++row.blocked;
  else if (t.status == "done") ++row.done;
  else if (t.status == "declined") ++row.declined;
  if (v.overdue) ++row.overdue;
  if (t.status == "done" && t.done_at.substr(0, 10) <= t.due_date) ++row.done_on_time;
}

std::vector<BoardRow> Rows(std::map<std::string, BoardRow>& rows) {
  std::vector<BoardRow> out;
  for (auto& [_, r] : rows) out.push_back(r);
  std::sort(out.begin(), out.end(), [](const BoardRow& a, const BoardRow& b) {
    return a.total() != b.total() ? a.total() > b.total() : a.label < b.label;
  });
  return out;
}

double Days(const std::string& from, const std::string& to) {
  auto a = ParseTimestamp(from), b = ParseTimestamp(to);
  if (!a.ok() || !b.ok()) return 0;
  return std::chrono::duration<double>(*b - *a).count() / 86400.0;
}

}  // namespace

std::optional<double> BoardRow::on_time_share() const {
  if (done == 0) return std::nullopt;
  return double(done_on_time) / double(done);
}

Result<TaskingBoard> BuildTaskingBoard(const app::Env& env, const model::Actor& actor, const BoardFilter& filter) {
  TaskListFilter f;
  f.strand = filter.strand;
  f.council_area = filter.council_area;
  f.owner_organisation_id = filter.owner_organisation_id;
  CAIRN_ASSIGN_OR_RETURN(auto tasks, ListTasks(env, actor, f));
  TaskingBoard board;
  board.all.key = "all";
  board.all.label = "All tasks";
  std::map<std::string, BoardRow> strands, organisations, areas;
  for (const auto& v : tasks) {
    const auto& t = v.task;
    Count(board.all, v);
    auto& s = strands[t.strand_code];
    s.key = s.label = t.strand_code;
    Count(s, v);
    auto& o = organisations[std::to_string(t.owner_organisation_id)];
    o.key = std::to_string(t.owner_organisation_id);
    o.label = t.owner_organisation;
    Count(o, v);
    std::string area = t.council_area.empty() ? "(none given)" : t.council_area;
    auto& a = areas[area];
    a.key = a.label = area;
    Count(a, v);
  }
  board.by_strand = Rows(strands);
  board.by_organisation = Rows(organisations);
  board.by_council_area = Rows(areas);

  storage::Reach reach = ReachOf(actor);
  std::map<std::string, std::string> detected;
  CAIRN_RETURN_IF_ERROR(env.db.Read([&](storage::Tx& tx) -> Status {
    CAIRN_ASSIGN_OR_RETURN(board.findings_without_task,
                           storage::CountFindingsWithoutTask(tx, reach.restricted_owner, reach.all_restricted));
    CAIRN_ASSIGN_OR_RETURN(detected, storage::FindingDetectionTimes(tx));
    return Status::Ok();
  }));
  // The first acceptance per finding, among the tasks shown.
  std::map<std::string, std::string> accepted;
  for (const auto& v : tasks) {
    const auto& t = v.task;
    if (t.source_type != "finding" || t.accepted_at.empty() || !detected.count(t.source_id)) continue;
    auto [it, fresh] = accepted.emplace(t.source_id, t.accepted_at);
    if (!fresh) it->second = std::min(it->second, t.accepted_at);
  }
  std::vector<double> lags;
  for (const auto& [finding, at] : accepted) lags.push_back(std::max(0.0, Days(detected[finding], at)));
  board.finding_lags = int64_t(lags.size());
  if (!lags.empty()) {
    std::sort(lags.begin(), lags.end());
    size_t n = lags.size();
    board.finding_to_accepted_median_days = n % 2 ? lags[n / 2] : (lags[n / 2 - 1] + lags[n / 2]) / 2;
    double sum = 0;
    for (double d : lags) sum += d;
    board.finding_to_accepted_mean_days = sum / double(n);
  }
  return board;
}

}  // namespace cairn::engine
