COPY actors FROM '{folder}/actors.csv' (FORMAT 'csv', allow_quoted_nulls false, force_not_null ('doc_id', 'text'), quote '"', delimiter ',', header 1);
COPY clusters FROM '{folder}/clusters.csv' (FORMAT 'csv', allow_quoted_nulls false, force_not_null 'cluster_id', quote '"', delimiter ',', header 1);
COPY cluster_members FROM '{folder}/cluster_members.csv' (FORMAT 'csv', allow_quoted_nulls false, force_not_null ('cluster_id', 'event_id'), quote '"', delimiter ',', header 1);
COPY documents FROM '{folder}/documents.csv' (FORMAT 'csv', allow_quoted_nulls false, force_not_null ('content_hash', 'text', 'ingested_at', 'doc_id'), quote '"', delimiter ',', header 1);
COPY events FROM '{folder}/events.csv' (FORMAT 'csv', allow_quoted_nulls false, force_not_null ('doc_id', 'cameo', 'record', 'event_id'), quote '"', delimiter ',', header 1);
COPY quotes FROM '{folder}/quotes.csv' (FORMAT 'csv', allow_quoted_nulls false, force_not_null ('doc_id', 'text', 'quote_id'), quote '"', delimiter ',', header 1);
COPY schema_version FROM '{folder}/schema_version.csv' (FORMAT 'csv', allow_quoted_nulls false, force_not_null 'version', quote '"', delimiter ',', header 1);
COPY sentences FROM '{folder}/sentences.csv' (FORMAT 'csv', allow_quoted_nulls false, force_not_null ('doc_id', 'sentence_index', 'text'), quote '"', delimiter ',', header 1);
