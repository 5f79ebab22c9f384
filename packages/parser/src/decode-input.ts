// Turning raw input into text: size limit, binary detection, UTF-8 / UTF-16 / Windows-1256 decoding.

import { Buffer, isUtf8, transcode } from "node:buffer";
import { MAX_INPUT_BYTES } from "./limits.ts";
import type { ParseError, ParseWarning } from "./types.ts";

export type DecodedInput = { ok: true; text: string; warnings: ParseWarning[] } | { ok: false; error: ParseError };

const utf16le = new TextDecoder("utf-16le", { fatal: true });
const utf16be = new TextDecoder("utf-16be", { fatal: true });
// Node's full ICU ships this; the decoder maps every byte, so plausibility is judged on the result.
const windows1256 = new TextDecoder("windows-1256");

// A damaged or binary file shows NULs or many C0 controls; text shows at most a stray form feed or escape.
const MAX_CONTROL_SHARE = 0.01;
const MIN_CONTROLS_FOR_BINARY = 4;

function isControlCode(code: number): boolean {
  return code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0d && code !== 0x0c && code !== 0x0b;
}

function describeSize(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(2)} MiB`;
}

function fail(code: ParseError["code"], message: string): DecodedInput {
  return { ok: false, error: { code, message } };
}

function failTooLarge(bytes: number): DecodedInput {
  return fail(
    "too_large",
    `input is ${describeSize(bytes)}, over the ${describeSize(MAX_INPUT_BYTES)} limit (MAX_INPUT_BYTES)`,
  );
}

// Any NUL or C0 control other than tab, line feed, vertical tab, form feed and carriage return.
const CONTROL_TEST_RE = /[\u0000-\u0008\u000E-\u001F]/;

function checkControls(units: string | Uint8Array): DecodedInput | null {
  // Native scan first: almost every real file has no control character at all.
  if (typeof units === "string" && !CONTROL_TEST_RE.test(units)) return null;
  let controls = 0;
  const length = units.length;
  const isText = typeof units === "string";
  for (let i = 0; i < length; i++) {
    const code = isText ? units.charCodeAt(i) : (units[i] as number);
    if (code === 0)
      return fail("binary", `input contains a NUL character at position ${i}: binary data, not a text file`);
    if (isControlCode(code)) controls++;
  }
  if (controls >= MIN_CONTROLS_FOR_BINARY && controls > length * MAX_CONTROL_SHARE) {
    return fail("binary", `input contains ${controls} control characters: binary data, not a text file`);
  }
  return null;
}

// Arabic letters versus the Latin-1 letters and symbols Windows-1256 also encodes: real Arabic text is mostly the
// former, while UTF-8 damage or another legacy encoding decoded as 1256 yields a scatter of both.
function looksLikeArabic1256(text: string): boolean {
  let arabic = 0;
  let otherHigh = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) continue;
    if (code >= 0x0600 && code <= 0x06ff) arabic++;
    else if (code !== 0x00a0 && code !== 0x2013 && code !== 0x2014 && code !== 0x00ab && code !== 0x00bb) otherHigh++;
  }
  return arabic >= 2 && otherHigh <= arabic * 0.1;
}

/**
 * Decodes bytes already known to be valid UTF-8, through ICU's transcoder to UTF-16: V8's UTF-8 path is slow on
 * Arabic text (docs/decisions/0010-parser-fast-paths.md). Without ICU, the plain path is used.
 */
function decodeValidUtf8(bytes: Buffer): string {
  if (typeof transcode === "function") return transcode(bytes, "utf8", "ucs2").toString("ucs2");
  return bytes.toString("utf8");
}

function decodeUtf16(bytes: Uint8Array): DecodedInput {
  const bigEndian = bytes[0] === 0xfe;
  try {
    const text = (bigEndian ? utf16be : utf16le).decode(bytes.subarray(2));
    return {
      ok: true,
      text,
      warnings: [{ code: "transcoded", message: `input was UTF-16${bigEndian ? "BE" : "LE"}; converted to UTF-8` }],
    };
  } catch {
    return fail(
      "not_utf8",
      `input starts with a UTF-16${bigEndian ? "BE" : "LE"} byte-order mark but is not valid UTF-16`,
    );
  }
}

/** The `binary` refusal for decoded text with NULs or too many control characters, or null when it has neither. */
export function checkTextControls(text: string): ParseError | null {
  const controls = checkControls(text);
  return controls === null || controls.ok ? null : controls.error;
}

export type DecodeOptions = {
  /**
   * False leaves the control-character check of UTF-8 and string input to the caller, who must run checkTextControls
   * unless it knows the text has no C0 control character (parseArticle learns that while splitting lines).
   */
  checkTextControls?: boolean;
};

/**
 * Decodes file bytes, or checks an already-decoded string. Refuses inputs over MAX_INPUT_BYTES (`too_large`), binary
 * data (`binary`) and bytes that are neither UTF-8 nor Windows-1256 Arabic (`not_utf8`); Windows-1256 and UTF-16 with
 * a byte-order mark are converted, with a `transcoded` warning.
 */
export function decodeInput(input: string | Uint8Array, options: DecodeOptions = {}): DecodedInput {
  const checkText = options.checkTextControls ?? true;
  if (typeof input === "string") {
    // UTF-16 length never exceeds the UTF-8 byte length, so only long strings need measuring.
    if (input.length > MAX_INPUT_BYTES) return failTooLarge(Buffer.byteLength(input, "utf8"));
    if (input.length * 3 > MAX_INPUT_BYTES) {
      const bytes = Buffer.byteLength(input, "utf8");
      if (bytes > MAX_INPUT_BYTES) return failTooLarge(bytes);
    }
    const controls = checkText ? checkControls(input) : null;
    if (controls) return controls;
    return { ok: true, text: input, warnings: [] };
  }
  if (input.length > MAX_INPUT_BYTES) return failTooLarge(input.length);
  if (input.length >= 2 && ((input[0] === 0xff && input[1] === 0xfe) || (input[0] === 0xfe && input[1] === 0xff))) {
    const decoded = decodeUtf16(input);
    if (!decoded.ok) return decoded;
    const controls = checkControls(decoded.text);
    return controls ?? decoded;
  }
  // NUL and other controls are valid UTF-8, so they are looked for in the decoded text by a native regex scan.
  if (isUtf8(input)) {
    const text = decodeValidUtf8(Buffer.from(input.buffer, input.byteOffset, input.byteLength));
    return (checkText ? checkControls(text) : null) ?? { ok: true, text, warnings: [] };
  }
  const controls = checkControls(input);
  if (controls) return controls;
  const legacy = windows1256.decode(input);
  if (!looksLikeArabic1256(legacy)) {
    return fail("not_utf8", "input is not valid UTF-8 and does not read as Windows-1256 Arabic text");
  }
  return {
    ok: true,
    text: legacy,
    warnings: [{ code: "transcoded", message: "input was Windows-1256 (legacy Arabic encoding); converted to UTF-8" }],
  };
}
