-- Rapid support for areas (engine/rapid_support.h): a council area the secretariat designates,
-- with the partnership formed for it — member organisations and a plan. Its tasks are the tasks
-- whose council area it is.
CREATE TABLE rapid_support_areas (
  council_organisation_id {{bigint}} PRIMARY KEY REFERENCES organisations(id),
  reason TEXT NOT NULL,
  plan TEXT NOT NULL,
  status TEXT NOT NULL,                -- active or closed
  designated_by {{bigint}} NOT NULL REFERENCES users(id),
  designated_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);

CREATE TABLE rapid_support_members (
  council_organisation_id {{bigint}} NOT NULL REFERENCES organisations(id),
  organisation_id {{bigint}} NOT NULL REFERENCES organisations(id),
  added_at TEXT NOT NULL,
  PRIMARY KEY (council_organisation_id, organisation_id)
);
