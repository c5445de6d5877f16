// The world-atlas TopoJSON files, each as its own lazily loaded chunk. Plain JavaScript on
// purpose: from a .ts file the type checker would parse and type ~850 KB of coordinates on every
// run (+1.5 s, +100 MB); atlas-files.d.ts beside this file gives the loaders their type instead.
export const loadCountries110m = () => import('world-atlas/countries-110m.json').then((m) => m.default);
export const loadCountries50m = () => import('world-atlas/countries-50m.json').then((m) => m.default);
