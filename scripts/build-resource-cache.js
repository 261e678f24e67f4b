// Part of `npm run build`: loads every resource from its data files (validating them) and writes the
// resource cache to dist/resource-cache/, which `sitrep extract` then reads (see src/runtime/resource-cache.ts).
import { rmSync } from "node:fs";
import { createExtractor } from "../dist/runtime/extractor.js";
import { DEFAULT_CACHE_DIR } from "../dist/runtime/resource-cache.js";

rmSync(DEFAULT_CACHE_DIR, { recursive: true, force: true });
createExtractor({ resourceCache: { mode: "write" } });
