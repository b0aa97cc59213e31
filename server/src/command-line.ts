// Flags of every command-line tool (scripts/, graph-seed/, bench/), read one way: node:util parseArgs in strict mode,
// `--help`/`-h` prints the usage and exits 0, and a flag the tool does not know (or a missing value) exits 2 with the
// reason and the usage, before the tool opens a database.
import { parseArgs, type ParseArgsConfig } from 'node:util';

type Options = NonNullable<ParseArgsConfig['options']>;
type WithHelp<O extends Options> = O & { help: { type: 'boolean'; short: 'h' } };
export type CommandLine<O extends Options> = ReturnType<typeof parseArgs<{ options: WithHelp<O>; strict: true; allowPositionals: true }>>;

export interface CommandLineSpec<O extends Options> {
  /** Starts with "Usage:"; printed for --help (stdout) and after an error (stderr). */
  usage: string;
  options: O;
  /** Bare words after the flags (most tools take none). */
  positionals?: boolean;
  /** For tests; the process's own arguments by default. */
  args?: string[];
}

/** A wrong command line: the caller prints it with the usage and exits 2. */
export class UsageError extends Error {}

/** Parses without exiting (for tests and for tools that check more than flags). */
export function readCommandLine<O extends Options>(spec: CommandLineSpec<O>): CommandLine<O> {
  const options = { ...spec.options, help: { type: 'boolean', short: 'h' } } as WithHelp<O>;
  try {
    return parseArgs({ args: spec.args ?? process.argv.slice(2), options, strict: true, allowPositionals: spec.positionals ?? false }) as CommandLine<O>;
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
}

/** Parses the process's flags; answers --help and wrong flags itself (exit 0 and 2). */
export function commandLine<O extends Options>(spec: CommandLineSpec<O>): CommandLine<O> {
  let parsed: CommandLine<O>;
  try {
    parsed = readCommandLine(spec);
  } catch (error) {
    failUsage(spec.usage, (error as Error).message);
  }
  if ((parsed.values as { help?: boolean }).help) {
    console.log(spec.usage);
    process.exit(0);
  }
  return parsed;
}

/** Prints what is wrong with the command line and the usage, and exits 2. */
export function failUsage(usage: string, problem: string): never {
  console.error(`${problem}\n\n${usage}`);
  process.exit(2);
}
