/**
 * The Headscale × authentik single sign-on playground as a React component for Docusaurus. The
 * package's plugin serves the playground's files; this component puts the playground in a page.
 *
 * A page whose options keep the built-in defaults gets the example rendered at build time in its
 * HTML, and fetches the playground's WebAssembly only when the reader first uses it; the
 * playground then takes the example over in place. A page with other defaults starts the
 * playground at once and says it is loading until it is shown. Leaving the page unmounts it, with
 * its listeners. When it cannot start, it says why.
 */
import useBaseUrl from "@docusaurus/useBaseUrl";
import useGlobalData from "@docusaurus/useGlobalData";
import example from "headscale-sso-playground/playground/prerendered.js";
import { memo, useEffect, useRef, useState } from "react";
import type { CSSProperties, ReactElement, ReactNode } from "react";

import "./HeadscalePlayground.css";

import { PLUGIN_NAME } from "./names.js";
import type { PlaygroundGlobalData } from "./names.js";
import { dataAttributes, showsExample } from "./options.js";
import type { PlaygroundOptions } from "./options.js";

export type { OutputName, PlaygroundOptions } from "./options.js";

export interface HeadscalePlaygroundProps extends PlaygroundOptions {
    /** Styles of the wrapper, such as `--hsp-*` variables. */
    style?: CSSProperties;
    /**
     * Not shown on the page, where the playground stands: what a Markdown or plain-text export
     * of the page, which keeps the text inside components, gives in its place.
     */
    children?: ReactNode;
}

/** What the playground's loader, embed.js, exports. */
interface Embed {
    mount(element: Element): { shown: Promise<void>; unmount(): void };
}

type Status = "loading" | "ready" | "explained" | { readonly alert: string };

const LOADING = "Loading the Headscale × authentik playground…";
const NO_PLUGIN =
    `The Headscale × authentik playground needs its Docusaurus plugin: add "${PLUGIN_NAME}" ` +
    "to the plugins of docusaurus.config.js.";

/** What to tell the reader when the playground's files could not be loaded at all. */
function explain(error: unknown, src: string): string {
    const text = error instanceof Error ? error.message : String(error);
    if (typeof WebAssembly !== "object") {
        return "The playground needs WebAssembly, which this browser does not offer.";
    }
    if (/wasm-unsafe-eval|Content.Security.Policy|WebAssembly/i.test(text)) {
        return (
            "The playground could not start: the site's Content-Security-Policy blocks " +
            `WebAssembly. Add 'wasm-unsafe-eval' to its script-src. (${text})`
        );
    }
    return (
        `The playground could not be loaded from ${src}: check that the site was built with ` +
        `the ${PLUGIN_NAME} plugin and serves its files. (${text})`
    );
}

/**
 * The example is a declarative shadow root (`<template shadowrootmode>`), with its own styles,
 * which only the HTML parser opens: in the page the server rendered, it is styled in the first
 * paint. On a client-side navigation React sets it with innerHTML, where it would stay a template
 * (and the browser warns about it): there it goes under another name and is opened as React
 * attaches the element, so that it is drawn styled in the first frame there too.
 */
const exampleHtml =
    typeof window === "undefined"
        ? example
        : example.replace("<template shadowrootmode=", "<template data-hsp-shadowroot=");

function openExample(element: HTMLDivElement): void {
    const template = element.querySelector<HTMLTemplateElement>(
        ":scope > template[data-hsp-shadowroot], :scope > template[shadowrootmode]",
    );
    if (!template || element.shadowRoot) return;
    element.attachShadow({ mode: "open" }).append(template.content);
    template.remove();
}

interface FrameProps {
    attributes: Record<string, string>;
    withExample: boolean;
    onElement: (element: HTMLDivElement | null) => void;
}

/**
 * The element the playground lives in. Once mounted, React must never touch what is inside it
 * (the playground takes the example over and changes it): it renders once, and a change of
 * options gives a new one.
 */
function FrameElement({ attributes, withExample, onElement }: FrameProps): ReactElement {
    const inner = withExample ? { dangerouslySetInnerHTML: { __html: exampleHtml } } : {};
    return <div ref={onElement} data-headscale-playground="" {...attributes} {...inner} />;
}
const Frame = memo(FrameElement, () => true);

export default function HeadscalePlayground({
    style,
    children: _exportText,
    ...options
}: HeadscalePlaygroundProps): ReactElement {
    const data = useGlobalData()[PLUGIN_NAME]?.default as PlaygroundGlobalData | undefined;
    const src = useBaseUrl(data ? `/${data.embed}` : "/");
    const element = useRef<HTMLDivElement | null>(null);
    const attributes = dataAttributes(options);
    const key = JSON.stringify(attributes);
    const withExample = showsExample(options);
    // The outcome of the options it was reached for; other options are loading again.
    const [outcome, setOutcome] = useState<{ key: string; status: Status }>({
        key,
        status: "loading",
    });
    const status = outcome.key === key ? outcome.status : "loading";

    useEffect(() => {
        const host = element.current;
        let left = false;
        let handle: ReturnType<Embed["mount"]> | undefined;
        const start = async (): Promise<void> => {
            if (!data || !host) return;
            // In the browser only, from the plugin's files: not part of the site's bundle.
            const embed = (await import(/* webpackIgnore: true */ src)) as Embed;
            if (left) return;
            handle = embed.mount(host);
            await handle.shown;
            if (!left) setOutcome({ key, status: "ready" });
        };
        start().catch((error: unknown) => {
            if (left) return;
            // embed.js explains its own failures inside the element; explain only what it could not.
            const explained = host?.querySelector(".hsp-embed-failure");
            setOutcome({ key, status: explained ? "explained" : { alert: explain(error, src) } });
        });
        return () => {
            left = true;
            handle?.unmount();
        };
    }, [data, src, key]);

    const onElement = (frame: HTMLDivElement | null): void => {
        element.current = frame;
        if (frame) openExample(frame);
    };
    return (
        <div className="headscale-playground" style={style}>
            {!data && <p role="alert">{NO_PLUGIN}</p>}
            {Boolean(data) && status === "loading" && !withExample && (
                <p role="status">{LOADING}</p>
            )}
            {typeof status === "object" && <p role="alert">{status.alert}</p>}
            <Frame
                key={key}
                attributes={attributes}
                withExample={withExample}
                onElement={onElement}
            />
        </div>
    );
}
