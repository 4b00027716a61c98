/**
 * Names shared by the plugin (Node) and the component (browser): the plugin's name, under which
 * Docusaurus keeps its global data, and the shape of that data.
 */

/** The plugin's name, and the key of its global data. */
export const PLUGIN_NAME = "headscale-sso-playground";

/** What the plugin tells the component. */
export interface PlaygroundGlobalData {
    /** Where the plugin serves the playground's loader, from the site's base URL. */
    embed: string;
}
