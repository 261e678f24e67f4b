import { parentPort } from "node:worker_threads";
import { defaultExtractor } from "../runtime/extractor.js";
import type { WorkerReply, WorkerTask } from "./pool.js";

// Worker-thread entry: loads the extractor's resources once, then extracts documents on request.
const port = parentPort;
if (!port) throw new Error("worker.ts must run in a worker thread");
const extractor = defaultExtractor();
port.postMessage({ ready: true });
port.on("message", (task: WorkerTask) => {
  let reply: WorkerReply;
  try {
    reply = { id: task.id, extraction: extractor.extract(task.input) };
  } catch (e) {
    reply = { id: task.id, error: e instanceof Error ? `${e.name}: ${e.message}` : String(e), input: e instanceof RangeError };
  }
  port.postMessage(reply);
});
