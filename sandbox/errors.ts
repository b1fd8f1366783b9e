/**
 * Error bodies: every non-2xx answer is `{fingerprint, errors: [{code, message, field?}]}` (see API.md).
 */
import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { ApiErrorBody } from '../src/schema/api-types.ts';

/** One entry of an error body. */
export interface ApiError {
  code: string;
  message: string;
  field?: string;
}

/** Builds an error body with a fresh fingerprint (an id to quote when reporting a problem). */
export function errorBody(errors: ApiError[]): ApiErrorBody {
  return { fingerprint: crypto.randomUUID(), errors };
}

/** Answers with one error. */
export function fail(c: Context, status: ContentfulStatusCode, code: string, message: string, field?: string): Response {
  const error: ApiError = field === undefined ? { code, message } : { code, message, field };
  return c.json(errorBody([error]), status);
}

/** Answers with several errors (e.g. one per invalid field on 422). */
export function failMany(c: Context, status: ContentfulStatusCode, errors: ApiError[]): Response {
  return c.json(errorBody(errors), status);
}

/** A plain error body response, for code outside a Hono context (fault injection, middleware). */
export function errorResponse(status: number, code: string, message: string): Response {
  return new Response(JSON.stringify(errorBody([{ code, message }])), {
    status,
    headers: { 'content-type': 'application/json' },
  });
}

/** Result of reading a JSON body: the value, or the 400 answer to send. */
export type JsonBody = { ok: true; value: Record<string, unknown> } | { ok: false; response: Response };

/** Whether the request says its body is JSON (`application/json`, any parameters). */
export function isJsonRequest(c: Context): boolean {
  const type = (c.req.header('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
  return type === 'application/json';
}

/**
 * `415 unsupported-media-type` for a body not sent as `application/json`: a cross-site form or
 * `text/plain` request (which a browser sends without a preflight) never reaches the JSON parser.
 */
export function notJson(c: Context): Response {
  return fail(c, 415, 'unsupported-media-type', 'Send the body as JSON, with Content-Type: application/json.');
}

/** How deep a request body may nest objects and arrays (step values nest far less: owners.0.idDocument is 5). */
const MAX_JSON_DEPTH = 32;

/** Whether `text` nests objects and arrays deeper than `max` (brackets inside strings do not count). */
function nestsDeeper(text: string, max: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i += 1) {
    const char = text[i];
    if (inString) {
      if (char === '\\') i += 1;
      else if (char === '"') inString = false;
    } else if (char === '"') inString = true;
    else if (char === '{' || char === '[') {
      if ((depth += 1) > max) return true;
    } else if (char === '}' || char === ']') depth -= 1;
  }
  return false;
}

/**
 * Parses a JSON request body: the value, or the `400 invalid-json` answer for one that is not JSON
 * or nests deeper than `MAX_JSON_DEPTH` (checked before parsing: nothing recurses through it later).
 */
export function parseJson(c: Context, text: string): { ok: true; value: unknown } | { ok: false; response: Response } {
  if (nestsDeeper(text, MAX_JSON_DEPTH)) {
    return { ok: false, response: fail(c, 400, 'invalid-json', `The request body nests objects and arrays deeper than ${MAX_JSON_DEPTH} levels.`) };
  }
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    return { ok: false, response: fail(c, 400, 'invalid-json', 'The request body is not valid JSON.') };
  }
}

/**
 * Reads a JSON object body: `415 unsupported-media-type` unless sent as `application/json`,
 * `400 invalid-json` for unparsable, too deeply nested or non-object bodies.
 */
export async function readJsonObject(c: Context): Promise<JsonBody> {
  if (!isJsonRequest(c)) return { ok: false, response: notJson(c) };
  const parsed = parseJson(c, await c.req.text());
  if (!parsed.ok) return parsed;
  const value = parsed.value;
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    return { ok: false, response: fail(c, 400, 'invalid-json', 'The request body must be a JSON object.') };
  }
  return { ok: true, value: value as Record<string, unknown> };
}
