import type { Plugin, UserConfig } from 'vite';

/** COOP + COEP headers: cross-origin isolation for the dev and preview servers. */
export declare const crossOriginIsolation: Readonly<Record<string, string>>;

/** The Vite config every demo shares (127.0.0.1, COOP/COEP, ES-module workers), merged with `overrides`. */
export declare function demoConfig(overrides?: UserConfig): UserConfig;

/** Serves files matching `pattern` that have no extension as raw bytes on the dev server (e.g. MNIST's IDX files). */
export declare function serveRawInDev(pattern: RegExp): Plugin;
/** Wraps a demo's index.html (its entry script) in the shared page, titled from its package.json. */
export declare function demoPage(): Plugin;
