import { createHash } from "node:crypto";

/**
 * The FTS5 rowid of an event's evidence: 52 bits of a hash of the event id, so a document's
 * rows are deleted by rowid (FTS5 cannot look up its UNINDEXED event id column) without
 * depending on the events table's implicit rowids, which VACUUM may renumber.
 */
export function ftsRowid(eventId: string): number {
  return parseInt(createHash("sha256").update(eventId).digest("hex").slice(0, 13), 16);
}
