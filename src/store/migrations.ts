import type { Database } from 'better-sqlite3';
import type { Table } from '../../schemas/index.js';
import { financialFactKind, indicatorFactKind } from './fact-kind.js';
import { fingerprintOf } from './triage.js';

/**
 * Schema migrations, in order: migration i brings the database to `PRAGMA user_version` i+1.
 * Never edit a released migration; append a new one.
 */
export const MIGRATIONS: readonly string[] = [
  /* 1: documents, their tables, facts, findings and runs. STRICT tables make SQLite refuse a
     value of the wrong type instead of silently storing it. */
  `
  CREATE TABLE documents (
    id              TEXT PRIMARY KEY,          -- sha256 of the file's bytes
    file            TEXT NOT NULL UNIQUE,      -- one document per path: a changed file replaces its old version
    gemeente        TEXT,
    document_type   TEXT NOT NULL,
    year            INTEGER,
    programme       TEXT,
    source_format   TEXT NOT NULL,
    bytes           INTEGER NOT NULL,
    metadata_source TEXT NOT NULL,
    ingested_at     TEXT NOT NULL
  ) STRICT;

  CREATE TABLE tables (
    document_id          TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    table_index          INTEGER NOT NULL,
    kind                 TEXT NOT NULL,
    title                TEXT NOT NULL,
    scale                REAL NOT NULL,
    scale_text           TEXT,
    columns_json         TEXT NOT NULL,
    sign_convention_json TEXT NOT NULL,
    line                 INTEGER,
    page                 INTEGER,
    PRIMARY KEY (document_id, table_index)
  ) STRICT;

  CREATE TABLE financial_facts (
    id            INTEGER PRIMARY KEY,
    document_id   TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    table_index   INTEGER NOT NULL,
    row_index     INTEGER NOT NULL,
    taakveld      TEXT,
    row_label     TEXT NOT NULL,
    line_item     TEXT NOT NULL,
    group_label   TEXT,
    is_total      INTEGER NOT NULL CHECK (is_total IN (0, 1)),
    column_index  INTEGER NOT NULL,
    column_header TEXT NOT NULL,
    column_kind   TEXT NOT NULL,
    year          INTEGER,
    value         REAL,
    status        TEXT NOT NULL,
    decimals      INTEGER NOT NULL,
    scale         REAL NOT NULL,
    -- generated, so it can never disagree with value and scale
    amount_eur    REAL GENERATED ALWAYS AS (value * scale) STORED,
    file          TEXT NOT NULL,
    line          INTEGER,
    page          INTEGER,
    raw           TEXT NOT NULL
  ) STRICT;
  -- one fact per cell; also serves lookups and cascade deletes by document
  CREATE UNIQUE INDEX financial_facts_cell ON financial_facts (document_id, table_index, row_index, column_index);
  CREATE INDEX financial_facts_taakveld_year ON financial_facts (taakveld, year);

  CREATE TABLE indicator_facts (
    id             INTEGER PRIMARY KEY,
    document_id    TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    table_index    INTEGER NOT NULL,
    row_index      INTEGER NOT NULL,
    doelstelling   TEXT,
    name           TEXT NOT NULL,
    unit           TEXT,
    column_index   INTEGER NOT NULL,
    column_header  TEXT NOT NULL,
    column_kind    TEXT NOT NULL,
    year           INTEGER,
    value          REAL,
    decimals       INTEGER NOT NULL,
    reference_year INTEGER,
    footnote       TEXT,
    file           TEXT NOT NULL,
    line           INTEGER,
    page           INTEGER,
    raw            TEXT NOT NULL
  ) STRICT;
  CREATE UNIQUE INDEX indicator_facts_cell ON indicator_facts (document_id, table_index, row_index, column_index);
  CREATE INDEX indicator_facts_doelstelling_year ON indicator_facts (doelstelling, year);

  CREATE TABLE runs (
    id               INTEGER PRIMARY KEY,
    started_at       TEXT NOT NULL,
    finished_at      TEXT,
    klopt_version    TEXT NOT NULL,
    files_seen       INTEGER NOT NULL DEFAULT 0,
    files_skipped    INTEGER NOT NULL DEFAULT 0,
    files_ingested   INTEGER NOT NULL DEFAULT 0,
    files_failed     INTEGER NOT NULL DEFAULT 0,
    findings_error   INTEGER NOT NULL DEFAULT 0,
    findings_warning INTEGER NOT NULL DEFAULT 0,
    findings_info    INTEGER NOT NULL DEFAULT 0,
    status           TEXT NOT NULL DEFAULT 'running'
  ) STRICT;

  CREATE TABLE findings (
    id            INTEGER PRIMARY KEY,
    -- null for findings about a file that never became a document
    document_id   TEXT REFERENCES documents(id) ON DELETE CASCADE,
    run_id        INTEGER REFERENCES runs(id) ON DELETE SET NULL,
    rule          TEXT NOT NULL,
    severity      TEXT NOT NULL CHECK (severity IN ('error', 'warning', 'info')),
    file          TEXT NOT NULL,
    table_title   TEXT,
    table_index   INTEGER,
    row_label     TEXT,
    column_header TEXT,
    line          INTEGER,
    page          INTEGER,
    expected      REAL,
    found         REAL,
    difference    REAL,
    tolerance     REAL,
    raw           TEXT,
    message       TEXT NOT NULL
  ) STRICT;
  CREATE INDEX findings_document_severity ON findings (document_id, severity);
  CREATE INDEX findings_severity ON findings (severity);
  CREATE INDEX findings_run ON findings (run_id);

  -- amounts in euros per gemeente, document year and taakveld, for cross-document queries
  CREATE VIEW v_taakveld_year AS
    SELECT d.gemeente, d.year, d.document_type, f.taakveld, f.line_item, f.column_kind,
           f.year AS column_year, f.amount_eur
    FROM financial_facts f JOIN documents d ON d.id = f.document_id
    WHERE f.taakveld IS NOT NULL;
  `,
  /* 2: indicator facts say how a glued cell was read (NULL: by the grammar alone; 'heuristic')
     and the source the document names for the figure. */
  `
  ALTER TABLE indicator_facts ADD COLUMN reading TEXT CHECK (reading IN ('grammar', 'heuristic'));
  ALTER TABLE indicator_facts ADD COLUMN source TEXT;
  `,
  /* 3: each finding's evidence excerpt (JSON array of {line, text}: the source lines around it,
     cut out at ingest), so a report shows what the document printed even when the file is gone. */
  `
  ALTER TABLE findings ADD COLUMN evidence_json TEXT;
  `,
  /* 4: IV3 figures delivered to CBS (klopt iv3 import), keyed by gemeente, year,
     begroting/realisatie and taakveld code; inwonertal per gemeente and year; amounts per
     inhabitant. A re-import of the same key replaces the row. */
  `
  CREATE TABLE iv3_imports (
    id          INTEGER PRIMARY KEY,
    file        TEXT NOT NULL,
    sha256      TEXT NOT NULL,
    format      TEXT NOT NULL CHECK (format IN ('csv', 'json')),
    rows        INTEGER NOT NULL,
    imported_at TEXT NOT NULL
  ) STRICT;

  CREATE TABLE iv3_figures (
    gemeente   TEXT NOT NULL,
    year       INTEGER NOT NULL,
    kind       TEXT NOT NULL CHECK (kind IN ('begroting', 'realisatie')),
    taakveld   TEXT NOT NULL,               -- canonical code: 6.71A
    label      TEXT NOT NULL,               -- as the source prints it (often truncated)
    baten_eur  REAL,
    lasten_eur REAL,
    half_width_eur REAL NOT NULL,           -- rounding: 500 for amounts x 1.000
    import_id  INTEGER NOT NULL REFERENCES iv3_imports(id),
    file       TEXT NOT NULL,
    line       INTEGER,
    PRIMARY KEY (gemeente, year, kind, taakveld)
  ) STRICT;

  CREATE TABLE iv3_inwoners (
    gemeente   TEXT NOT NULL,
    year       INTEGER NOT NULL,
    inwonertal INTEGER NOT NULL CHECK (inwonertal > 0),
    import_id  INTEGER NOT NULL REFERENCES iv3_imports(id),
    PRIMARY KEY (gemeente, year)
  ) STRICT;

  -- document taakveld amounts per inhabitant, with the inwonertal IV3 gives for the column's year
  CREATE VIEW v_taakveld_per_inwoner AS
    SELECT v.gemeente, v.year, v.document_type, v.taakveld, v.line_item, v.column_kind,
           v.column_year, v.amount_eur, i.inwonertal,
           v.amount_eur / i.inwonertal AS eur_per_inwoner
    FROM v_taakveld_year v
    JOIN iv3_inwoners i ON lower(i.gemeente) = lower(v.gemeente)
                       AND i.year = coalesce(v.column_year, v.year);
  `,
  /* 5: bulk ingestion (issue 8). files: what each input file was when last read, so an unchanged
     file is skipped on (size, mtime) alone and a touched one on its hash. runs: removed files,
     and who runs it (pid, host, heartbeat) so a second ingest can tell a live run from a dead one. */
  `
  ALTER TABLE runs ADD COLUMN files_removed INTEGER NOT NULL DEFAULT 0;
  ALTER TABLE runs ADD COLUMN concurrency INTEGER;
  ALTER TABLE runs ADD COLUMN pid INTEGER;
  ALTER TABLE runs ADD COLUMN host TEXT;
  ALTER TABLE runs ADD COLUMN heartbeat_at TEXT;

  CREATE TABLE files (
    path        TEXT PRIMARY KEY,              -- absolute
    size        INTEGER NOT NULL,
    mtime_ns    TEXT,                          -- null: too recent to trust, re-hash next time
    hash        TEXT,                          -- sha256 of the bytes read; null if never read
    read_key    TEXT NOT NULL,                 -- klopt version and manifest entry it was read with
    status      TEXT NOT NULL CHECK (status IN ('ingested', 'duplicate', 'failed')),
    document_id TEXT REFERENCES documents(id) ON DELETE SET NULL,
    error       TEXT,
    run_id      INTEGER REFERENCES runs(id) ON DELETE SET NULL
  ) STRICT;
  CREATE INDEX files_document ON files (document_id);
  `,
  /* 6: the structures that are no grid: doelenboom goals (with what they claim and what their
     section lists), doelenboom products, statutory indicator rows. A printed count or amount is
     kept whole as JSON ({value, line, raw}); its value is a generated column to query by. */
  `
  CREATE TABLE doelenboom_goals (
    document_id             TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    goal_index              INTEGER NOT NULL,          -- order in the document (a code may repeat)
    code                    TEXT NOT NULL,
    name                    TEXT NOT NULL,
    level                   TEXT NOT NULL CHECK (level IN ('doel', 'subdoel')),
    scale                   REAL NOT NULL,
    totale_lasten_json      TEXT,
    claimed_indicators_json TEXT,
    claimed_actions_json    TEXT,
    section_json            TEXT,
    totale_lasten           REAL GENERATED ALWAYS AS (json_extract(totale_lasten_json, '$.value')) VIRTUAL,
    claimed_indicators      INTEGER GENERATED ALWAYS AS (json_extract(claimed_indicators_json, '$.value')) VIRTUAL,
    claimed_actions         INTEGER GENERATED ALWAYS AS (json_extract(claimed_actions_json, '$.value')) VIRTUAL,
    listed_indicators       INTEGER GENERATED ALWAYS AS (json_array_length(section_json, '$.indicatorLines')) VIRTUAL,
    listed_actions          INTEGER GENERATED ALWAYS AS (json_array_length(section_json, '$.actionLines')) VIRTUAL,
    file                    TEXT NOT NULL,
    line                    INTEGER,
    page                    INTEGER,
    raw                     TEXT NOT NULL,
    PRIMARY KEY (document_id, goal_index)
  ) STRICT;

  CREATE TABLE doelenboom_products (
    document_id   TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    product_index INTEGER NOT NULL,
    doelstelling  TEXT,
    thema         TEXT,
    product       TEXT NOT NULL,
    scale         REAL NOT NULL,
    lasten_json   TEXT,
    baten_json    TEXT,
    lasten        REAL GENERATED ALWAYS AS (json_extract(lasten_json, '$.value')) VIRTUAL,
    baten         REAL GENERATED ALWAYS AS (json_extract(baten_json, '$.value')) VIRTUAL,
    file          TEXT NOT NULL,
    line          INTEGER,
    page          INTEGER,
    raw           TEXT NOT NULL,
    PRIMARY KEY (document_id, product_index)
  ) STRICT;

  CREATE TABLE statutory_indicators (
    document_id       TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    row_index         INTEGER NOT NULL,
    nr                INTEGER NOT NULL,
    beleidsveld       TEXT NOT NULL,
    name              TEXT NOT NULL,
    unit              TEXT,
    year              INTEGER NOT NULL,
    score             REAL,
    decimals          INTEGER NOT NULL,
    percent           INTEGER NOT NULL CHECK (percent IN (0, 1)),
    source            TEXT,
    catalogue_name    TEXT,
    matches_catalogue INTEGER NOT NULL CHECK (matches_catalogue IN (0, 1)),
    file              TEXT NOT NULL,
    line              INTEGER,
    page              INTEGER,
    raw               TEXT NOT NULL,
    PRIMARY KEY (document_id, row_index)
  ) STRICT;
  CREATE INDEX statutory_indicators_nr_year ON statutory_indicators (nr, year);
  `,
  /* 7: what the rules over the whole database last ran on (src/cli/corpus.ts recheckStore): an
     ingest that changed none of it keeps their findings instead of loading every fact again. */
  `
  CREATE TABLE corpus_check (
    id          INTEGER PRIMARY KEY CHECK (id = 1),
    fingerprint TEXT NOT NULL,                 -- sha256 of documents, IV3 figures, config, version
    checked_at  TEXT NOT NULL
  ) STRICT;
  `,
  /* 8: reading coverage per document, and indicator figures' comparison areas (amounts seen in tables and table-like
     blocks, amounts stored
     as facts): a document read in part is not proven, and the report says how far it was read. */
  `
  ALTER TABLE documents ADD COLUMN amounts_seen INTEGER;
  ALTER TABLE documents ADD COLUMN amounts_read INTEGER;
  -- the comparison area of an indicator figure (Gemeente / Provincie / Nederland), where the table has areas
  ALTER TABLE indicator_facts ADD COLUMN area TEXT;
  `,
  /* 9: what each figure measures (issue 15): table_kind money, count, ratio or percentage on every
     fact; amount_eur holds money only (a count of clients is no amount of euros), the other
     figures are in quantity (value × scale, in the unit table_kind names). amount_eur becomes a
     virtual column of the same name (SQLite cannot change a generated column's expression in
     place); the views over it are made again with it, v_taakveld_year over money only. The
     facts already stored are classified by backfillFactKinds below, in the same transaction. */
  `
  ALTER TABLE financial_facts ADD COLUMN table_kind TEXT CHECK (table_kind IN ('money', 'count', 'ratio', 'percentage'));
  ALTER TABLE indicator_facts ADD COLUMN table_kind TEXT CHECK (table_kind IN ('money', 'count', 'ratio', 'percentage'));
  DROP VIEW v_taakveld_per_inwoner;
  DROP VIEW v_taakveld_year;
  ALTER TABLE financial_facts DROP COLUMN amount_eur;
  ALTER TABLE financial_facts ADD COLUMN amount_eur REAL GENERATED ALWAYS AS (CASE WHEN table_kind = 'money' THEN value * scale END) VIRTUAL;
  ALTER TABLE financial_facts ADD COLUMN quantity REAL GENERATED ALWAYS AS (CASE WHEN table_kind <> 'money' THEN value * scale END) VIRTUAL;
  CREATE VIEW v_taakveld_year AS
    SELECT d.gemeente, d.year, d.document_type, f.taakveld, f.line_item, f.column_kind,
           f.year AS column_year, f.amount_eur
    FROM financial_facts f JOIN documents d ON d.id = f.document_id
    WHERE f.taakveld IS NOT NULL AND f.table_kind = 'money';
  CREATE VIEW v_taakveld_per_inwoner AS
    SELECT v.gemeente, v.year, v.document_type, v.taakveld, v.line_item, v.column_kind,
           v.column_year, v.amount_eur, i.inwonertal,
           v.amount_eur / i.inwonertal AS eur_per_inwoner
    FROM v_taakveld_year v
    JOIN iv3_inwoners i ON lower(i.gemeente) = lower(v.gemeente)
                       AND i.year = coalesce(v.column_year, v.year);
  `,
  /* 10: triage (issue 15). Each finding's fingerprint (src/store/triage.ts: rule, document content,
     table, row, column, place, values; the same after re-ingesting an unchanged document), and the
     auditors' decisions keyed by it, with the finding's fields so a decision whose finding changed
     is found again by its locus (rule, file, table, row, column) and flagged for review. Triage
     refers to no document row: it outlives the document's replacement. */
  `
  ALTER TABLE findings ADD COLUMN fingerprint TEXT;
  CREATE INDEX findings_fingerprint ON findings (fingerprint);
  CREATE TABLE triage (
    fingerprint   TEXT PRIMARY KEY,
    locus         TEXT NOT NULL,
    rule          TEXT NOT NULL,
    file          TEXT NOT NULL,
    document_id   TEXT,
    table_title   TEXT,
    table_index   INTEGER,
    row_label     TEXT,
    column_header TEXT,
    line          INTEGER,
    page          INTEGER,
    expected      REAL,
    found         REAL,
    status        TEXT NOT NULL CHECK (status IN ('explained', 'accepted', 'false-alarm')),
    comment       TEXT NOT NULL CHECK (length(trim(comment)) > 0),
    by            TEXT,
    at            TEXT NOT NULL
  ) STRICT;
  CREATE INDEX triage_locus ON triage (locus);
  `,
  /* 11: a table that starts below lines of its own that no reader took (issue 17, Zoetermeer 2023): its first total's
     parts are not all in it, so the reconciler does not foot that total. 0 for the tables stored before. */
  `
  ALTER TABLE tables ADD COLUMN continues_above INTEGER NOT NULL DEFAULT 0 CHECK (continues_above IN (0, 1));
  `,
];

