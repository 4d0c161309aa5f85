/** Types of bundle.js (plain JavaScript: it runs before anything is compiled). */
export declare const EXPLORER_DIST: string;
/** Bundles the explorer; answers true when it bundled, false when `ifNeeded` found it fresh. */
export declare function bundleExplorer(options?: { ifNeeded?: boolean }): Promise<boolean>;
