// The contract's requests made from the project: one place that says how a decision becomes a
// request, so the preview and the export read the workbook exactly the same way.
import type { ChannelInput } from '../api/transport.ts';
import type { Lang } from '../../main/api/index.ts';
import type { Project } from './project.ts';

export function sourceRequest(project: Project): ChannelInput<'open'> {
  if (!project.file) throw new Error('No workbook is open.');
  return {
    file: project.file,
    template: project.template,
    money: project.money,
    ...(project.sheet ? { sheet: project.sheet } : {}),
    ...(project.headerRow !== undefined ? { headerRow: project.headerRow } : {}),
    ...(project.fields ? { fields: project.fields } : {}),
    ...(project.images ? { images: project.images } : {}),
  };
}

/** Opening: the source, and the language the column samples are written in. */
export const openRequest = (project: Project, lang: Lang): ChannelInput<'open'> => ({
  ...sourceRequest(project),
  lang,
});

export const validateRequest = (project: Project): ChannelInput<'validate'> => sourceRequest(project);

/** The validity dates the user gave, and only those. */
const validityOf = (o: Project['output']) => ({
  ...(o.validFrom ? { validFrom: o.validFrom } : {}),
  ...(o.validUntil ? { validUntil: o.validUntil } : {}),
});

export function planRequest(project: Project, lang: Lang, locale: string): ChannelInput<'plan'> {
  return {
    ...sourceRequest(project),
    layout: project.layout,
    lang,
    locale,
    mode: 'print',
    ...(project.output.title ? { title: project.output.title } : {}),
    ...validityOf(project.output),
  };
}

export function previewRequest(
  project: Project,
  lang: Lang,
  locale: string,
  from: number,
  to: number,
): ChannelInput<'preview'> {
  return { ...planRequest(project, lang, locale), from, to };
}

export function buildRequest(
  project: Project,
  lang: Lang,
  locale: string,
  options: { force?: boolean; password?: string } = {},
): ChannelInput<'build'> {
  const o = project.output;
  if (!o.out) throw new Error('No output folder.');
  return {
    ...sourceRequest(project),
    layout: project.layout,
    lang,
    locale,
    out: o.out,
    formats: o.formats,
    mode: o.mode,
    textVariant: o.textVariant,
    ...(o.bleed !== undefined ? { bleed: o.bleed } : {}),
    ...(o.marks !== undefined ? { marks: o.marks } : {}),
    ...(o.title ? { title: o.title } : {}),
    ...validityOf(o),
    // A printing condition is the print PDF's alone: a screen PDF names none.
    ...(o.press && o.mode === 'print' ? { press: o.press } : {}),
    ...(options.force ? { force: true } : {}),
    ...(options.password ? { password: options.password } : {}),
  };
}

/** The price grids' source: the workbook, and where its resellers are when the user said. */
export function gridSourceRequest(project: Project): ChannelInput<'gridOpen'> {
  if (!project.file) throw new Error('No workbook is open.');
  const resellers = project.grid?.resellers;
  return { file: project.file, ...(resellers ? { resellers } : {}) };
}

/** One reseller's list, page `from` (the Resellers step shows one page at a time). */
export function gridPreviewRequest(
  project: Project,
  lang: Lang,
  reseller: string,
  from: number,
): ChannelInput<'gridPreview'> {
  return {
    ...gridSourceRequest(project),
    reseller,
    from,
    to: from,
    lang,
    ...(project.grid?.whiteLabel ? { whiteLabel: true } : {}),
  };
}

/** The batch: every reseller's files, or only the ticked ones. */
export function gridBuildRequest(project: Project, lang: Lang): ChannelInput<'grid'> {
  const grid = project.grid;
  if (!grid?.out) throw new Error('No output folder.');
  return {
    ...gridSourceRequest(project),
    out: grid.out,
    outputs: grid.outputs,
    encrypt: grid.encrypt,
    lang,
    textVariant: project.output.textVariant,
    ...(grid.whiteLabel ? { whiteLabel: true } : {}),
    ...(grid.only ? { only: grid.only } : {}),
  };
}
