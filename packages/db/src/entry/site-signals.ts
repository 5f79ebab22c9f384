// @minbar/db/site-signals: articles whose change the public site has not confirmed yet, kept for a retry.
export * from "../site-signals/pending-site-signals.ts";
