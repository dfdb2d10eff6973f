/** The demos/ folder. */
export declare const demosRoot: string;
/** Every demo package with a `gandlf.title`, in order. */
export declare function listDemos(): { name: string; dir: string; title: string; description: string; order: number; presets: string[] }[];
