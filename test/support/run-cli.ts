// The `catalog` command run in process, its standard output and error gathered as text: what a
// user would read in the terminal, for the CLI tests.
import { runCli } from '../../main/cli/main.ts';

export async function run(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(args, { out: (l) => out.push(l), err: (l) => err.push(l) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}
