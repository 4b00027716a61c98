// The checks are as strict as authentik's website lint: each refuses what authentik's CI refused
// in the component a docs site used to copy (a setState call straight in an effect, a function
// that returns a value on one path only, a name used before its definition, a function expression
// as a callback, British spelling, code not formatted by Prettier).
import { spellCheckDocument } from "cspell-lib";
import { ESLint } from "eslint";
import { strict as assert } from "node:assert";
import { dirname, join } from "node:path";
import { test } from "node:test";
import { fileURLToPath, pathToFileURL } from "node:url";
import * as prettier from "prettier";

const folder = join(dirname(fileURLToPath(import.meta.url)), "..");

const component = `import { useEffect, useState } from "react";

export default function Widget({ src }) {
    const [status, setStatus] = useState("idle");
    useEffect(() => {
        setStatus("loading");
        import(src).then((module) => {
            if (!module) return;
            return module.start();
        });
    }, [src]);
    return <Inner status={status} />;
}

const Inner = [1].map(function each(status) {
    return status;
});
`;

test("ESLint refuses the four errors authentik's CI reported", async () => {
    const eslint = new ESLint({ cwd: folder });
    const [result] = await eslint.lintText(component, { filePath: join(folder, "src/Widget.jsx") });
    const rules = new Set(result.messages.map((message) => message.ruleId));
    for (const rule of [
        "react-hooks/set-state-in-effect",
        "consistent-return",
        "@typescript-eslint/no-use-before-define",
        "prefer-arrow-callback",
    ]) {
        assert.ok(rules.has(rule), `${rule} not reported; reported: ${[...rules].join(", ")}`);
    }
    assert.ok(result.messages.every((message) => message.severity === 2));
});

// The samples below are British on purpose.
// cspell:disable
test("the spell check refuses British spelling in text and identifiers", async () => {
    const issues = async (text, name, languageId) => {
        const document = { uri: pathToFileURL(join(folder, name)).href, text, languageId };
        const result = await spellCheckDocument(document, { generateSuggestions: false }, {});
        assert.ok(result.checked, `${name} was not checked`);
        return result.issues.map((issue) => issue.text);
    };
    assert.deepEqual(await issues("// The site's colours.\n", "src/a.ts", "typescript"), [
        "colours",
    ]);
    assert.deepEqual(await issues("const siteColour = 1;\n", "src/b.ts", "typescript"), ["Colour"]);
    assert.deepEqual(await issues("Follow the site's behaviour.\n", "c.md", "markdown"), [
        "behaviour",
    ]);
    assert.deepEqual(
        await issues("// The site's colors and behavior.\n", "src/d.ts", "typescript"),
        [],
    );
});

// cspell:enable

test("Prettier refuses code that is not formatted with authentik's options", async () => {
    const options = await prettier.resolveConfig(join(folder, "src/e.ts"));
    assert.equal(options?.tabWidth, 4);
    assert.equal(options?.printWidth, 100);
    const file = { ...options, filepath: join(folder, "src/e.ts") };
    assert.equal(await prettier.check('const a = {\n  b: "c",\n};\n', file), false);
    assert.equal(await prettier.check('const a = {\n    b: "c",\n};\n', file), true);
});
