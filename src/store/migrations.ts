import { sql, type Kysely, type Migration, type MigrationProvider } from "kysely";
import { ftsRowid } from "./fts.js";

export type Dialect = "sqlite" | "postgres";

/**
 * Versioned migrations, written with Kysely's schema builder so they run on SQLite and
 * PostgreSQL. Full-text search is dialect-specific: FTS5 tables on SQLite; on PostgreSQL GIN
 * indexes over to_tsvector (0002_postgres_fts; see `textSearch` in query.ts).
 * Never edit a released migration: add the next one.
 */
export function migrations(dialect: Dialect): Record<string, Migration> {
  const float = "double precision" as const;
  return {
    "0001_initial": {
      async up(db: Kysely<unknown>) {
        await db.schema
          .createTable("runs")
          .addColumn("id", "text", (c) => c.primaryKey())
          .addColumn("started_at", "text", (c) => c.notNull())
          .addColumn("finished_at", "text")
          .addColumn("sitrep_version", "text", (c) => c.notNull())
          .addColumn("pipeline", "text", (c) => c.notNull())
          .addColumn("config", "text", (c) => c.notNull())
          .addColumn("documents_added", "integer", (c) => c.notNull().defaultTo(0))
          .addColumn("documents_failed", "integer", (c) => c.notNull().defaultTo(0))
          .execute();

        await db.schema
          .createTable("documents")
          .addColumn("id", "text", (c) => c.primaryKey())
          .addColumn("hash", "text", (c) => c.notNull().unique())
          .addColumn("url", "text")
          .addColumn("title", "text")
          .addColumn("outlet", "text")
          .addColumn("published", "text")
          .addColumn("published_source", "text", (c) => c.notNull())
          .addColumn("origin", "text", (c) => c.notNull())
          .addColumn("text", "text", (c) => c.notNull())
          .addColumn("length", "integer", (c) => c.notNull())
          .addColumn("ingested_at", "text", (c) => c.notNull())
          .addColumn("run_id", "text", (c) => c.notNull())
          .execute();
        await db.schema.createIndex("documents_published").on("documents").columns(["published", "id"]).execute();
        await db.schema.createIndex("documents_url").on("documents").column("url").execute();

        await db.schema
          .createTable("extractions")
          .addColumn("doc_id", "text", (c) => c.primaryKey().references("documents.id").onDelete("cascade"))
          .addColumn("run_id", "text", (c) => c.notNull())
          .addColumn("pipeline", "text", (c) => c.notNull())
          .addColumn("layers", "text", (c) => c.notNull())
          .addColumn("event_count", "integer", (c) => c.notNull())
          .execute();

        await db.schema
          .createTable("entities")
          .addColumn("id", "text", (c) => c.primaryKey())
          .addColumn("name", "text", (c) => c.notNull())
          .addColumn("kind", "text", (c) => c.notNull())
          .addColumn("country", "text")
          .addColumn("sector", "text")
          .addColumn("wikidata", "text")
          .execute();

        await db.schema
          .createTable("places")
          .addColumn("id", "text", (c) => c.primaryKey())
          .addColumn("name", "text", (c) => c.notNull())
          .addColumn("country", "text")
          .addColumn("lat", float)
          .addColumn("lon", float)
          .addColumn("precision", "text", (c) => c.notNull())
          .execute();

        await db.schema
          .createTable("events")
          .addColumn("id", "text", (c) => c.primaryKey())
          .addColumn("doc_id", "text", (c) => c.notNull().references("documents.id").onDelete("cascade"))
          .addColumn("local_id", "text", (c) => c.notNull())
          .addColumn("type", "text", (c) => c.notNull())
          .addColumn("mode", "text")
          .addColumn("cameo", "text")
          .addColumn("acled", "text")
          .addColumn("date", "text")
          .addColumn("date_precision", "text")
          .addColumn("date_basis", "text")
          .addColumn("date_start", "text")
          .addColumn("date_end", "text")
          .addColumn("place_id", "text")
          .addColumn("place_name", "text")
          .addColumn("country", "text")
          .addColumn("lat", float)
          .addColumn("lon", float)
          .addColumn("geo_precision", "text")
          .addColumn("killed", float)
          .addColumn("killed_max", float)
          .addColumn("injured", float)
          .addColumn("injured_max", float)
          .addColumn("modality", "text", (c) => c.notNull())
          .addColumn("historical", "integer", (c) => c.notNull())
          .addColumn("confidence", float, (c) => c.notNull())
          .addColumn("evidence", "text", (c) => c.notNull())
          .addColumn("published", "text")
          .addColumn("data", "text", (c) => c.notNull())
          .addColumn("merged_id", "text")
          .execute();
        await db.schema.createIndex("events_doc").on("events").column("doc_id").execute();
        await db.schema.createIndex("events_merged").on("events").column("merged_id").execute();
        await db.schema.createIndex("events_type_date").on("events").columns(["type", "date_start"]).execute();

        await db.schema
          .createTable("event_actors")
          .addColumn("event_id", "text", (c) => c.notNull().references("events.id").onDelete("cascade"))
          .addColumn("role", "text", (c) => c.notNull())
          .addColumn("position", "integer", (c) => c.notNull())
          .addColumn("entity_id", "text")
          .addColumn("name", "text", (c) => c.notNull())
          .addColumn("country", "text")
          .addColumn("sector", "text")
          .addPrimaryKeyConstraint("event_actors_pk", ["event_id", "role", "position"])
          .execute();
        await db.schema.createIndex("event_actors_entity").on("event_actors").column("entity_id").execute();

        await db.schema
          .createTable("merged_events")
          .addColumn("id", "text", (c) => c.primaryKey())
          .addColumn("type", "text", (c) => c.notNull())
          .addColumn("mode", "text")
          .addColumn("cameo", "text")
          .addColumn("acled", "text")
          .addColumn("date", "text")
          .addColumn("date_precision", "text")
          .addColumn("country", "text")
          .addColumn("place_id", "text")
          .addColumn("location", "text")
          .addColumn("lat", float)
          .addColumn("lon", float)
          .addColumn("geo_precision", "text")
          .addColumn("actor1", "text")
          .addColumn("actor1_id", "text")
          .addColumn("actor1_country", "text")
          .addColumn("actor2", "text")
          .addColumn("actor2_id", "text")
          .addColumn("actor2_country", "text")
          .addColumn("killed_min", float)
          .addColumn("killed_max", float)
          .addColumn("injured_min", float)
          .addColumn("injured_max", float)
          .addColumn("modality", "text", (c) => c.notNull())
          .addColumn("historical", "integer", (c) => c.notNull())
          .addColumn("confidence", float, (c) => c.notNull())
          .addColumn("source_count", "integer", (c) => c.notNull())
          .addColumn("mention_count", "integer", (c) => c.notNull())
          .addColumn("first_report", "text")
          .addColumn("last_report", "text")
          .addColumn("evidence", "text", (c) => c.notNull())
          .addColumn("details", "text", (c) => c.notNull())
          .execute();
        // The query paths of `sitrep events`: newest first, optionally by type / country / place.
        await db.schema.createIndex("merged_date").on("merged_events").columns(["date", "id"]).execute();
        await db.schema.createIndex("merged_type_date").on("merged_events").columns(["type", "date"]).execute();
        await db.schema.createIndex("merged_country_date").on("merged_events").columns(["country", "date"]).execute();
        await db.schema.createIndex("merged_country_type_date").on("merged_events").columns(["country", "type", "date"]).execute();
        await db.schema.createIndex("merged_place").on("merged_events").columns(["place_id", "date"]).execute();
        await db.schema.createIndex("merged_sources").on("merged_events").columns(["source_count", "date"]).execute();

        await db.schema
          .createTable("merged_actors")
          .addColumn("merged_id", "text", (c) => c.notNull())
          .addColumn("role", "text", (c) => c.notNull())
          .addColumn("entity_id", "text")
          .addColumn("name", "text", (c) => c.notNull())
          .addColumn("country", "text")
          .addColumn("sector", "text")
          .execute();
        await db.schema.createIndex("merged_actors_merged").on("merged_actors").column("merged_id").execute();
        await db.schema.createIndex("merged_actors_entity").on("merged_actors").columns(["entity_id", "merged_id"]).execute();
        await db.schema.createIndex("merged_actors_country").on("merged_actors").columns(["country", "merged_id"]).execute();

        await db.schema
          .createTable("event_links")
          .addColumn("merged_id", "text", (c) => c.notNull())
          .addColumn("event_id", "text", (c) => c.primaryKey().references("events.id").onDelete("cascade"))
          .addColumn("doc_id", "text", (c) => c.notNull())
          .addColumn("score", float, (c) => c.notNull())
          .addColumn("features", "text", (c) => c.notNull())
          .execute();
        await db.schema.createIndex("event_links_merged").on("event_links").column("merged_id").execute();

        await db.schema
          .createTable("merge_splits")
          .addColumn("event_a", "text", (c) => c.notNull())
          .addColumn("event_b", "text", (c) => c.notNull())
          .addColumn("created_at", "text", (c) => c.notNull())
          .addPrimaryKeyConstraint("merge_splits_pk", ["event_a", "event_b"])
          .execute();

        await db.schema
          .createTable("quantities")
          .addColumn("id", dialect === "postgres" ? "serial" : "integer", (c) =>
            dialect === "postgres" ? c.primaryKey() : c.primaryKey().autoIncrement(),
          )
          .addColumn("doc_id", "text", (c) => c.notNull().references("documents.id").onDelete("cascade"))
          .addColumn("role", "text", (c) => c.notNull())
          .addColumn("value", float, (c) => c.notNull())
          .addColumn("max", float)
          .addColumn("from_value", float)
          .addColumn("qualifier", "text", (c) => c.notNull())
          .addColumn("unit", "text")
          .addColumn("text", "text", (c) => c.notNull())
          .addColumn("date", "text")
          .addColumn("country", "text")
          .addColumn("actors", "text", (c) => c.notNull())
          .addColumn("evidence", "text", (c) => c.notNull())
          .execute();
        await db.schema.createIndex("quantities_role_date").on("quantities").columns(["role", "date"]).execute();
        await db.schema.createIndex("quantities_doc").on("quantities").column("doc_id").execute();

        if (dialect === "sqlite") {
          await sql`CREATE VIRTUAL TABLE documents_fts USING fts5(doc_id UNINDEXED, title, text, tokenize = 'unicode61 remove_diacritics 2')`.execute(
            db,
          );
          await sql`CREATE VIRTUAL TABLE events_fts USING fts5(event_id UNINDEXED, evidence, tokenize = 'unicode61 remove_diacritics 2')`.execute(
            db,
          );
        }
      },
      async down(db: Kysely<unknown>) {
        if (dialect === "sqlite") {
          await sql`DROP TABLE IF EXISTS events_fts`.execute(db);
          await sql`DROP TABLE IF EXISTS documents_fts`.execute(db);
        }
        for (const t of [
          "quantities",
          "merge_splits",
          "event_links",
          "merged_actors",
          "merged_events",
          "event_actors",
          "events",
          "places",
          "entities",
          "extractions",
          "documents",
          "runs",
        ])
          await db.schema.dropTable(t).ifExists().execute();
      },
    },
    // Indexes for `sitrep events --sort killed` (measured with bench/query.ts on 1,000,000 events),
    // and event evidence rows keyed by a hash of the event id (see ftsRowid in write.ts).
    "0003_killed_indexes": {
      async up(db: Kysely<unknown>) {
        if (dialect === "sqlite") {
          const rows = await sql<{ id: string; evidence: string }>`SELECT id, evidence FROM events`.execute(db);
          await sql`DELETE FROM events_fts`.execute(db);
          for (const r of rows.rows)
            await sql`INSERT INTO events_fts (rowid, event_id, evidence) VALUES (${ftsRowid(r.id)}, ${r.id}, ${r.evidence})`.execute(db);
        }
        await db.schema.createIndex("merged_killed").on("merged_events").columns(["killed_max", "id"]).execute();
        await db.schema.createIndex("merged_type_killed").on("merged_events").columns(["type", "killed_max"]).execute();
      },
      async down(db: Kysely<unknown>) {
        await db.schema.dropIndex("merged_type_killed").ifExists().execute();
        await db.schema.dropIndex("merged_killed").ifExists().execute();
      },
    },
    // issue 6 (PostgreSQL backend): PostgreSQL's own full-text search. SQLite has FTS5 tables since 0001.
    "0002_postgres_fts": {
      async up(db: Kysely<unknown>) {
        if (dialect !== "postgres") return;
        for (const statement of POSTGRES_FTS_INDEXES) await sql.raw(statement).execute(db);
      },
      async down(db: Kysely<unknown>) {
        if (dialect !== "postgres") return;
        await sql`DROP INDEX IF EXISTS events_evidence_fts`.execute(db);
        await sql`DROP INDEX IF EXISTS documents_fts`.execute(db);
      },
    },
    // The event list's sort keys (date, id) in full after the type and country filters: a page
    // of ids is read from the index alone (no temporary sort for the id tie-break, no table rows
    // for skipped offsets; see queryEvents). They supersede the (type, date) and
    // (country, type, date) indexes of 0001, which are their prefixes. Measured with bench/api.ts.
    "0004_sort_covering_indexes": {
      async up(db: Kysely<unknown>) {
        await db.schema.createIndex("merged_type_date_id").ifNotExists().on("merged_events").columns(["type", "date", "id"]).execute();
        await db.schema
          .createIndex("merged_country_type_date_id")
          .ifNotExists()
          .on("merged_events")
          .columns(["country", "type", "date", "id"])
          .execute();
        await db.schema.dropIndex("merged_type_date").ifExists().execute();
        await db.schema.dropIndex("merged_country_type_date").ifExists().execute();
      },
      async down(db: Kysely<unknown>) {
        await db.schema.createIndex("merged_type_date").ifNotExists().on("merged_events").columns(["type", "date"]).execute();
        await db.schema
          .createIndex("merged_country_type_date")
          .ifNotExists()
          .on("merged_events")
          .columns(["country", "type", "date"])
          .execute();
        await db.schema.dropIndex("merged_country_type_date_id").ifExists().execute();
        await db.schema.dropIndex("merged_type_date_id").ifExists().execute();
      },
    },
  };
}

