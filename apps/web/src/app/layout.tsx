// The root layout only passes through: [locale]/layout renders <html> so each language gets its lang and dir.
import type { ReactNode } from "react";

export default function RootLayout({ children }: { children: ReactNode }) {
  return children;
}
