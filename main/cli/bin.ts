// The `catalog` command's process: runs the CLI on the process's arguments and streams. Shared by the
// precompiled bundle (dist/cli/catalog.mjs, scripts/build-cli.mjs) and the tsx fallback (bin/catalog.mjs).
import { runCli } from './main.ts';

// `catalog inspect … | head` closes the pipe early: that is the reader's choice, not an error.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});
process.exitCode = await runCli(process.argv.slice(2), {
  out: (line) => process.stdout.write(line + '\n'),
  err: (line) => process.stderr.write(line + '\n'),
});
