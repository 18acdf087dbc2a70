// Pages of a PDF as poppler's pdfinfo counts them: the same count for ours and the peers' files.
import { execFileSync } from 'node:child_process';

export function pdfPages(file: string): number | undefined {
  try {
    const info = execFileSync('pdfinfo', [file], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
    const match = info.match(/^Pages:\s+(\d+)/m);
    return match ? Number(match[1]) : undefined;
  } catch {
    return undefined; // no pdfinfo, or a file it cannot read: said as "—" in the table
  }
}
