/**
 * The Docusaurus plugin: serves the playground's files from this package, so a site never copies
 * them into a static folder. Its bundler (webpack or Rspack) emits them with the site's own
 * assets, in the build and in the development server alike, under
 * `<baseUrl><path>/<content hash>/`; the folder changes with every release, so no cache can pair
 * a new page with an old loader. The component finds them through the plugin's global data.
 *
 * The playground's standalone page (`index.html`) and its own stylesheet stay in the package: a
 * site gets only what the widget needs, and no extra public page.
 */
import type { LoadContext, Plugin } from "@docusaurus/types";
import { createHash } from "node:crypto";
import { readFileSync, readdirSync } from "node:fs";
import { fileURLToPath } from "node:url";

import { PLUGIN_NAME } from "./names.js";
import type { PlaygroundGlobalData } from "./names.js";

export interface PluginOptions {
    /** The folder under the site's base URL that serves the playground's files. */
    path?: string;
}

/** Files of the release build that only the standalone page uses. */
const STANDALONE = [/^index\.html$/, /^prerendered\.(html|js)$/];

/** The installed package's folder (this file is in its lib/), and the release build in it. */
const PACKAGE = new URL("..", import.meta.url);
const BUILD = fileURLToPath(new URL("playground/", PACKAGE));

/** The files the widget needs, by name, and the folder that serves them. */
export function playgroundFiles(build = BUILD): { files: Map<string, Buffer>; folder: string } {
    const files = new Map<string, Buffer>();
    for (const name of readdirSync(build).sort()) {
        if (!STANDALONE.some((pattern) => pattern.test(name))) {
            files.set(name, readFileSync(`${build}${name}`));
        }
    }
    const loader = files.get("embed.js");
    if (!loader) throw new Error(`${PLUGIN_NAME}: no embed.js in ${build}`);
    // The loader names every other file by its content hash: its own hash names them all.
    const folder = createHash("sha256").update(loader).digest("hex").slice(0, 12);
    return { files, folder };
}

/** A folder name: letters, digits, dots, dashes and underscores, in segments split by `/`. */
function checkedPath(path: string): string {
    const trimmed = path.replace(/^\/+|\/+$/g, "");
    const segments = trimmed.split("/");
    if (
        !trimmed ||
        segments.some((segment) => !/^[\w.-]+$/.test(segment) || /^\.+$/.test(segment))
    ) {
        throw new Error(
            `${PLUGIN_NAME}: the option "path" must be a folder such as "headscale-playground", not ${JSON.stringify(path)}`,
        );
    }
    return trimmed;
}

/** The part of a webpack or Rspack compiler this plugin uses. */
interface Compiler {
    webpack: {
        Compilation: { PROCESS_ASSETS_STAGE_ADDITIONAL: number };
        sources: { RawSource: new (source: Buffer) => unknown };
    };
    hooks: {
        thisCompilation: {
            tap(name: string, run: (compilation: Compilation) => void): void;
        };
    };
}

interface Compilation {
    hooks: {
        processAssets: { tap(options: { name: string; stage: number }, run: () => void): void };
    };
    emitAsset(name: string, source: unknown, info?: Record<string, unknown>): void;
}

/** Emits the playground's files with the site's client bundle, unchanged. */
class EmitPlayground {
    constructor(
        private readonly files: Map<string, Buffer>,
        private readonly prefix: string,
    ) {}

    apply(compiler: Compiler): void {
        const { Compilation, sources } = compiler.webpack;
        compiler.hooks.thisCompilation.tap(PLUGIN_NAME, (compilation) => {
            compilation.hooks.processAssets.tap(
                { name: PLUGIN_NAME, stage: Compilation.PROCESS_ASSETS_STAGE_ADDITIONAL },
                () => {
                    for (const [name, content] of this.files) {
                        // Already minimized and named by content: the site's minimizers leave them.
                        compilation.emitAsset(
                            `${this.prefix}${name}`,
                            new sources.RawSource(content),
                            { minimized: true, immutable: name !== "embed.js" },
                        );
                    }
                },
            );
        });
    }
}

export default function headscalePlayground(
    _context: LoadContext,
    options: PluginOptions = {},
): Plugin {
    const path = checkedPath(options.path ?? "headscale-playground");
    const { files, folder } = playgroundFiles();
    const prefix = `${path}/${folder}/`;
    const data: PlaygroundGlobalData = { embed: `${prefix}embed.js` };
    return {
        name: PLUGIN_NAME,
        contentLoaded({ actions }) {
            actions.setGlobalData(data);
        },
        configureWebpack(_config, isServer) {
            // The client bundle lands in the site's output; the server bundle is only rendered from.
            return isServer ? {} : { plugins: [new EmitPlayground(files, prefix)] };
        },
    };
}
