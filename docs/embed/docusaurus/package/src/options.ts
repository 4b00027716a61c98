/**
 * The component's options and the `data-` attributes of the playground's element they become.
 */

/** The widget's outputs, in the order it shows them. */
export const OUTPUTS = [
    "headscale-config",
    "authentik-settings",
    "headscale-environment",
    "authentik-blueprint",
    "authentik-terraform",
    "checks",
    "flow",
] as const;

export type OutputName = (typeof OUTPUTS)[number];

/** The options of the playground, one per `data-` attribute of its element. */
export interface PlaygroundOptions {
    /** Default Headscale URL. */
    headscaleUrl?: string;
    /** Default authentik URL. */
    authentikUrl?: string;
    /** Default application name. */
    appName?: string;
    /** Default application slug. */
    slug?: string;
    /** Default scopes, separated by spaces. */
    scopes?: string;
    /** Default allowed groups, one per line. */
    allowedGroups?: string;
    /** Default Headscale release, such as `0.28`. */
    headscaleVersion?: string;
    /** Default authentik release, such as `2026.5`. */
    authentikVersion?: string;
    /** Level of the widget's title, 1 to 6; 2 by default, under the page's own title. */
    headingLevel?: 1 | 2 | 3 | 4 | 5 | 6 | "1" | "2" | "3" | "4" | "5" | "6";
    /** The title's text; empty hides it. */
    title?: string;
    /**
     * Which outputs to show, as a list or separated by spaces or commas; all by default. One
     * output is shown without tabs.
     */
    outputs?: string | readonly OutputName[];
    /** The compact form: the essentials and the outputs, without the other settings' groups. */
    compact?: boolean;
    /** Keep nothing in the browser's storage. */
    noStorage?: boolean;
    /** Name of the saved inputs; pages with the same name share them (default: the page's path). */
    storageKey?: string;
    /** Keep the page's address current with the widget's own parameters. */
    syncUrl?: boolean;
    /** Prefix of the widget's parameters in the page's address (default `hsp-`). */
    paramPrefix?: string;
}

export type PlaygroundOption = keyof PlaygroundOptions;

/** Each option's attribute. */
export const ATTRIBUTES: Readonly<Record<PlaygroundOption, string>> = {
    headscaleUrl: "data-headscale-url",
    authentikUrl: "data-authentik-url",
    appName: "data-app-name",
    slug: "data-slug",
    scopes: "data-scopes",
    allowedGroups: "data-allowed-groups",
    headscaleVersion: "data-headscale-version",
    authentikVersion: "data-authentik-version",
    headingLevel: "data-heading-level",
    title: "data-title",
    outputs: "data-outputs",
    compact: "data-compact",
    noStorage: "data-no-storage",
    storageKey: "data-storage-key",
    syncUrl: "data-sync-url",
    paramPrefix: "data-param-prefix",
};

/** Options that change only where the playground keeps its state, not what it shows first. */
const QUIET: ReadonlySet<PlaygroundOption> = new Set([
    "noStorage",
    "storageKey",
    "syncUrl",
    "paramPrefix",
]);

const isOption = (name: string): name is PlaygroundOption => Object.hasOwn(ATTRIBUTES, name);

/**
 * The element's attributes for a set of options: `{ headscaleUrl: "x", noStorage: true }` gives
 * `{ "data-headscale-url": "x", "data-no-storage": "" }`. A flag that is false, and an option
 * left out, give no attribute.
 */
export function dataAttributes(options: PlaygroundOptions): Record<string, string> {
    const attributes: Record<string, string> = {};
    for (const [name, value] of Object.entries(options)) {
        if (!isOption(name) || value === undefined || value === null || value === false) continue;
        attributes[ATTRIBUTES[name]] =
            value === true ? "" : Array.isArray(value) ? value.join(" ") : String(value);
    }
    return attributes;
}

/**
 * Whether the build's example fits these options: it shows the built-in defaults, title, heading
 * level, every output and the full form, so only options that change none of them keep it.
 */
export function showsExample(options: PlaygroundOptions): boolean {
    return Object.entries(options).every(
        ([name, value]) => value === undefined || (isOption(name) && QUIET.has(name)),
    );
}
