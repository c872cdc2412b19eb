"""The archive's SQLite schema (documented for users in docs/database.md — keep them in sync).

Every child row carries ``document_id`` with ``ON DELETE CASCADE`` so replacing a document is
one ``DELETE`` + inserts inside one transaction. List-valued model fields that people filter
on (submitters, position members, topic questions) get their own tables; the rest are JSON
text columns, which Datasette and SQLite's json functions read directly.

Each piece of text is stored once: the document lives in its rows (no copy of the whole
document as JSON, which was half of a version-1 archive), and the full-text indexes are
external-content FTS5 tables, which keep only their index and read the text from
``paragraphs`` and ``sections``.

``application_id`` (the SQLite header field meant for this) marks a file as a cwgtool archive,
so a foreign database is recognised, and refused, before anything is written to it.
"""

from __future__ import annotations

SCHEMA_VERSION = 4
APPLICATION_ID = 0x43574754  # "CWGT"

SCHEMA = f"""
PRAGMA application_id = {APPLICATION_ID};

CREATE TABLE IF NOT EXISTS meta (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
);

CREATE TABLE IF NOT EXISTS documents (
    id INTEGER PRIMARY KEY,
    path TEXT NOT NULL UNIQUE,
    sha256 TEXT NOT NULL,
    format TEXT,
    pages INTEGER,
    kind TEXT,
    symbol TEXT,
    symbol_printed TEXT,  -- the symbol as the document prints it
    revision TEXT,
    addendum TEXT,
    record_key TEXT,  -- kind + canonical symbol: the PDF and the DOCX of one record share it
    revision_rank INTEGER NOT NULL DEFAULT 0,
    title TEXT,
    language TEXT,
    date TEXT,
    body TEXT,
    meeting_number INTEGER,
    meeting_place TEXT,
    start_date TEXT,
    end_date TEXT,
    source_line TEXT,
    submitters TEXT NOT NULL,  -- JSON array of {{"name", "iso3"}} (contribution documents)
    headers_footers TEXT NOT NULL,  -- JSON array of strings
    warnings TEXT NOT NULL,  -- JSON array of strings
    parsed_at TEXT NOT NULL,
    cwgtool_version TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS documents_sha256 ON documents(sha256);
CREATE INDEX IF NOT EXISTS documents_meeting ON documents(body, meeting_number);
CREATE INDEX IF NOT EXISTS documents_symbol ON documents(symbol);
CREATE INDEX IF NOT EXISTS documents_record ON documents(record_key);

CREATE TABLE IF NOT EXISTS sections (
    id INTEGER PRIMARY KEY,
    document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    parent_id INTEGER REFERENCES sections(id) ON DELETE CASCADE,
    ordinal INTEGER NOT NULL,
    number TEXT,
    title TEXT NOT NULL,
    level INTEGER NOT NULL,
    page INTEGER,
    line INTEGER
);
CREATE INDEX IF NOT EXISTS sections_document ON sections(document_id, ordinal);
CREATE INDEX IF NOT EXISTS sections_parent ON sections(parent_id);

CREATE TABLE IF NOT EXISTS annexes (
    id INTEGER PRIMARY KEY,
    document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    ordinal INTEGER NOT NULL,
    title TEXT NOT NULL,
    page INTEGER
);
CREATE INDEX IF NOT EXISTS annexes_document ON annexes(document_id, ordinal);

CREATE TABLE IF NOT EXISTS paragraphs (
    id INTEGER PRIMARY KEY,
    document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    section_id INTEGER REFERENCES sections(id) ON DELETE CASCADE,
    annex_id INTEGER REFERENCES annexes(id) ON DELETE CASCADE,
    ordinal INTEGER NOT NULL,
    number TEXT,
    label TEXT,
    text TEXT NOT NULL,
    page INTEGER,
    line INTEGER
);
CREATE INDEX IF NOT EXISTS paragraphs_document ON paragraphs(document_id, ordinal);
CREATE INDEX IF NOT EXISTS paragraphs_section ON paragraphs(section_id);

CREATE VIRTUAL TABLE IF NOT EXISTS paragraphs_fts USING fts5(
    text,
    content='paragraphs',
    content_rowid='id',
    tokenize='porter unicode61 remove_diacritics 2'
);
CREATE TRIGGER IF NOT EXISTS paragraphs_ai AFTER INSERT ON paragraphs BEGIN
    INSERT INTO paragraphs_fts(rowid, text) VALUES (new.id, new.text);
END;
CREATE TRIGGER IF NOT EXISTS paragraphs_ad AFTER DELETE ON paragraphs BEGIN
    INSERT INTO paragraphs_fts(paragraphs_fts, rowid, text) VALUES ('delete', old.id, old.text);
END;

CREATE VIRTUAL TABLE IF NOT EXISTS sections_fts USING fts5(
    title,
    content='sections',
    content_rowid='id',
    tokenize='porter unicode61 remove_diacritics 2'
);
CREATE TRIGGER IF NOT EXISTS sections_ai AFTER INSERT ON sections BEGIN
    INSERT INTO sections_fts(rowid, title) VALUES (new.id, new.title);
END;
CREATE TRIGGER IF NOT EXISTS sections_ad AFTER DELETE ON sections BEGIN
    INSERT INTO sections_fts(sections_fts, rowid, title) VALUES ('delete', old.id, old.title);
END;

CREATE TABLE IF NOT EXISTS contributions (
    id INTEGER PRIMARY KEY,
    document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    ordinal INTEGER NOT NULL,
    symbol TEXT,
    symbol_printed TEXT,
    revision TEXT,
    type TEXT NOT NULL,
    title TEXT,
    section TEXT,
    summary TEXT NOT NULL,
    discussion TEXT NOT NULL,  -- JSON array of strings
    page INTEGER,
    line INTEGER  -- line of a text file
);
CREATE INDEX IF NOT EXISTS contributions_document ON contributions(document_id, ordinal);
CREATE INDEX IF NOT EXISTS contributions_symbol ON contributions(symbol);

CREATE TABLE IF NOT EXISTS submitters (
    id INTEGER PRIMARY KEY,
    contribution_id INTEGER NOT NULL REFERENCES contributions(id) ON DELETE CASCADE,
    ordinal INTEGER NOT NULL,
    name TEXT NOT NULL,
    iso3 TEXT
);
CREATE INDEX IF NOT EXISTS submitters_contribution ON submitters(contribution_id);
CREATE INDEX IF NOT EXISTS submitters_iso3 ON submitters(iso3);

CREATE TABLE IF NOT EXISTS positions (
    id INTEGER PRIMARY KEY,
    document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    ordinal INTEGER NOT NULL,
    section TEXT,
    contribution TEXT,
    topic TEXT,
    actor TEXT NOT NULL,
    actor_kind TEXT NOT NULL,
    quantifier TEXT,
    stance TEXT NOT NULL,
    cue TEXT NOT NULL,
    condition TEXT,
    text TEXT NOT NULL,
    page INTEGER,
    line INTEGER  -- line of a text file
);
CREATE INDEX IF NOT EXISTS positions_document ON positions(document_id, ordinal);
CREATE INDEX IF NOT EXISTS positions_contribution ON positions(contribution);

CREATE TABLE IF NOT EXISTS position_members (
    position_id INTEGER NOT NULL REFERENCES positions(id) ON DELETE CASCADE,
    ordinal INTEGER NOT NULL,
    iso3 TEXT NOT NULL,
    PRIMARY KEY (position_id, ordinal)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS position_members_iso3 ON position_members(iso3);

CREATE TABLE IF NOT EXISTS actions (
    id INTEGER PRIMARY KEY,
    document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    ordinal INTEGER NOT NULL,
    action_id TEXT,
    actor TEXT,
    addressee TEXT,
    text TEXT NOT NULL,
    due TEXT,
    section TEXT,
    source TEXT NOT NULL,
    related TEXT NOT NULL,  -- JSON array of contribution symbols
    page INTEGER,
    line INTEGER  -- line of a text file
);
CREATE INDEX IF NOT EXISTS actions_document ON actions(document_id, ordinal);

CREATE TABLE IF NOT EXISTS topics (
    id INTEGER PRIMARY KEY,
    document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    ordinal INTEGER NOT NULL,
    title TEXT NOT NULL,
    label TEXT,  -- "B" for "Topic B: …"
    normalized_title TEXT NOT NULL,
    revised_title TEXT,
    proposed_by TEXT NOT NULL,  -- JSON array of {{"name", "iso3"}}
    source TEXT,
    outcome TEXT,
    status TEXT,  -- agreed / deferred / not_agreed / supported
    section TEXT,
    page INTEGER,
    line INTEGER  -- line of a text file
);
CREATE INDEX IF NOT EXISTS topics_document ON topics(document_id, ordinal);
CREATE INDEX IF NOT EXISTS topics_normalized ON topics(normalized_title);

CREATE TABLE IF NOT EXISTS topic_questions (
    id INTEGER PRIMARY KEY,
    topic_id INTEGER NOT NULL REFERENCES topics(id) ON DELETE CASCADE,
    ordinal INTEGER NOT NULL,
    revised INTEGER NOT NULL DEFAULT 0,  -- 1: from revised_questions
    text TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS topic_questions_topic ON topic_questions(topic_id, revised, ordinal);

INSERT OR IGNORE INTO meta(key, value) VALUES ('schema_version', '{SCHEMA_VERSION}');
"""
