import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

/** The project root (works from src/ under tsx and from dist/ after the build). */
export const PROJECT_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..", "..");
export const DATA_DIR = join(PROJECT_ROOT, "data");
/** Public gold data lives beside the project, never inside it. */
export const SHARED_BENCH_DIR = resolve(PROJECT_ROOT, "..", "shared", "bench");
