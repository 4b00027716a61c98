/** The example rendered at build time, as HTML for the playground's element. */
declare module "headscale-sso-playground/playground/prerendered.js" {
    const html: string;
    export default html;
}
