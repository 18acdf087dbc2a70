// Imports one file in a fresh process and prints what it cost, as JSON: run by never-hang.test.ts as
// `node --import tsx measure-import.ts <file> [mode]`, so the peak RSS is this import's alone
// (the parse worker is a thread of this process, so its memory is counted too).
import { importWorkbook } from '../../../../main/engine/import/import-workbook.ts';

const [path, mode = 'auto'] = process.argv.slice(2);
const started = performance.now();
const result = await importWorkbook(path!, { mode: mode as 'auto' | 'full' | 'stream' });
const ms = Math.round(performance.now() - started);
process.stdout.write(
  JSON.stringify({
    ms,
    maxRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
    mode: result.mode,
    sheets: result.sheets,
    rows: result.table.rows.length,
    last: result.table.rows.at(-1)?.cells.map((c) => c.value),
  }),
);