/**
 * Work a migration needs beyond its SQL, run after it in the same transaction: filling a new
 * column from rows already stored, with the code new rows are written with.
 */
const BACKFILLS: Readonly<Record<number, (db: Database) => void>> = {
  8: backfillFactKinds,
  9: backfillFingerprints,
};

/** Migration 10: the fingerprints of the findings a database already holds. */
function backfillFingerprints(db: Database): void {
  const set = db.prepare('UPDATE findings SET fingerprint = ? WHERE id = ?');
  const rows = db.prepare<[], Record<string, any>>('SELECT * FROM findings').all();
  for (const r of rows) {
    set.run(
      fingerprintOf({
        rule: r.rule,
        file: r.file,
        documentId: r.document_id,
        table: r.table_title,
        tableIndex: r.table_index,
        row: r.row_label,
        column: r.column_header,
        line: r.line,
        page: r.page,
        expected: r.expected,
        found: r.found,
      }),
      r.id,
    );
  }
}

/** Migration 9: table_kind of the facts a database already holds, as the store writes it for new ones. */
function backfillFactKinds(db: Database): void {
  const tables = new Map<string, Pick<Table, 'kind' | 'title' | 'scaleText'>>();
  for (const t of db
    .prepare<
      [],
      { document_id: string; table_index: number; kind: Table['kind']; title: string; scale_text: string | null }
    >('SELECT document_id, table_index, kind, title, scale_text FROM tables')
    .iterate()) {
    tables.set(`${t.document_id}\u0000${t.table_index}`, { kind: t.kind, title: t.title, scaleText: t.scale_text });
  }
  const setFinancial = db.prepare('UPDATE financial_facts SET table_kind = ? WHERE id = ?');
  const financial = db
    .prepare<
      [],
      {
        id: number;
        document_id: string;
        table_index: number;
        row_label: string;
        column_header: string;
        decimals: number;
        raw: string;
      }
    >('SELECT id, document_id, table_index, row_label, column_header, decimals, raw FROM financial_facts')
    .all();
  for (const f of financial) {
    const kind = financialFactKind(tables.get(`${f.document_id}\u0000${f.table_index}`), {
      rowLabel: f.row_label,
      columnHeader: f.column_header,
      decimals: f.decimals,
      raw: f.raw,
    });
    setFinancial.run(kind, f.id);
  }
  const setIndicator = db.prepare('UPDATE indicator_facts SET table_kind = ? WHERE id = ?');
  const indicators = db
    .prepare<[], { id: number; name: string; unit: string | null; decimals: number; raw: string }>(
      'SELECT id, name, unit, decimals, raw FROM indicator_facts',
    )
    .all();
  for (const f of indicators) {
    setIndicator.run(indicatorFactKind(f), f.id);
  }
}

export const SCHEMA_VERSION = MIGRATIONS.length;

/** The schema version stored in the database file. */
export function schemaVersion(db: Database): number {
  return db.pragma('user_version', { simple: true }) as number;
}

/**
 * Brings the database to SCHEMA_VERSION, each migration in its own transaction (user_version
 * is part of the database header, so it commits or rolls back with the migration). Refuses a
 * database written by a newer klopt rather than guess at its schema.
 */
export function migrate(db: Database, file: string): void {
  const current = schemaVersion(db);
  if (current > SCHEMA_VERSION) {
    throw new Error(
      `${file}: database schema version ${current} is newer than this klopt supports (${SCHEMA_VERSION}); ` +
        `upgrade klopt or use another database`,
    );
  }
  for (let v = current; v < SCHEMA_VERSION; v++) {
    // IMMEDIATE, and the version read again inside: two processes opening a new database at
    // once must not both run the same migration.
    db.transaction(() => {
      if (schemaVersion(db) !== v) return;
      db.exec(MIGRATIONS[v]);
      BACKFILLS[v]?.(db);
      db.pragma(`user_version = ${v + 1}`);
    }).immediate();
  }
}
