// The accounts the admin e2e tests sign in with (created fresh in the throwaway test database).
export const ADMIN_USER = { email: "admin@minbar.test", name: "مدير الاختبار", password: "correct horse battery staple" } as const;

/** Signs in, then is disabled by the test while the session cookie is still valid. */
export const EDITOR_USER = { email: "editor@minbar.test", name: "Editor", password: "another long passphrase" } as const;
