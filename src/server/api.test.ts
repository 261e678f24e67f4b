import { runApiSuite } from "./api-suite.js";
import { fixtureStore } from "./test-support.js";

runApiSuite("SQLite", () => fixtureStore(":memory:"));
