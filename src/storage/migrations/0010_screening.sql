-- Bidder screening (engine/screening.h): tenders a partner registers with their bidders, each
-- bidder's result, and the referrals the police single point of contact (SPOC) decides.
CREATE TABLE tenders (
  id {{id}},
  organisation_id {{bigint}} NOT NULL REFERENCES organisations(id),
  buyer TEXT NOT NULL,
  title TEXT NOT NULL,
  category TEXT NOT NULL,              -- goods, services or works
  value DOUBLE PRECISION NOT NULL,     -- estimated, in pounds; 0 when not given
  cpv TEXT NOT NULL,                   -- JSON list of CPV codes
  created_by {{bigint}} NOT NULL REFERENCES users(id),
  created_at TEXT NOT NULL
);
CREATE INDEX tenders_organisation ON tenders(organisation_id);

CREATE TABLE tender_bidders (
  id {{id}},
  tender_id {{bigint}} NOT NULL REFERENCES tenders(id),
  position {{bigint}} NOT NULL,        -- order as registered
  name TEXT NOT NULL,
  company_number TEXT NOT NULL,
  address TEXT NOT NULL,
  postcode TEXT NOT NULL,
  declaration_signed {{bigint}} NOT NULL,  -- the SOC non-involvement declaration: 1 signed, 0 not
  declaration_date TEXT NOT NULL,
  sia_approved {{bigint}} NOT NULL,     -- for security work: 1 if in the SIA Approved Contractor Scheme
  result TEXT NOT NULL,                -- no_concerns or refer
  reference TEXT NOT NULL UNIQUE,
  entity_id TEXT NOT NULL,             -- the resolved entity screened, "" if none
  screened_at TEXT NOT NULL
);
CREATE INDEX tender_bidders_tender ON tender_bidders(tender_id);

CREATE TABLE referrals (
  id {{id}},
  bidder_id {{bigint}} NOT NULL UNIQUE REFERENCES tender_bidders(id),
  spoc_organisation_id {{bigint}} NOT NULL REFERENCES organisations(id),
  reasons TEXT NOT NULL,               -- JSON list: why screening referred (for the SPOC only)
  status TEXT NOT NULL,                -- open or decided
  outcome TEXT NOT NULL,               -- "" until decided
  lawful_basis TEXT NOT NULL,
  schedule1_condition TEXT NOT NULL,
  handling_conditions TEXT NOT NULL,
  released_text TEXT NOT NULL,
  regulation TEXT NOT NULL,
  event_date TEXT NOT NULL,            -- the conviction (mandatory) or the conduct (discretionary)
  valid_until TEXT NOT NULL,
  rationale TEXT NOT NULL,
  decided_by {{bigint}} NOT NULL,      -- 0 until decided
  decided_at TEXT NOT NULL
);
CREATE INDEX referrals_spoc ON referrals(spoc_organisation_id, status);
