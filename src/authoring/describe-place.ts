/** The page's name for the shared place-in-words function (src/scenario/place.ts), kept for its importers. */
export { describePlace } from '../scenario/place.ts';
