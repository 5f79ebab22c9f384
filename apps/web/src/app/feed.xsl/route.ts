// /feed.xsl: the XSL stylesheet the Arabic edition's feeds name, rendering them as a page in a browser (lib/feed.ts).
import { feedStylesheetResponse } from "../../lib/feed.ts";

export const dynamic = "force-dynamic";

export function GET(): Promise<Response> {
  return feedStylesheetResponse("ar");
}
