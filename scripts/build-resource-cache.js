// Part of `npm run build`: loads every resource from its data files (validating them) and writes the
// resource cache to dist/resource-cache/, which `sitrep extract` then reads (see src/runtime/resource-cache.ts).
import { createExtractor } from "../dist/runtime/extractor.js";

createExtractor({ resourceCache: { mode: "write" } });
