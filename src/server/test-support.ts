import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ingest } from "../ingest/index.js";
import { openStore, type Store } from "../store/index.js";

/**
 * A small corpus for the API and browser tests, written for them: two reports of the same
 * strike (to exercise merging), casualty figures, troop levels, a month-precision date, and
 * an article whose text carries markup that must stay inert.
 */
export const XSS_TITLE = "Markup in an article";
export const XSS_TEXT = `GENEVA, March 12, 2024 — A statement posted by the group read <script>window.__sitrepPwned = 1</script> and <img src=x onerror="window.__sitrepPwned = 2"> before it was taken down.
Swiss police arrested two men in Geneva on Tuesday, officials said.`;

export const FIXTURE_ARTICLES = [
  {
    id: "kharkiv-a",
    title: "Strike on Kharkiv",
    outlet: "Wire One",
    url: "https://example.org/kharkiv-a",
    published: "2024-03-03",
    text: `KYIV, March 3, 2024 — Russian forces shelled the city of Kharkiv on Saturday, killing at least five civilians and wounding 12, regional officials said.
Ukraine's foreign minister accused Moscow of targeting residential areas and called on the United Nations to act.`,
  },
  {
    id: "kharkiv-b",
    title: "Kharkiv shelled",
    outlet: "Daily Two",
    url: "https://example.org/kharkiv-b",
    published: "2024-03-04",
    text: `KHARKIV, March 4, 2024 — Russian artillery shelled Kharkiv on Saturday, killing six civilians, the regional governor said.
In February, Russia deployed about 3,000 troops to the Belgorod region near the border.`,
  },
  {
    id: "iraq",
    title: "Drone strike in Baghdad",
    outlet: "Tigris Post",
    url: "https://example.org/baghdad",
    published: "2024-01-05",
    text: `BAGHDAD, Jan. 5, 2024 — A US drone strike hit the headquarters of an Iraqi militia in eastern Baghdad on Thursday, killing three people, including a commander.
Iraqi Prime Minister Mohammed Shia al-Sudani condemned the attack and demanded the withdrawal of US troops. The United States has about 2,500 troops in Iraq.`,
  },
  {
    id: "sudan",
    title: "Fighting in El Fasher",
    outlet: "Nile Desk",
    url: "https://example.org/el-fasher",
    published: "2024-05-20",
    text: `KHARTOUM, May 20, 2024 — The Rapid Support Forces attacked the city of El Fasher in North Darfur on Sunday, killing at least 27 people, medical sources said.
The Sudanese army said it repelled the attack. The United Nations called on both sides to agree to a ceasefire.`,
  },
  { id: "markup", title: XSS_TITLE, outlet: "Lake Wire", url: "javascript:alert(1)", published: "2024-03-12", text: XSS_TEXT },
] as const;

/** Writes the fixture corpus as JSON Lines into a fresh temporary folder and returns the file's path. */
export function writeFixtureCorpus(): string {
  const dir = mkdtempSync(join(tmpdir(), "sitrep-fixture-"));
  const path = join(dir, "corpus.jsonl");
  writeFileSync(path, FIXTURE_ARTICLES.map((a) => JSON.stringify(a)).join("\n") + "\n");
  return path;
}

/** A store with the fixture corpus ingested (through the real ingest path, in this thread). */
export async function fixtureStore(location = ":memory:"): Promise<Store> {
  const store = await openStore(location);
  await ingest(store, [writeFixtureCorpus()], { workers: 0 });
  return store;
}
