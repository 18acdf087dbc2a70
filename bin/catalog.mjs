#!/usr/bin/env node
// Runs the TypeScript CLI through tsx's loader, so `npx catalog` works right after `npm install`
// with no build step to forget.
import { register } from 'tsx/esm/api';

register();
// `catalog inspect … | head` closes the pipe early: that is the reader's choice, not an error.
process.stdout.on('error', (error) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});
const { runCli } = await import('../main/cli/main.ts');
const code = await runCli(process.argv.slice(2), {
  out: (line) => process.stdout.write(line + '\n'),
  err: (line) => process.stderr.write(line + '\n'),
});
process.exitCode = code;
