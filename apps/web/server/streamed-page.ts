// For the server's tests: a document as Next's own React build streams it, with Suspense boundaries completed after
// the shell, so that React writes each of its streaming scripts ($RC, $RR with a stylesheet, $RX for a failure).
import { createRequire } from "node:module";
import { Writable } from "node:stream";
import type * as ReactModule from "react";
import type { ReactNode } from "react";
import type * as ReactDomServer from "react-dom/server";

const require = createRequire(import.meta.url);

/** The stylesheet the second boundary brings; React reveals that boundary once it has loaded. */
export const LATE_STYLESHEET = "/late.css";

/**
 * Streams the document into `sink` (a response, say): the shell with three fallbacks first, their content a moment
 * later — `late` in the first, `late` with a stylesheet in the second, a server failure in the third.
 */
export function streamDocument(sink: NodeJS.WritableStream, late = "streamed late"): Promise<void> {
  const React = require("next/dist/compiled/react") as typeof ReactModule;
  const { renderToPipeableStream } = require("next/dist/compiled/react-dom/server.node") as typeof ReactDomServer;
  const h = React.createElement;
  let release!: () => void;
  const gate = new Promise<void>((resolve) => (release = resolve));
  let ready = false;
  const Late = ({ children }: { children?: ReactNode }) => {
    if (!ready) throw gate;
    return h("p", null, late, children);
  };
  const Failing = (): ReactNode => {
    if (!ready) throw gate;
    throw new Error("failed on the server");
  };
  const boundary = (child: ReactNode) => h(React.Suspense, { fallback: h("span", null, "…") }, child);
  const page = h(
    "html",
    null,
    h(
      "body",
      null,
      boundary(h(Late)),
      boundary(h(Late, null, h("link", { rel: "stylesheet", href: LATE_STYLESHEET, precedence: "default" }))),
      boundary(h(Failing)),
    ),
  );
  return new Promise<void>((resolve, reject) => {
    sink.once("finish", resolve);
    const stream = renderToPipeableStream(page, {
      onShellReady() {
        stream.pipe(sink);
        setTimeout(() => {
          ready = true;
          release();
        }, 5);
      },
      onShellError: reject,
      onError: () => "digest",
    });
  });
}

/** The whole document, as a string. */
export async function renderStreamed(): Promise<string> {
  let html = "";
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      html += chunk.toString("utf8");
      done();
    },
  });
  await streamDocument(sink);
  return html;
}
