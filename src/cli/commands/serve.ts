import { parseArgs } from "node:util";
import { buildServer, warmUp } from "../../server/app.js";
import { defaultStoreLocation, openStore } from "../../store/open.js";
import { UsageError, type Command } from "../command.js";

export const serveCommand: Command = {
  name: "serve",
  summary: "Serve the HTTP API and the web UI over a store",
  usage: "sitrep serve [--port 8080] [--host 127.0.0.1] [--db sitrep.db|postgres://...] [--max-extract-bytes N]",
  async run(argv) {
    const { values, positionals } = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        port: { type: "string", default: process.env.PORT ?? "8080" },
        host: { type: "string", default: "127.0.0.1" },
        db: { type: "string" },
        "max-extract-bytes": { type: "string" },
        quiet: { type: "boolean", default: false },
      },
    });
    if (positionals.length > 0) throw new UsageError(`unexpected argument "${positionals[0]}"`);
    const port = Number(values.port);
    if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError(`--port must be a port number, not "${values.port}"`);
    const maxBytes = values["max-extract-bytes"] === undefined ? undefined : Number(values["max-extract-bytes"]);
    if (maxBytes !== undefined && (!Number.isInteger(maxBytes) || maxBytes < 1))
      throw new UsageError(`--max-extract-bytes must be a positive integer`);

    const store = await openStore(defaultStoreLocation(values.db));
    const app = await buildServer({ store, ...(maxBytes !== undefined ? { maxExtractBytes: maxBytes } : {}) });
    const address = await app.listen({ port, host: values.host });
    if (!values.quiet)
      process.stdout.write(`sitrep: serving ${store.location} at ${address.replace("127.0.0.1", "localhost")} (API docs: /api/docs)\n`);
    void warmUp(app).catch(() => undefined);
    await new Promise<void>((resolve) => {
      const stop = () => resolve();
      process.once("SIGINT", stop);
      process.once("SIGTERM", stop);
    });
    await app.close();
    await store.close();
    return 0;
  },
};
