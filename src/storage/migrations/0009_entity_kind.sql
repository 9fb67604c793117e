-- Entities by kind: SOC group profiles and the picture list every `socg` entity, which without
-- this scanned all entities. Rebuilt with the network's other indexes (storage/network_write.cc).
CREATE INDEX entities_kind ON entities(kind);
