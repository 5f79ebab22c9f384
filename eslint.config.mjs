// One lint configuration for the whole repository: typescript-eslint with type information for the rules that
// need it (floating promises, exhaustive switches), and Prettier owning layout (eslint-config-prettier).
import js from "@eslint/js";
import nextPlugin from "@next/eslint-plugin-next";
import prettier from "eslint-config-prettier";
import reactHooks from "eslint-plugin-react-hooks";
import tseslint from "typescript-eslint";

// Relative imports name their file, extension included: the same specifier works in Next's bundler, tsx and
// Node's own type stripping.
const extensionlessRelativeImport = "Literal[value=/^\\.{1,2}\\u002F/][value!=/\\.(ts|tsx|mjs|js|json|css)$/]";

export default tseslint.config(
  {
    ignores: [
      "**/node_modules/",
      "**/.next/",
      "**/.turbo/",
      "**/dist/",
      "**/coverage/",
      "**/playwright-report/",
      "**/test-results/",
      "packages/db/src/generated/",
      ".data/",
      "**/next-env.d.ts",
    ],
  },
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    files: ["**/*.{ts,tsx,mts}"],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      "@typescript-eslint/no-floating-promises": "error",
      "@typescript-eslint/no-misused-promises": ["error", { checksVoidReturn: { attributes: false } }],
      "@typescript-eslint/await-thenable": "error",
      "@typescript-eslint/switch-exhaustiveness-check": [
        "error",
        { considerDefaultExhaustiveForUnions: false, requireDefaultForNonUnion: false },
      ],
      "@typescript-eslint/no-unnecessary-type-assertion": "error",
    },
  },
  {
    rules: {
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_", caughtErrorsIgnorePattern: "^_", ignoreRestSiblings: true },
      ],
      "@typescript-eslint/consistent-type-imports": ["error", { fixStyle: "inline-type-imports" }],
      "no-restricted-syntax": [
        "error",
        {
          selector: `ImportDeclaration > ${extensionlessRelativeImport}`,
          message: "Relative imports carry the file's extension (./module.ts).",
        },
        {
          selector: `ExportNamedDeclaration > ${extensionlessRelativeImport}`,
          message: "Relative imports carry the file's extension (./module.ts).",
        },
        {
          selector: `ExportAllDeclaration > ${extensionlessRelativeImport}`,
          message: "Relative imports carry the file's extension (./module.ts).",
        },
        {
          selector: `ImportExpression > ${extensionlessRelativeImport}`,
          message: "Relative imports carry the file's extension (./module.ts).",
        },
      ],
      "no-restricted-properties": [
        "error",
        { object: "process", property: "env", message: "Read the environment in this package's env.ts only." },
      ],
    },
  },
  {
    files: ["**/env.ts", "**/env.mjs"],
    rules: { "no-restricted-properties": "off" },
  },
  {
    // Production code never loads test tooling.
    files: ["apps/*/src/**", "packages/*/src/**", "scripts/**"],
    ignores: ["**/*.test.ts", "**/*.test.tsx", "**/testing.ts", "**/test-*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            { group: ["@minbar/e2e", "@minbar/e2e/*"], message: "Test tooling stays out of production code." },
          ],
        },
      ],
    },
  },
  {
    // The public site reads; it never loads password hashing or the editorial use cases (its tests may use tooling).
    files: ["apps/web/src/**", "apps/web/server/**"],
    ignores: ["**/*.test.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          paths: ["@node-rs/argon2", "@minbar/db/accounts", "@minbar/db/editorial", "@minbar/db/importing"].map(
            (name) => ({ name, message: "The public site imports @minbar/db/public and @minbar/db/client only." }),
          ),
          patterns: [{ group: ["@minbar/e2e", "@minbar/e2e/*", "@minbar/db/testing"], message: "Test tooling." }],
        },
      ],
    },
  },
  {
    // Wire copy arrives with stray control characters; finding and removing them is the parser's job.
    files: ["packages/parser/src/**"],
    rules: { "no-control-regex": "off" },
  },
  {
    files: ["apps/**/*.{ts,tsx}"],
    plugins: { "@next/next": nextPlugin },
    rules: {
      ...nextPlugin.configs.recommended.rules,
      ...nextPlugin.configs["core-web-vitals"].rules,
      // The apps use the App Router only; there is no pages/ directory to check links against.
      "@next/next/no-html-link-for-pages": "off",
    },
  },
  {
    files: ["apps/**/*.tsx"],
    ...reactHooks.configs.flat["recommended-latest"],
  },
  {
    files: ["**/*.{js,mjs,cjs}"],
    languageOptions: { globals: { process: "readonly", console: "readonly", URL: "readonly" } },
  },
  prettier,
);
