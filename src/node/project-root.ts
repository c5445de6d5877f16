/** The project's folder (the one holding package.json), wherever the command is run from. */
import { fileURLToPath } from 'node:url';

export const projectRoot = fileURLToPath(new URL('../..', import.meta.url));
