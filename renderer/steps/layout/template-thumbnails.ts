// Each template's first page on the user's own data, small: asked for one template at a time and
// only once the live page is drawn (each is a job in a worker; asking at once would slow the page
// the user is looking at), and kept per template and workbook for as long as the app runs.
import { useEffect, useState } from 'react';
import type { CatalogApi } from '../../api/transport.ts';
import { openPdf } from '../../preview/pdf-js.ts';
import type { Lang } from '../../i18n/i18n.ts';
import type { Project } from '../../state/project.ts';
import { previewRequest } from '../../state/requests.ts';

/** CSS pixels: the thumbnail's width. */
const WIDTH = 84;
const thumbnails = new Map<string, string>();

/** The same workbook read the same way: the layout settings are the template's own here. */
const dataKey = (project: Project) =>
  JSON.stringify([project.file, project.sheet, project.headerRow, project.money, project.images]);

/** The project as it would be with another template: its mapping suggested again, as choosing it does. */
function withTemplate(project: Project, template: string): Project {
  if (template === project.template) return { ...project, layout: {} };
  const { fields: _f, ...rest } = project;
  return { ...rest, template, layout: {} };
}

export function useTemplateThumbnails(
  api: CatalogApi,
  project: Project,
  templates: readonly string[],
  lang: Lang,
  locale: string,
  start: boolean,
): Record<string, string> {
  const data = dataKey(project);
  const known = () =>
    Object.fromEntries(
      templates.flatMap((id) => {
        const url = thumbnails.get(`${id}|${data}`);
        return url ? [[id, url] as const] : [];
      }),
    );
  const [urls, setUrls] = useState<Record<string, string>>(known);
  const list = templates.join('|');

  useEffect(() => {
    setUrls(known());
    if (!start || !project.file) return;
    const controller = new AbortController();
    void (async () => {
      for (const id of templates) {
        const cacheKey = `${id}|${data}`;
        if (thumbnails.has(cacheKey)) continue;
        try {
          const answer = await api.call(
            'preview',
            previewRequest(withTemplate(project, id), lang, locale, 1, 1),
            { signal: controller.signal },
          );
          if (controller.signal.aborted) return;
          const doc = await openPdf(answer.pdf);
          try {
            thumbnails.set(cacheKey, await doc.snapshot(1, WIDTH));
          } finally {
            doc.destroy();
          }
          if (controller.signal.aborted) return;
          setUrls((before) => ({ ...before, [id]: thumbnails.get(cacheKey)! }));
        } catch {
          // A template this data cannot fill shows its name alone; choosing it tells why.
          if (controller.signal.aborted) return;
        }
      }
    })();
    return () => controller.abort();
    // The project's layout does not change a thumbnail: only the data and the language do.
  }, [api, data, list, lang, locale, start]);

  return urls;
}

/** For tests: forget the thumbnails drawn so far. */
export const forgetThumbnails = () => thumbnails.clear();
