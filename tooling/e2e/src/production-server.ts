// The production server as Playwright's webServer starts it: one shell command line (see @minbar/production-server).
import { productionServerArgs } from "@minbar/production-server";

/** The command that serves appDir's production build on hostname:port. */
export function productionServerCommand(appDir: string, port: number, hostname = "localhost"): string {
  const quote = (arg: string) => (/^[\w@%+=:,./-]+$/.test(arg) ? arg : `'${arg.replaceAll("'", `'\\''`)}'`);
  return [process.execPath, ...productionServerArgs(appDir, port, hostname)].map(quote).join(" ");
}
