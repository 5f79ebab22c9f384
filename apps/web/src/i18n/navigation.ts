// Locale-aware Link, redirect and pathname helpers bound to the site's routing.
import { createNavigation } from "next-intl/navigation";
import { routing } from "./routing";

export const { Link, redirect, permanentRedirect, usePathname, getPathname } = createNavigation(routing);
