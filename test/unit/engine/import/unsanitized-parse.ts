// A parser for the worker seam that hands the package to exceljs as it is, without sanitize-package:
// what the import did before, so a test can show its fixture really makes exceljs spin.
import ExcelJS from 'exceljs';
import { readFile } from 'node:fs/promises';
import type { WorkerParser } from '../../../../main/engine/import/parse-in-worker.ts';

export const parse: WorkerParser = async (job) => {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await readFile(job.path)) as unknown as ExcelJS.Buffer);
  return [];
};
