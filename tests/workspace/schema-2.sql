-- A workspace as ISMS Gap wrote it at file format 2, before workspaces had
-- an identity (meta "uuid"): the migration test builds a file from this and
-- opens it with the current code. Frozen: never edit it to follow the
-- current schema.
PRAGMA application_id = 1230196039;

CREATE TABLE meta (
  key   TEXT PRIMARY KEY NOT NULL,
  value TEXT NOT NULL
) WITHOUT ROWID;
CREATE TABLE scope (
  field TEXT PRIMARY KEY NOT NULL
        CHECK (field IN ('organization', 'statement', 'assessor', 'assessment-date')),
  value TEXT NOT NULL DEFAULT ''
) WITHOUT ROWID;
CREATE TABLE scope_item (
  id       INTEGER PRIMARY KEY,
  kind     TEXT NOT NULL CHECK (kind IN ('site', 'unit', 'process', 'asset-group',
                                          'interface', 'interested-party', 'exclusion')),
  position INTEGER NOT NULL,
  name     TEXT NOT NULL,
  detail   TEXT NOT NULL DEFAULT ''
);
CREATE INDEX scope_item_kind ON scope_item (kind, position);
CREATE TABLE service (
  id     TEXT PRIMARY KEY NOT NULL,
  custom INTEGER NOT NULL DEFAULT 0 CHECK (custom IN (0, 1)),
  name   TEXT NOT NULL DEFAULT '',
  models INTEGER NOT NULL DEFAULT 0 CHECK (models BETWEEN 0 AND 15),
  in_use INTEGER NOT NULL DEFAULT 0 CHECK (in_use IN (0, 1))
);
CREATE TABLE certificate (
  family_id  TEXT PRIMARY KEY NOT NULL,
  service_id TEXT REFERENCES service (id) ON DELETE CASCADE,
  reference  TEXT NOT NULL DEFAULT '',
  issuer     TEXT NOT NULL DEFAULT '',
  last_audit TEXT NOT NULL DEFAULT '',
  expiry     TEXT NOT NULL DEFAULT '',
  notes      TEXT NOT NULL DEFAULT ''
);
CREATE INDEX certificate_service ON certificate (service_id);
CREATE TABLE assessment (
  control_id     TEXT PRIMARY KEY NOT NULL,
  applicability  TEXT NOT NULL DEFAULT 'applicable'
                 CHECK (applicability IN ('applicable', 'not-applicable')),
  justification  TEXT NOT NULL DEFAULT '',
  reasons        INTEGER NOT NULL DEFAULT 0 CHECK (reasons BETWEEN 0 AND 31),
  responsibility TEXT NOT NULL DEFAULT 'organization'
                 CHECK (responsibility IN ('organization', 'shared', 'inherited')),
  status         TEXT NOT NULL DEFAULT 'not-assessed'
                 CHECK (status IN ('not-assessed', 'not-implemented', 'planned', 'partial',
                                   'implemented', 'alternative')),
  owner          TEXT NOT NULL DEFAULT '',
  due_date       TEXT NOT NULL DEFAULT '',
  priority       TEXT NOT NULL DEFAULT 'none'
                 CHECK (priority IN ('none', 'low', 'medium', 'high', 'critical')),
  evidence       TEXT NOT NULL DEFAULT '',
  notes          TEXT NOT NULL DEFAULT '',
  needs_review   INTEGER NOT NULL DEFAULT 0 CHECK (needs_review IN (0, 1)),
  changed        TEXT NOT NULL DEFAULT ''
) WITHOUT ROWID;
CREATE TABLE assessment_service (
  control_id TEXT NOT NULL REFERENCES assessment (control_id) ON DELETE CASCADE,
  service_id TEXT NOT NULL REFERENCES service (id) ON DELETE CASCADE,
  position   INTEGER NOT NULL,
  PRIMARY KEY (control_id, service_id)
) WITHOUT ROWID;
CREATE INDEX assessment_service_service ON assessment_service (service_id);
CREATE TABLE change_log (
  id        INTEGER PRIMARY KEY,
  time      TEXT NOT NULL,
  item      TEXT NOT NULL,
  field     TEXT NOT NULL,
  old_value TEXT NOT NULL,
  new_value TEXT NOT NULL
);
-- Format 2's step, as the program ran it.
ALTER TABLE change_log ADD COLUMN author TEXT NOT NULL DEFAULT '';

-- What a user had entered; rows for the rest of the catalog are missing,
-- as in a file written before the catalog grew.
INSERT INTO meta VALUES ('edition', '2022'), ('next-custom', '2');
INSERT INTO scope (field, value) VALUES ('organization', '範例股份有限公司'),
  ('statement', 'Online banking'), ('assessor', ''), ('assessment-date', '2025-12-01');
INSERT INTO scope_item (kind, position, name, detail) VALUES
  ('site', 0, 'Taipei', ''), ('interested-party', 0, 'FSC', 'Regulatory reporting');
INSERT INTO service (id, custom, name, models, in_use) VALUES ('custom-1', 1, 'Colo', 4, 1);
INSERT INTO certificate (family_id, service_id, last_audit) VALUES ('custom-1', 'custom-1', '2025-06-30');
INSERT INTO assessment (control_id, status, owner, notes, changed) VALUES
  ('5.1', 'implemented', 'CISO', 'Approved 2025', '2025-12-01T08:00:00Z'),
  ('A.8.24', 'partial', '', '', '2025-12-01T08:01:00Z');
INSERT INTO assessment_service VALUES ('A.8.24', 'custom-1', 0);
INSERT INTO change_log (time, item, field, old_value, new_value, author) VALUES
  ('2025-12-01T08:00:00Z', '5.1', 'status', 'not-assessed', 'implemented', 'mei');

PRAGMA user_version = 2;
