/** Loads world-atlas countries-110m.json (TopoJSON, checked and typed by atlas.ts). */
export declare const loadCountries110m: () => Promise<unknown>;
/** Loads world-atlas countries-50m.json (TopoJSON, checked and typed by atlas.ts). */
export declare const loadCountries50m: () => Promise<unknown>;
