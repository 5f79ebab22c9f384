// The section links on the edition's front page; every other path is matched by [...rest]/page.tsx.
export { default } from "./[...rest]/page.tsx";
