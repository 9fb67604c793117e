-- SOC self-assessment and action plans (engine/self_assessment.h): an organisation's (or one of
-- its groups') answers and scores, and the action plan that follows, reviewed over time.
CREATE TABLE self_assessments (
  id {{id}},
  organisation_id {{bigint}} NOT NULL REFERENCES organisations(id),
  group_name TEXT NOT NULL,            -- "" for the organisation as a whole
  answers TEXT NOT NULL,               -- JSON object: question code → 0, 1 or 2
  scores TEXT NOT NULL,                -- JSON object: theme code → share 0..1, as scored then
  completed_by {{bigint}} NOT NULL REFERENCES users(id),
  completed_at TEXT NOT NULL
);
CREATE INDEX self_assessments_organisation ON self_assessments(organisation_id);

CREATE TABLE plan_actions (
  id {{id}},
  assessment_id {{bigint}} NOT NULL REFERENCES self_assessments(id),
  question_code TEXT NOT NULL,         -- "" for an action added by hand
  text TEXT NOT NULL,
  owner TEXT NOT NULL,                 -- a person or team
  resources TEXT NOT NULL,
  due_date TEXT NOT NULL,
  rag TEXT NOT NULL,                   -- red, amber, green
  status TEXT NOT NULL,                -- open, done
  objective_id {{bigint}} NOT NULL REFERENCES objectives(id),
  updated_at TEXT NOT NULL
);
CREATE INDEX plan_actions_assessment ON plan_actions(assessment_id);

-- Each review of an action: what it was rated and why.
CREATE TABLE plan_action_reviews (
  id {{id}},
  action_id {{bigint}} NOT NULL REFERENCES plan_actions(id),
  at TEXT NOT NULL,
  user_id {{bigint}} NOT NULL REFERENCES users(id),
  rag TEXT NOT NULL,
  status TEXT NOT NULL,
  note TEXT NOT NULL
);
CREATE INDEX plan_action_reviews_action ON plan_action_reviews(action_id);
