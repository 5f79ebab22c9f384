// Every permission of the catalogue appears in exactly one area of the roles page, so none is left unoffered.
import { describe, expect, it } from "vitest";
import { PERMISSIONS } from "@minbar/db/permissions";
import { PERMISSION_AREAS } from "./permission-areas.ts";

describe("permission areas", () => {
  it("hold each permission exactly once", () => {
    const listed = PERMISSION_AREAS.flatMap((area) => [...area.permissions]);
    expect([...listed].sort()).toEqual([...PERMISSIONS].sort());
  });
});
