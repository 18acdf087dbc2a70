// Terminal niceties that must vanish when output is piped: colours and the progress line.
import type { Lang } from '../api/index.ts';
import { cliText } from './cli-text.ts';
import { systemLang } from './lang.ts';

const useColour = (stream: NodeJS.WriteStream) => stream.isTTY === true && !process.env.NO_COLOR;

const paint = (code: string) => (text: string) =>
  useColour(process.stdout) ? `\u001b[${code}m${text}\u001b[0m` : text;

export const colour = {
  red: paint('31'),
  yellow: paint('33'),
  blue: paint('34'),
  green: paint('32'),
  bold: paint('1'),
  dim: paint('2'),
};

/**
 * The text of a progress line, its counts grouped the user's way: `12 345` in French (narrow no-break
 * space, as French typography wants), `12,345` in English — never the machine's default locale.
 */
export function progressText(
  label: string,
  lang: Lang,
  done: number,
  total?: number,
  stage?: string,
): string {
  const { n } = cliText(lang);
  return `${label}${stage ? ` (${stage})` : ''} ${n(done)}${total ? ` / ${n(total)}` : ''}…`;
}

/**
 * A one-line progress report on stderr, rewritten in place; nothing at all when stderr is not a terminal.
 * Pass the user's language; without it the system's is used for the digit grouping.
 */
export function progressLine(
  label: string,
  lang: Lang = systemLang(),
): {
  update(done: number, total?: number, stage?: string): void;
  end(): void;
} {
  const tty = useColour(process.stderr);
  let last = 0;
  return {
    update(done, total, stage) {
      const now = Date.now();
      if (!tty || now - last < 100) return;
      last = now;
      process.stderr.write(`\r\u001b[K${progressText(label, lang, done, total, stage)}`);
    },
    end() {
      if (tty && last) process.stderr.write('\r\u001b[K');
    },
  };
}
