import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { ZodError } from "zod";

/**
 * RFC 9457 problem details. Every error the API sends is one of these, with the
 * content type application/problem+json, from the one error handler below.
 */
export interface Problem {
  readonly type: string;
  readonly title: string;
  readonly status: number;
  readonly detail?: string;
  readonly instance?: string;
  /** For 400s: which parameter was wrong and why. */
  readonly errors?: readonly { readonly parameter: string; readonly message: string }[];
}

const TITLES: Record<number, string> = {
  400: "Bad request",
  404: "Not found",
  405: "Method not allowed",
  406: "Not acceptable",
  413: "Content too large",
  415: "Unsupported media type",
  422: "Unprocessable content",
  500: "Internal server error",
  503: "Service unavailable",
};

/** Thrown by routes for an expected client error; turned into problem JSON by the error handler. */
export class HttpProblem extends Error {
  override name = "HttpProblem";
  constructor(
    readonly status: number,
    readonly detail: string,
    readonly errors?: Problem["errors"],
  ) {
    super(detail);
  }
}

export const badRequest = (detail: string, errors?: Problem["errors"]) => new HttpProblem(400, detail, errors);
export const notFound = (detail: string) => new HttpProblem(404, detail);

/** Turns a zod error on query parameters or a body into a 400 that names each bad parameter. */
export function fromZod(error: ZodError, where: "query" | "body" | "path"): HttpProblem {
  const errors = error.issues.map((i) => ({ parameter: i.path.length > 0 ? i.path.join(".") : where, message: i.message }));
  const first = errors[0];
  return badRequest(first ? `invalid ${where} parameter "${first.parameter}": ${first.message}` : `invalid ${where}`, errors);
}

export function problem(status: number, detail?: string, instance?: string, errors?: Problem["errors"]): Problem {
  return {
    type: "about:blank",
    title: TITLES[status] ?? (status >= 500 ? "Server error" : "Client error"),
    status,
    ...(detail !== undefined ? { detail } : {}),
    ...(instance !== undefined ? { instance } : {}),
    ...(errors && errors.length > 0 ? { errors } : {}),
  };
}

export function sendProblem(reply: FastifyReply, body: Problem): FastifyReply {
  return reply.code(body.status).type("application/problem+json; charset=utf-8").send(JSON.stringify(body));
}

/** Fastify's own client errors (bad JSON, body too large, wrong content type) keep their 4xx status. */
function clientStatus(error: FastifyError): number | null {
  const s = error.statusCode;
  if (typeof s === "number" && s >= 400 && s < 500) return s;
  return null;
}

/** The one error handler: HttpProblem and Fastify's 4xx errors become problems; anything else is a logged 500. */
export function installErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError | HttpProblem, request: FastifyRequest, reply: FastifyReply) => {
    const instance = request.url.split("?")[0];
    if (error instanceof HttpProblem) return sendProblem(reply, problem(error.status, error.detail, instance, error.errors));
    const status = clientStatus(error as FastifyError);
    if (status !== null) {
      const detail = status === 413 ? `the request body is larger than the limit (${error.message})` : error.message;
      return sendProblem(reply, problem(status, detail, instance));
    }
    request.log.error({ err: error }, "internal error");
    return sendProblem(reply, problem(500, "an internal error occurred; it has been logged", instance));
  });
}
