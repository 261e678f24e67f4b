import { readFileSync, statSync } from "node:fs";

/** A user-facing input problem: the CLI prints the message and exits 2. */
export class InputError extends Error {
  override name = "InputError";
}

export const MAX_TEXT_BYTES = 64 * 1024 * 1024;

/**
 * Decodes bytes as text and refuses what is not text: empty input, binary data (NUL
 * bytes or a high share of control characters) and invalid UTF-8 (unless it decodes
 * as UTF-16 with a byte-order mark). A UTF-8 BOM is dropped.
 */
export function decodeText(bytes: Uint8Array, label: string): string {
  if (bytes.length === 0) throw new InputError(`${label}: the input is empty`);
  if (bytes.length > MAX_TEXT_BYTES) throw new InputError(`${label}: the input is ${bytes.length} bytes; the limit is ${MAX_TEXT_BYTES}`);
  let text: string;
  if (bytes[0] === 0xff && bytes[1] === 0xfe) text = new TextDecoder("utf-16le").decode(bytes.subarray(2));
  else if (bytes[0] === 0xfe && bytes[1] === 0xff) text = new TextDecoder("utf-16be").decode(bytes.subarray(2));
  else {
    if (bytes.includes(0)) throw new InputError(`${label}: looks like a binary file (it contains NUL bytes), not text`);
    try {
      text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
    } catch {
      throw new InputError(`${label}: is not valid UTF-8 text (convert it to UTF-8 first, e.g. with iconv)`);
    }
    if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  }
  const sample = text.slice(0, 4096);
  let control = 0;
  for (let i = 0; i < sample.length; i++) {
    const c = sample.charCodeAt(i);
    if (c < 32 && c !== 9 && c !== 10 && c !== 13 && c !== 12) control++;
  }
  if (control > sample.length * 0.05) throw new InputError(`${label}: looks like a binary file (many control characters), not text`);
  if (text.trim().length === 0) throw new InputError(`${label}: the input has no text (only whitespace)`);
  return text;
}

/** Reads a file (or "-" for standard input) as text. */
export function readTextInput(path: string): string {
  if (path === "-") return decodeText(readFileSync(0), "standard input");
  let size: number;
  try {
    const st = statSync(path);
    if (st.isDirectory()) throw new InputError(`${path}: is a directory, not a file`);
    size = st.size;
  } catch (e) {
    if (e instanceof InputError) throw e;
    throw new InputError(`${path}: cannot be read (${(e as NodeJS.ErrnoException).code ?? String(e)})`);
  }
  if (size > MAX_TEXT_BYTES) throw new InputError(`${path}: the file is ${size} bytes; the limit is ${MAX_TEXT_BYTES}`);
  return decodeText(readFileSync(path), path);
}
