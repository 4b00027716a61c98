// @ts-check
/**
 * Prettier for the package, with the options of authentik's website (its shared Prettier
 * configuration): four spaces, 100 columns, trailing commas, imports sorted and grouped, and
 * package.json keys in a fixed order.
 *
 * @type {import("prettier").Config & Record<string, unknown>}
 */
const config = {
    arrowParens: "always",
    bracketSpacing: true,
    embeddedLanguageFormatting: "auto",
    htmlWhitespaceSensitivity: "css",
    jsxSingleQuote: false,
    printWidth: 100,
    proseWrap: "preserve",
    quoteProps: "consistent",
    semi: true,
    singleQuote: false,
    tabWidth: 4,
    trailingComma: "all",
    useTabs: false,
    plugins: ["prettier-plugin-packagejson", "@trivago/prettier-plugin-sort-imports"],
    importOrder: ["<THIRD_PARTY_MODULES>", "\\.css$", "^[./]"],
    importOrderSideEffects: false,
    importOrderSeparation: true,
    importOrderSortSpecifiers: true,
    importOrderParserPlugins: ["typescript", "jsx"],
    overrides: [{ files: "tsconfig.json", options: { trailingComma: "none" } }],
};

export default config;
