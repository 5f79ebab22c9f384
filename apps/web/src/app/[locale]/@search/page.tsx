// The header's search box on the edition's front page; every other path is matched by [...rest]/page.tsx.
export { default } from "./[...rest]/page.tsx";
