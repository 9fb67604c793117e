#include "storage/guidance.h"

#include <soci/soci.h>

#include "storage/internal/soci_types.h"

namespace cairn::storage {
namespace {

std::vector<GuidanceRow> Select(Tx& tx, const std::string& where, const std::optional<std::string>& param) {
  GuidanceRow g;
  int64_t is_public = 0;
  soci::statement st(tx.sql());
  st.exchange(soci::into(g.id));
  st.exchange(soci::into(g.slug));
  st.exchange(soci::into(g.title));
  st.exchange(soci::into(g.summary));
  st.exchange(soci::into(g.audiences));
  st.exchange(soci::into(g.sectors));
  st.exchange(soci::into(g.indicators));
  st.exchange(soci::into(g.crime_types));
  st.exchange(soci::into(is_public));
  st.exchange(soci::into(g.review_on));
  st.exchange(soci::into(g.body));
  st.exchange(soci::into(g.version));
  st.exchange(soci::into(g.updated_by));
  st.exchange(soci::into(g.updated_at));
  std::string p = param.value_or("");
  if (param) st.exchange(soci::use(p));
  internal::Execute(st, "SELECT id, slug, title, summary, audiences, sectors, indicators, crime_types, public, review_on, "
                        "body, version, updated_by, updated_at FROM guidance_pages " + where + " ORDER BY title");
  std::vector<GuidanceRow> out;
  while (st.fetch()) {
    g.is_public = is_public != 0;
    out.push_back(g);
  }
  return out;
}

}  // namespace

Result<std::vector<GuidanceRow>> ListGuidance(Tx& tx) { return Select(tx, "", std::nullopt); }

Result<std::optional<GuidanceRow>> FindGuidance(Tx& tx, const std::string& slug) {
  auto rows = Select(tx, "WHERE slug = :s", slug);
  if (rows.empty()) return std::optional<GuidanceRow>();
  return std::optional<GuidanceRow>(rows.front());
}

Result<int64_t> PutGuidance(Tx& tx, const GuidanceRow& g) {
  int64_t is_public = g.is_public ? 1 : 0;
  int64_t id = g.id;
  if (id == 0) {
    long long inserted = 0;
    tx.sql() << "INSERT INTO guidance_pages (slug, title, summary, audiences, sectors, indicators, crime_types, public, "
                "review_on, body, version, updated_by, updated_at) VALUES (:s, :t, :su, :a, :se, :i, :c, :p, :r, :b, :v, "
                ":by, :at) RETURNING id",
        soci::use(g.slug), soci::use(g.title), soci::use(g.summary), soci::use(g.audiences), soci::use(g.sectors),
        soci::use(g.indicators), soci::use(g.crime_types), soci::use(is_public), soci::use(g.review_on),
        soci::use(g.body), soci::use(g.version), soci::use(g.updated_by), soci::use(g.updated_at), soci::into(inserted);
    id = inserted;
  } else {
    tx.sql() << "UPDATE guidance_pages SET title = :t, summary = :su, audiences = :a, sectors = :se, indicators = :i, "
                "crime_types = :c, public = :p, review_on = :r, body = :b, version = :v, updated_by = :by, updated_at = "
                ":at WHERE id = :id",
        soci::use(g.title), soci::use(g.summary), soci::use(g.audiences), soci::use(g.sectors), soci::use(g.indicators),
        soci::use(g.crime_types), soci::use(is_public), soci::use(g.review_on), soci::use(g.body), soci::use(g.version),
        soci::use(g.updated_by), soci::use(g.updated_at), soci::use(id);
  }
  tx.sql() << "INSERT INTO guidance_versions (page_id, version, title, body, edited_by, edited_at) VALUES (:p, :v, :t, :b, "
              ":by, :at)",
      soci::use(id), soci::use(g.version), soci::use(g.title), soci::use(g.body), soci::use(g.updated_by),
      soci::use(g.updated_at);
  return id;
}

}  // namespace cairn::storage
