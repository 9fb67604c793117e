#include "storage/network.h"

#include "storage/internal/soci_types.h"

namespace cairn::storage {

Status ScanSourceRecords(Tx& tx, const std::function<void(const SourceRecordView&)>& visit) {
  SourceRecordView r;
  soci::statement st = (tx.sql().prepare << "SELECT id, format, record_key, payload, restricted, owner_organisation_id "
                                            "FROM source_records ORDER BY id",
                        soci::into(r.id), soci::into(r.format), soci::into(r.record_key), soci::into(r.payload),
                        soci::into(r.restricted), soci::into(r.owner_organisation_id));
  st.execute(false);
  while (st.fetch()) visit(r);
  return Status::Ok();
}

Result<std::map<std::string, std::string>> ReadMentionEntities(Tx& tx) {
  std::string key, entity;
  soci::statement st = (tx.sql().prepare << "SELECT mention_key, entity_id FROM mentions", soci::into(key),
                        soci::into(entity));
  st.execute(false);
  std::map<std::string, std::string> out;
  while (st.fetch()) out[key] = entity;
  return out;
}

Status ReplaceNetwork(Tx& tx, const std::vector<EntityRow>& entities, const std::vector<MentionRow>& mentions,
                      const std::vector<LinkRow>& links) {
  soci::session& sql = tx.sql();
  sql << "DELETE FROM links";
  sql << "DELETE FROM mentions";
  sql << "DELETE FROM entities";
  {
    EntityRow e;
    soci::statement st = (sql.prepare << "INSERT INTO entities (id, kind, name, company_number, postcode, birth_date, "
                                         "mention_count, restricted) VALUES (:id, :k, :n, :c, :p, :b, :m, :r)",
                          soci::use(e.id), soci::use(e.kind), soci::use(e.name), soci::use(e.company_number),
                          soci::use(e.postcode), soci::use(e.birth_date), soci::use(e.mention_count),
                          soci::use(e.restricted));
    for (const auto& row : entities) {
      e = row;
      st.execute(true);
    }
  }
  {
    MentionRow m;
    soci::statement st =
        (sql.prepare << "INSERT INTO mentions (mention_key, source_record_id, kind, role, name, given_name, surname, "
                        "company_number, birth_date, address, postcode, reference, restricted, owner_organisation_id, "
                        "entity_id, match_reason) VALUES (:mk, :sr, :k, :ro, :n, :g, :s, :c, :b, :a, :p, :ref, :r, "
                        ":o, :e, :why)",
         soci::use(m.mention_key), soci::use(m.source_record_id), soci::use(m.kind), soci::use(m.role),
         soci::use(m.name), soci::use(m.given_name), soci::use(m.surname), soci::use(m.company_number),
         soci::use(m.birth_date), soci::use(m.address), soci::use(m.postcode), soci::use(m.reference),
         soci::use(m.restricted), soci::use(m.owner_organisation_id), soci::use(m.entity_id),
         soci::use(m.match_reason));
    for (const auto& row : mentions) {
      m = row;
      st.execute(true);
    }
  }
  {
    LinkRow l;
    soci::statement st =
        (sql.prepare << "INSERT INTO links (from_entity, to_entity, type, start_date, end_date, detail, "
                        "source_record_id, restricted, owner_organisation_id) VALUES (:f, :t, :ty, :s, :e, :d, :sr, "
                        ":r, :o)",
         soci::use(l.from_entity), soci::use(l.to_entity), soci::use(l.type), soci::use(l.start_date),
         soci::use(l.end_date), soci::use(l.detail), soci::use(l.source_record_id), soci::use(l.restricted),
         soci::use(l.owner_organisation_id));
    for (const auto& row : links) {
      l = row;
      st.execute(true);
    }
  }
  return Status::Ok();
}

}  // namespace cairn::storage
