// The CLI's error for bad input or usage: reported as one line, without a stack trace, with exit code 2.

/** An input problem that the CLI reports as one line, without a stack trace. */
export class InputError extends Error {}
