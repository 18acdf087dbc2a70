// Terminal niceties that must vanish when output is piped: colours and the progress line.
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

/** A one-line progress report on stderr, rewritten in place; nothing at all when stderr is not a terminal. */
export function progressLine(label: string): {
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
      const of = total ? ` / ${total.toLocaleString()}` : '';
      process.stderr.write(`\r\u001b[K${label}${stage ? ` (${stage})` : ''} ${done.toLocaleString()}${of}…`);
    },
    end() {
      if (tty && last) process.stderr.write('\r\u001b[K');
    },
  };
}
