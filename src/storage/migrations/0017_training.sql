-- Training (engine/training.h): courses, who completed them in which organisation, and how many
-- staff each organisation has in scope for a course, so coverage can be shown.
CREATE TABLE courses (
  id {{id}},
  code TEXT NOT NULL UNIQUE,
  title TEXT NOT NULL,
  audience TEXT NOT NULL,
  provider TEXT NOT NULL,
  objective_id {{bigint}} NOT NULL,    -- the objective it serves; 0 if none
  created_at TEXT NOT NULL
);

CREATE TABLE course_completions (
  id {{id}},
  course_id {{bigint}} NOT NULL REFERENCES courses(id),
  organisation_id {{bigint}} NOT NULL REFERENCES organisations(id),
  person TEXT NOT NULL,                -- as the organisation names its staff member
  completed_on TEXT NOT NULL,
  recorded_by {{bigint}} NOT NULL REFERENCES users(id),
  recorded_at TEXT NOT NULL
);
CREATE INDEX course_completions_course ON course_completions(course_id);
CREATE INDEX course_completions_organisation ON course_completions(organisation_id);

CREATE TABLE training_scope (
  organisation_id {{bigint}} NOT NULL REFERENCES organisations(id),
  course_id {{bigint}} NOT NULL REFERENCES courses(id),
  staff_in_scope {{bigint}} NOT NULL,
  updated_at TEXT NOT NULL,
  PRIMARY KEY (organisation_id, course_id)
);
