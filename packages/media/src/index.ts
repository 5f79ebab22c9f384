export * from "./intake.ts";
export * from "./renditions.ts";
export * from "./storage.ts";
export * from "./s3-storage.ts";
export * from "./storage-env.ts";
export * from "./rendition-set.ts";
export * from "./serve.ts";
