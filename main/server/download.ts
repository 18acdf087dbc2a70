// A file a build of this run wrote, sent to the browser to save: the page names it by the path the
// build answered, and nothing else on the disk can be fetched this way — not a workbook, not a file
// that merely sits in the output folder.
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { ServerResponse } from 'node:http';
import { basename, extname, resolve } from 'node:path';
import { SECURITY_HEADERS, refusal, sendRefusal, type Extra } from './reply.ts';

const TYPES: Readonly<Record<string, string>> = {
  '.pdf': 'application/pdf',
  '.txt': 'text/plain; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.zip': 'application/zip',
  '.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

/** RFC 6266 with RFC 5987's `filename*` for any name, and a plain ASCII one for old clients. */
export function contentDisposition(name: string): string {
  const ascii =
    name
      .normalize('NFD')
      .replace(/[^\x20-\x7e]/g, '')
      .replace(/["\\%;]/g, '_') || 'download';
  const encoded = encodeURIComponent(name).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}

const notFound = () =>
  refusal(
    'NOT_FOUND',
    'Ce fichier n’a pas été écrit par un export de cette session.',
    'This file was not written by an export of this session.',
    'path',
  );

/** Streams `path` when a build of this run wrote it; 404 otherwise. */
export async function sendDownload(
  response: ServerResponse,
  built: ReadonlySet<string>,
  path: string | null,
  extra: Extra = {},
): Promise<void> {
  const full = path ? resolve(path) : '';
  const info = full && built.has(full) ? await stat(full).catch(() => undefined) : undefined;
  if (!info?.isFile()) return sendRefusal(response, notFound(), extra);
  response.writeHead(200, {
    ...SECURITY_HEADERS,
    'Content-Type': TYPES[extname(full).toLowerCase()] ?? 'application/octet-stream',
    'Content-Length': String(info.size),
    'Content-Disposition': contentDisposition(basename(full)),
    ...extra,
  });
  await new Promise<void>((done) => {
    const stream = createReadStream(full);
    stream.on('error', () => {
      response.destroy();
      done();
    });
    response.on('close', () => {
      stream.destroy();
      done();
    });
    stream.pipe(response);
  });
}
