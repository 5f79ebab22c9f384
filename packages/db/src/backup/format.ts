// What a backup is made of: `manifest.json` (written last, so an unfinished backup has none), one COPY text file
// per table under `db/`, and the media objects under `media/`, each listed with its size and sha256.
import { createHash } from "node:crypto";
import { z } from "zod";

export const MANIFEST_KEY = "manifest.json";
export const FORMAT = "minbar-backup";
export const FORMAT_VERSION = 1;

const fileEntry = { key: z.string(), bytes: z.number().int().min(0), sha256: z.string().regex(/^[0-9a-f]{64}$/) };

const manifestSchema = z.object({
  format: z.literal(FORMAT),
  version: z.literal(FORMAT_VERSION),
  createdAt: z.string(),
  /** The schema the data belongs to: `_prisma_migrations` of the source, in the order applied. */
  migrations: z.array(z.object({ name: z.string(), checksum: z.string() })),
  tables: z.array(
    z.object({ name: z.string(), columns: z.array(z.string()), rows: z.number().int().min(0), ...fileEntry }),
  ),
  media: z.array(z.object(fileEntry)),
});

export type Manifest = z.infer<typeof manifestSchema>;
export type TableEntry = Manifest["tables"][number];
export type MediaEntry = Manifest["media"][number];

export class BackupError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "BackupError";
  }
}

export function sha256(data: Uint8Array): string {
  return createHash("sha256").update(data).digest("hex");
}

export function tableKey(table: string): string {
  return `db/${table}.copy`;
}

export function mediaKey(key: string): string {
  return `media/${key}`;
}

export function parseManifest(bytes: Buffer | null): Manifest {
  if (!bytes) throw new BackupError(`no ${MANIFEST_KEY}: not a backup, or one that did not finish`);
  let json: unknown;
  try {
    json = JSON.parse(bytes.toString("utf8"));
  } catch {
    throw new BackupError(`${MANIFEST_KEY} is not JSON (damaged?)`);
  }
  const parsed = manifestSchema.safeParse(json);
  if (!parsed.success) {
    const problem = parsed.error.issues[0];
    throw new BackupError(
      `${MANIFEST_KEY} is not a Minbar backup manifest (${problem?.path.join(".")}: ${problem?.message})`,
    );
  }
  return parsed.data;
}

/** Refuses `data` unless it is the file the manifest lists, naming what it belongs to. */
export function verifyFile(
  what: string,
  entry: { key: string; bytes: number; sha256: string },
  data: Buffer | null,
): Buffer {
  if (!data) throw new BackupError(`${what}: ${entry.key} is missing`);
  if (data.length !== entry.bytes)
    throw new BackupError(
      `${what}: ${entry.key} has ${data.length} bytes, the manifest says ${entry.bytes} (truncated?)`,
    );
  if (sha256(data) !== entry.sha256) throw new BackupError(`${what}: checksum mismatch in ${entry.key}`);
  return data;
}

const ESCAPES: Record<string, string> = { b: "\b", f: "\f", n: "\n", r: "\r", t: "\t", v: "\v" };

/**
 * The rows of COPY's text format (tab-separated, `\N` for NULL, backslash escapes), for servers that cannot take
 * COPY FROM STDIN (the embedded PGlite). Fields come back as the text the column's type reads.
 */
export function parseCopyText(text: string): (string | null)[][] {
  const rows: (string | null)[][] = [];
  for (const line of text.split("\n")) {
    if (line === "") continue;
    rows.push(line.split("\t").map(unescapeField));
  }
  return rows;
}

function unescapeField(field: string): string | null {
  if (field === "\\N") return null;
  // COPY TO writes only these one-letter escapes (never octal or hex ones), and a backslash before itself.
  return field.replace(/\\(.)/gs, (_, char: string) => ESCAPES[char] ?? char);
}
