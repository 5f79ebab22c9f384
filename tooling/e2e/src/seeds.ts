// Where the seed articles are, from wherever a harness runs.
import { fileURLToPath } from "node:url";

export const seedsDir = fileURLToPath(new URL("../../../seeds", import.meta.url));
