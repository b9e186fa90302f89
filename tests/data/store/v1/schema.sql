CREATE TABLE actors(doc_id VARCHAR NOT NULL, "text" VARCHAR NOT NULL, "name" VARCHAR, country VARCHAR, sector VARCHAR, code VARCHAR, "start" INTEGER, "end" INTEGER);
CREATE TABLE clusters(cluster_id VARCHAR PRIMARY KEY, founder_event_id VARCHAR, representative_event_id VARCHAR, date DATE, negated BOOLEAN, num_mentions INTEGER, num_articles INTEGER, num_sources INTEGER, first_seen TIMESTAMP, last_seen TIMESTAMP, first_added TIMESTAMP, source_country VARCHAR, source_sector VARCHAR, source_code VARCHAR, target_country VARCHAR, target_sector VARCHAR, target_code VARCHAR, cameo VARCHAR, cameo_root VARCHAR, plover VARCHAR, quad_class INTEGER, goldstein DOUBLE);
CREATE TABLE cluster_members(event_id VARCHAR PRIMARY KEY, cluster_id VARCHAR NOT NULL);
CREATE TABLE documents(doc_id VARCHAR PRIMARY KEY, content_hash VARCHAR NOT NULL, title VARCHAR, date DATE, "source" VARCHAR, url VARCHAR, "language" VARCHAR, path VARCHAR, "text" VARCHAR NOT NULL, ingested_at TIMESTAMP NOT NULL);
CREATE TABLE events(event_id VARCHAR PRIMARY KEY, doc_id VARCHAR NOT NULL, sentence_index INTEGER, sentence VARCHAR, source_text VARCHAR, source_name VARCHAR, source_country VARCHAR, source_sector VARCHAR, source_code VARCHAR, target_text VARCHAR, target_name VARCHAR, target_country VARCHAR, target_sector VARCHAR, target_code VARCHAR, cameo VARCHAR NOT NULL, cameo_root VARCHAR, cameo_name VARCHAR, plover VARCHAR, plover_mode VARCHAR, goldstein DOUBLE, quad_class INTEGER, date DATE, date_precision VARCHAR, negated BOOLEAN, modality VARCHAR, confidence DOUBLE, coder VARCHAR, trigger_text VARCHAR, trigger_start INTEGER, trigger_end INTEGER, ontology_version VARCHAR, detente_version VARCHAR, "location" JSON, quote_id VARCHAR, record JSON NOT NULL);
CREATE TABLE quotes(quote_id VARCHAR PRIMARY KEY, doc_id VARCHAR NOT NULL, speaker_text VARCHAR, speaker_name VARCHAR, speaker_country VARCHAR, speaker_sector VARCHAR, speaker_code VARCHAR, "text" VARCHAR NOT NULL, "start" INTEGER, "end" INTEGER, kind VARCHAR, verb VARCHAR);
CREATE TABLE schema_version("version" INTEGER NOT NULL);
CREATE TABLE sentences(doc_id VARCHAR NOT NULL, sentence_index INTEGER NOT NULL, "text" VARCHAR NOT NULL, "start" INTEGER, "end" INTEGER);
CREATE INDEX actors_doc ON actors(doc_id);
CREATE INDEX documents_hash ON documents(content_hash);
CREATE INDEX events_doc ON events(doc_id);
CREATE INDEX quotes_doc ON quotes(doc_id);
CREATE INDEX sentences_doc ON sentences(doc_id);

