// @ts-check
/**
 * ESLint for the package, as strict as authentik's website lint (its shared ESLint
 * configuration): ESLint's and typescript-eslint's recommended rules, React's recommended rules,
 * the React hooks plugin's recommended rules (including the React Compiler's, such as
 * react-hooks/set-state-in-effect), and the stricter JavaScript rules listed below. Warnings
 * fail the check too (`--max-warnings 0`).
 */
import eslint from "@eslint/js";
import react from "eslint-plugin-react";
import reactHooks from "eslint-plugin-react-hooks";
import { defineConfig, globalIgnores } from "eslint/config";
import tseslint from "typescript-eslint";

const files = ["**/*.{js,jsx,mjs,cjs,ts,tsx}"];

export default defineConfig(
    globalIgnores(["lib/", "playground/", "node_modules/"]),
    eslint.configs.recommended,
    {
        rules: {
            "array-callback-return": "error",
            "block-scoped-var": "error",
            "consistent-return": ["error", { treatUndefinedAsUnspecified: false }],
            "consistent-this": ["error", "that"],
            "dot-notation": ["error", { allowKeywords: true }],
            "eqeqeq": "error",
            "func-names": ["error", "as-needed"],
            "guard-for-in": "error",
            "max-depth": ["error", 4],
            "max-nested-callbacks": ["error", 4],
            "max-params": ["error", 5],
            "no-alert": "error",
            "no-array-constructor": "error",
            "no-bitwise": ["error", { allow: ["~"], int32Hint: true }],
            "no-caller": "error",
            "no-console": ["error", { allow: ["debug", "warn", "error"] }],
            "no-div-regex": "error",
            "no-else-return": "error",
            "no-empty-function": ["error", { allow: ["constructors"] }],
            "no-eq-null": "error",
            "no-eval": "error",
            "no-extend-native": "error",
            "no-extra-bind": "error",
            "no-extra-label": "error",
            "no-implicit-coercion": "error",
            "no-implicit-globals": "error",
            "no-implied-eval": "error",
            "no-inner-declarations": ["error", "functions"],
            "no-iterator": "error",
            "no-label-var": "error",
            "no-labels": "error",
            "no-lone-blocks": "error",
            "no-lonely-if": "error",
            "no-loop-func": "error",
            "no-multi-str": "error",
            "no-new": "error",
            "no-new-func": "error",
            "no-new-wrappers": "error",
            "no-octal-escape": "error",
            "no-param-reassign": ["error", { props: false }],
            "no-proto": "error",
            "no-restricted-syntax": ["error", "WithStatement"],
            "no-script-url": "error",
            "no-self-compare": "error",
            "no-sequences": "error",
            "no-throw-literal": "error",
            "no-unmodified-loop-condition": "error",
            "no-unneeded-ternary": "error",
            "no-unused-expressions": "error",
            "no-use-before-define": "error",
            "no-useless-call": "error",
            "no-useless-constructor": "error",
            "no-var": "error",
            "no-void": "error",
            "prefer-arrow-callback": "error",
            "prefer-const": "error",
            "prefer-rest-params": "error",
            "prefer-spread": "error",
            "prefer-template": "error",
            "radix": "error",
            "strict": ["error", "global"],
            "vars-on-top": "error",
            "yoda": ["error", "never"],
        },
    },
    ...tseslint.configs.recommended,
    {
        rules: {
            "@typescript-eslint/ban-ts-comment": [
                "error",
                {
                    "ts-check": false,
                    "ts-expect-error": "allow-with-description",
                    "ts-ignore": true,
                    "ts-nocheck": "allow-with-description",
                    "minimumDescriptionLength": 5,
                },
            ],
            // The TypeScript-aware form of the rule, which knows types from values.
            "no-use-before-define": "off",
            "@typescript-eslint/no-use-before-define": "error",
            "@typescript-eslint/no-unused-vars": [
                "error",
                {
                    argsIgnorePattern: "^_",
                    varsIgnorePattern: "^_",
                    caughtErrorsIgnorePattern: "^_",
                },
            ],
        },
    },
    {
        files,
        extends: [react.configs.flat.recommended ?? {}],
        rules: {
            "react/display-name": "off",
            "react/jsx-curly-brace-presence": "error",
            "react/jsx-no-leaked-render": "error",
            "react/jsx-uses-react": "off",
            "react/prop-types": "off",
            "react/react-in-jsx-scope": "off",
        },
        settings: { react: { version: "detect" } },
    },
    {
        files,
        extends: [reactHooks.configs.flat.recommended],
        rules: {
            "react-hooks/rules-of-hooks": "error",
            "react-hooks/exhaustive-deps": "error",
        },
    },
);
