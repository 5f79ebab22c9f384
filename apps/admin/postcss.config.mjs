// PostCSS for Tailwind 4.
export default { plugins: { "@tailwindcss/postcss": {} } };
