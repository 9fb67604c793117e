// Talks to Cairn's HTTP API. The session cookie is HttpOnly (the page never sees it); the
// CSRF token from sign-in or /session/me goes in X-CSRF-Token on every state-changing call.

export interface User {
  id: number; organisation_id: number; username: string; display_name: string; email: string;
  role: Role; disabled: boolean; must_change_password: boolean; created_at: string;
}
export type Role = "admin" | "secretariat" | "strand_lead" | "analyst" | "partner" | "auditor";
export interface Organisation {
  id: number; slug: string; name: string; type: string; region: string | null;
  taskforce_member: boolean; taskforce_role: string | null;
}
export interface Strand {
  id: number; code: string; name: string; aim: string; lead_person: string | null;
  lead_organisation?: { id: number; name: string };
}
export interface AuditEntry {
  seq: number; at: string; actor: string; actor_user_id: number | null; actor_organisation_id: number | null;
  action: string; record_type: string; record_id: string; outcome: string; detail: unknown; source: string;
}
export interface Session { user: User; organisation?: Organisation; csrf_token: string }

// One rule a submission failed (the grant scheme's eligibility check lists every one).
export interface RuleFailure { rule: string; field: string; message: string }

export class ApiError extends Error {
  constructor(public status: number, public code: string, message: string, public field?: string,
    public failures?: RuleFailure[]) {
    super(message);
  }
}

let csrfToken = "";

export function setCsrf(token: string): void {
  csrfToken = token;
}

export async function call<T>(method: string, path: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = { Accept: "application/json" };
  if (method !== "GET") {
    headers["X-CSRF-Token"] = csrfToken;
    if (body !== undefined) headers["Content-Type"] = "application/json";
  }
  const res = await fetch(`/api/v1${path}`, {
    method, headers, credentials: "same-origin",
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (res.status === 204) return undefined as T;
  const data = await res.json().catch(() => null);
  if (!res.ok) {
    const err = data?.error ?? {};
    throw new ApiError(res.status, err.code ?? "error", err.message ?? `The server answered ${res.status}`, err.field,
      err.failures);
  }
  return data as T;
}

export interface Entity {
  id: string; kind: "person" | "organisation" | "address" | "socg" | "process"; name: string;
  company_number?: string; postcode?: string; birth_date?: string; mention_count: number; restricted: boolean;
  score?: number;
  network?: { degree: number; betweenness: number; component_size: number; community: number; community_size: number };
}
export interface Link {
  from: string; to: string; type: string; start?: string; end?: string; detail?: Record<string, unknown>;
  restricted: boolean;
}
export interface MentionSource { format: string; record: string; file: string; line: number }
export interface EntityMention {
  key: string; role: string; fields: Record<string, string>; match_reason: string; restricted: boolean; source: MentionSource;
}
export interface EntityPage { entity: Entity; mentions: EntityMention[]; links: Link[]; neighbours: Entity[] }
export interface Graph { nodes: Entity[]; edges: Link[]; truncated: boolean }

export interface Evidence { record: number; note: string; format?: string; key?: string; file?: string; line?: number }
export interface Finding {
  id: number; indicator: string; entity: { id: string; kind: string; name: string }; score: number; summary: string;
  status: "open" | "dismissed" | "confirmed"; restricted: boolean; postcode_area: string; sic_codes: string;
  first_detected_at: string; detected_at: string; evidence: Evidence[];
  decision?: { reason: string; decided_at: string; decided_by: number; evidence_changed_since: boolean };
}
export interface FindingList { findings: Finding[]; total: number; limit: number; offset: number }
export interface EntityRisk {
  risk: { risk: number; own: number; neighbours: number; restricted: boolean }; findings: Finding[]; refer: boolean;
}

export interface Disclosure {
  id: number; from_organisation: { id: number; name: string }; to_organisation: { id: number; name: string };
  released_text: string; lawful_basis: string; schedule1_condition?: string; handling_conditions: string;
  disclosed_at: string; record?: number;
}
export interface IntelRecord {
  id: number;
  subject: { id: string; type: string; name?: string; date_of_birth?: string; company_number?: string; address?: string;
    postcode?: string; socg_reference?: string };
  grading: { model: string; source: string; information: string; handling: string; handling_conditions?: string;
    legacy?: { model: string; source: string; intelligence: string; handling: string } };
  originator: string; recorded_on: string; review_on: string; review_due: boolean;
  source: { file: string; line: number }; entity?: { id: string; name: string; kind: string };
  reviews?: { reviewed_at: string; reviewer: string; next_review_on: string; note: string }[];
  disclosures?: Disclosure[];
}
export interface LawfulBases {
  bases: { code: string; title: string; needs_condition: boolean }[];
  schedule1_conditions: { code: string; title: string }[];
}

export interface SocgAssessment {
  id: number; attributes: Record<string, number>; harm: number; likelihood: number; confidence: string; score: number;
  band: string; rationale: string; assessor: string; assessed_at: string;
}
export interface SocgEntity { id: string; kind: string; name: string; company_number?: string; postcode?: string; how?: string; risk?: number }
export interface Socg {
  reference: string; entity_id: string; crime_types: string[]; crime_types_from_records: boolean; councils: string[];
  regions: string[]; postcode_areas: string[]; cross_border: boolean; uses_legitimate_business: boolean;
  assessment: SocgAssessment | null;
}
export interface SocgList { socgs: (Socg & { members: number; businesses: number })[] }
export interface SocgProfile extends Socg {
  members: SocgEntity[]; businesses: SocgEntity[]; addresses: SocgEntity[]; notes: string; assessments: SocgAssessment[];
}
export interface ThreatSettings {
  attributes: { code: string; title: string; weight: number }[]; bands: { name: string; min: number }[];
  attribute_share: number; confidence_grades: string[]; crime_types: string[];
}

export interface PictureRow {
  key: string; groups?: number | null; members?: number | null; several_crime_types?: number | null;
  legitimate_business?: number | null; flagged_businesses?: number | null; drill_down?: string[];
}
export interface Picture {
  total: PictureRow; regions: PictureRow[]; councils: PictureRow[]; crime_types: PictureRow[]; sectors: PictureRow[];
  suppress_below: number; suppressed: boolean;
}
