// What a backup reads from PostgreSQL's catalog: the tables of the public schema, their columns, keys, foreign keys
// and sequences. The migrations' own bookkeeping is not data: each database records the migrations applied to it.
import type pg from "pg";

export const MIGRATIONS_TABLE = "_prisma_migrations";

export type TableInfo = {
  name: string;
  /** The columns a COPY writes and reads: every column but generated ones, which the database computes. */
  columns: string[];
  primaryKey: string[];
};

export function quoteIdentifier(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

export function columnList(columns: string[]): string {
  return columns.map(quoteIdentifier).join(", ");
}

/** The data tables, by name. */
export async function listTables(client: pg.ClientBase): Promise<TableInfo[]> {
  const { rows } = await client.query<{ name: string; columns: string[]; primary_key: string[] | null }>(
    `SELECT t.table_name AS name,
            array(SELECT c.column_name::text FROM information_schema.columns c
                  WHERE c.table_schema = t.table_schema AND c.table_name = t.table_name AND c.is_generated = 'NEVER'
                  ORDER BY c.ordinal_position) AS columns,
            array(SELECT a.attname::text FROM pg_index i
                  JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = ANY (i.indkey)
                  WHERE i.indrelid = format('%I.%I', t.table_schema, t.table_name)::regclass AND i.indisprimary
                  ORDER BY array_position(i.indkey, a.attnum)) AS primary_key
     FROM information_schema.tables t
     WHERE t.table_schema = 'public' AND t.table_type = 'BASE TABLE' AND t.table_name <> $1
     ORDER BY t.table_name`,
    [MIGRATIONS_TABLE],
  );
  return rows.map((row) => ({ name: row.name, columns: row.columns, primaryKey: row.primary_key ?? [] }));
}

/** `ORDER BY` the primary key, so the same data always gives the same file. */
export function orderByKey(table: TableInfo): string {
  const key = table.primaryKey.length > 0 ? table.primaryKey : table.columns;
  return key.length > 0 ? ` ORDER BY ${columnList(key)}` : "";
}

/** Every foreign key of the public schema, as `ALTER TABLE … ADD CONSTRAINT` takes it back. */
export async function foreignKeys(
  client: pg.ClientBase,
): Promise<{ table: string; name: string; definition: string }[]> {
  const { rows } = await client.query<{ table: string; name: string; definition: string }>(
    `SELECT c.conrelid::regclass::text AS table, quote_ident(c.conname) AS name,
            pg_get_constraintdef(c.oid) AS definition
     FROM pg_constraint c JOIN pg_namespace n ON n.oid = c.connamespace
     WHERE c.contype = 'f' AND n.nspname = 'public'
     ORDER BY 1, 2`,
  );
  return rows;
}

/** Every sequence a column owns (serial and identity columns), with that column. */
export async function ownedSequences(
  client: pg.ClientBase,
): Promise<{ sequence: string; table: string; column: string }[]> {
  const { rows } = await client.query<{ sequence: string; table: string; column: string }>(
    `SELECT s.oid::regclass::text AS sequence, t.relname AS table, a.attname AS column
     FROM pg_class s
     JOIN pg_depend d ON d.objid = s.oid AND d.classid = 'pg_class'::regclass AND d.refclassid = 'pg_class'::regclass
     JOIN pg_class t ON t.oid = d.refobjid
     JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = d.refobjsubid
     JOIN pg_namespace n ON n.oid = t.relnamespace
     WHERE s.relkind = 'S' AND n.nspname = 'public' AND d.deptype IN ('a', 'i')
     ORDER BY 1`,
  );
  return rows;
}

export async function recordedMigrations(client: pg.ClientBase): Promise<{ name: string; checksum: string }[]> {
  const { rows: exists } = await client.query(
    "SELECT 1 FROM information_schema.tables WHERE table_schema = 'public' AND table_name = $1",
    [MIGRATIONS_TABLE],
  );
  if (exists.length === 0) return [];
  const { rows } = await client.query<{ name: string; checksum: string }>(
    `SELECT migration_name AS name, checksum FROM ${quoteIdentifier(MIGRATIONS_TABLE)}
     WHERE rolled_back_at IS NULL AND finished_at IS NOT NULL ORDER BY migration_name`,
  );
  return rows;
}
