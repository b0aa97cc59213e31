/** An import file or target the restore will not touch; the message says why and what to do. */
export class ImportRefused extends Error {}
