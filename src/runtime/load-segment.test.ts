import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";
import { createSegmentStage } from "../stages/segment/index.js";
import { createDoc } from "../model/document.js";
import { loadSegmentResources, readCoreModel, WINK_MODEL_VERSION } from "./load-segment.js";

const require = createRequire(import.meta.url);

describe("load-segment", () => {
  it("reads the core model exactly as the package does", () => {
    const pkg = require("wink-eng-lite-web-model") as Record<string, unknown> & { core(): unknown };
    expect((require("wink-eng-lite-web-model/package.json") as { version: string }).version).toBe(WINK_MODEL_VERSION);
    expect(readCoreModel()).toStrictEqual(pkg.core());
    const ours = loadSegmentResources().model as unknown as Record<string, unknown>;
    expect(Object.keys(ours)).toEqual(Object.keys(pkg));
    for (const k of Object.keys(pkg)) if (k !== "core") expect(ours[k]).toStrictEqual(pkg[k]);
  });

  it("segments text as the package's model does", () => {
    const text =
      "BAGHDAD, Jan. 5, 2024 -- A U.S. drone strike killed two militia commanders in eastern Baghdad on Thursday, Iraqi officials said. " +
      "Maj. Gen. Yahya Rasool said the strikes weren't justified; units shot down 3 drones.\n";
    const doc = createDoc({ text, published: null });
    expect(createSegmentStage(loadSegmentResources()).run(doc)).toStrictEqual(createSegmentStage().run(doc));
  });
});
