// Input limits shared by the parser and the CLI, so a huge file is refused before it is read or decoded.

/** Largest input the parser accepts: 1 MiB. A wire article is a few KiB; anything this big is not one. */
export const MAX_INPUT_BYTES = 1024 * 1024;
