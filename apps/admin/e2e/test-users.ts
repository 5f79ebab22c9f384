// The accounts the admin e2e tests sign in with (created fresh in the throwaway test database).
export const ADMIN_USER = {
  email: "admin@minbar.test",
  name: "مدير الاختبار",
  password: "correct horse battery staple",
} as const;

/** Signs in, then is disabled by the test while the session cookie is still valid. */
export const EDITOR_USER = {
  email: "editor@minbar.test",
  name: "Editor",
  password: "another long passphrase",
} as const;

/** The editorial journey's cast (never disabled by any test). */
export const WRITER_USER = {
  email: "writer@minbar.test",
  name: "كاتبة الاختبار",
  password: "writer passphrase for tests",
} as const;
export const DESK_EDITOR_USER = {
  email: "desk@minbar.test",
  name: "محرر المكتب",
  password: "desk editor passphrase",
} as const;
export const SECOND_EDITOR_USER = {
  email: "second@minbar.test",
  name: "Second Editor",
  password: "second editor passphrase",
} as const;
export const TRANSLATOR_USER = {
  email: "translator@minbar.test",
  name: "Переводчик",
  password: "translator passphrase",
} as const;
/** Signs in, then is disabled by the permission test while the session cookie is still valid. */
export const DISABLED_USER = {
  email: "soon-disabled@minbar.test",
  name: "Soon Disabled",
  password: "soon disabled passphrase",
} as const;
