/** The command was used wrongly (exit 2): the message says how, and the usage text follows it. */
export class UsageError extends Error {}
