// The one spelling of a request's address that the response cache keys and Next renders. Next decodes a path before
// routing, so `/n%65ws/5/%d9%84…`, `/./news/5/%D9%84…` and `/news/5/%D9%84…` are one page to it; were they three keys,
// every respelling of an article would cost a render and push a real page out of memory.

/** The query parameters the page at a path reads; null leaves the path's query as it is. */
export type QueryParamsFor = (pathname: string) => readonly string[] | null;

const ABSOLUTE_FORM = /^[a-z][a-z0-9+.-]*:\/\/[^/?#]*/i;
const PERCENT_ESCAPE = /%([0-9a-f]{2})/gi;
const UNRESERVED = /^[A-Za-z0-9\-._~]$/;

/**
 * The request target as the cache keys it: in origin form, without a fragment, its path in the normal form of RFC 3986
 * §6.2.2 (escapes in upper case, unreserved characters unescaped, dot segments removed), and its query reduced to the
 * parameters the page reads, in the order `queryParamsFor` names them.
 */
export function canonicalUrl(target: string, queryParamsFor: QueryParamsFor): string {
  let url = target.replace(ABSOLUTE_FORM, "");
  if (url === "") url = "/";
  const hash = url.indexOf("#");
  if (hash !== -1) url = url.slice(0, hash);
  const start = url.indexOf("?");
  const path = canonicalPath(start === -1 ? url : url.slice(0, start));
  if (start === -1) return path;
  const kept = queryParamsFor(path);
  if (kept === null) return `${path}${url.slice(start)}`;
  const query = new URLSearchParams(url.slice(start + 1));
  const normalized = new URLSearchParams();
  for (const name of kept) {
    const value = query.get(name);
    if (value !== null) normalized.set(name, value);
  }
  const search = normalized.toString();
  return search ? `${path}?${search}` : path;
}

function canonicalPath(path: string): string {
  if (!path.startsWith("/")) return path;
  const spelled = path.replace(PERCENT_ESCAPE, (escape, hex: string) => {
    const character = String.fromCharCode(parseInt(hex, 16));
    return UNRESERVED.test(character) ? character : escape.toUpperCase();
  });
  return removeDotSegments(spelled);
}

/** RFC 3986 §5.2.4 for a path that starts with "/": `.` goes, `..` takes the segment before it along. */
function removeDotSegments(path: string): string {
  const segments = path.split("/").slice(1);
  const output: string[] = [];
  segments.forEach((segment, index) => {
    const last = index === segments.length - 1;
    if (segment === "." || segment === "..") {
      if (segment === "..") output.pop();
      if (last) output.push("");
    } else output.push(segment);
  });
  return `/${output.join("/")}`;
}
