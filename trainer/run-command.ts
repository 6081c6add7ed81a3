import { FlagError } from './flag-values';

/**
 * A command line tool's main: its flags parsed (a FlagError prints the message and the usage, exit 2),
 * `--help` answered, then `run`, whose number is the exit code. An error `run` throws prints
 * `failure(error)` and exits 1.
 */
export function runCommand<F>(parse: (argv: string[]) => F | 'help', usage: string, run: (flags: F) => Promise<number>, failure: (e: Error) => string): void {
  const main = async (): Promise<number> => {
    let flags;
    try {
      flags = parse(process.argv.slice(2));
    } catch (e) {
      if (!(e instanceof FlagError)) throw e;
      console.error(`${e.message}\n${usage}`);
      return 2;
    }
    if (flags === 'help') {
      console.log(usage);
      return 0;
    }
    return run(flags);
  };
  main().then(
    (code) => process.exit(code),
    (e: Error) => {
      console.error(failure(e));
      process.exit(1);
    },
  );
}
