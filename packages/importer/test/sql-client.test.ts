// Named parameters of the importer's statements become PostgreSQL's numbered ones, strictly.
import { expect, it } from "vitest";
import { namedStatement } from "../src/sql-client.ts";

it("numbers named parameters in order of first use, leaves casts alone, and orders the values to match", () => {
  const statement = namedStatement("s", "SELECT :b::text, :a::int, :b::text || 'x:y', ARRAY[:a]::int[]");
  expect(statement.text).toBe("SELECT $1::text, $2::int, $1::text || 'x:y', ARRAY[$2]::int[]");
  expect(statement.values({ a: 1, b: "two" })).toEqual(["two", 1]);
  expect(statement.values({ a: null, b: null })).toEqual([null, null]);
});

it("refuses values that leave a parameter out or name one the statement does not have", () => {
  const statement = namedStatement("s", "SELECT :a::int");
  expect(() => statement.values({})).toThrow("statement s: missing :a");
  expect(() => statement.values({ a: 1, c: 2 })).toThrow("statement s: unknown :c");
});