/**
 * PostgreSQL full-text search (issue 6): GIN expression indexes over `to_tsvector('simple', ...)`.
 * The 'simple' configuration lower-cases without stemming, like the FTS5 tables on SQLite, so a
 * query finds the same rows on both. The text is capped (POSTGRES_FTS_MAX_CHARS) because a
 * tsvector may not exceed 1 MB; the expressions must stay identical to those in query.ts.
 */
export const POSTGRES_FTS_MAX_CHARS = 300_000;
/** The indexed tsvector of an event's evidence; `table` qualifies the column in queries. */
export function postgresEventTsv(table = ""): string {
  const t = table ? `${table}.` : "";
  return `to_tsvector('simple', ${t}evidence)`;
}
/** The indexed tsvector of a document's title and text. */
export function postgresDocumentTsv(table = ""): string {
  const t = table ? `${table}.` : "";
  return `to_tsvector('simple', left(coalesce(${t}title, '') || ' ' || ${t}text, ${POSTGRES_FTS_MAX_CHARS}))`;
}
const POSTGRES_FTS_INDEXES = [
  `CREATE INDEX IF NOT EXISTS events_evidence_fts ON events USING gin ((${postgresEventTsv()}))`,
  `CREATE INDEX IF NOT EXISTS documents_fts ON documents USING gin ((${postgresDocumentTsv()}))`,
];

export function migrationProvider(dialect: Dialect): MigrationProvider {
  return { getMigrations: async () => migrations(dialect) };
}
