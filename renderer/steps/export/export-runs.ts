// The presets the user ticked, as builds: one build writes one PDF mode, so a print PDF and a
// screen PDF take two builds, run one after the other. They would both be named `<name>.pdf`: the
// screen one goes to a `screen` folder inside the destination rather than over the print one.
import type { Format } from '../../../main/api/index.ts';
import type { OutputSettings } from '../../state/project.ts';

export type Presets = { print: boolean; screen: boolean; tagged: boolean; dataMerge: boolean };

export type Run = { formats: Format[]; mode: 'print' | 'screen'; subfolder?: string };

const SCREEN_FOLDER = 'screen';

export function buildRuns(p: Presets): Run[] {
  const others: Format[] = [
    ...(p.tagged ? (['tagged-text'] as const) : []),
    ...(p.dataMerge ? (['data-merge'] as const) : []),
  ];
  if (p.print && p.screen)
    return [
      { formats: ['pdf', ...others], mode: 'print' },
      { formats: ['pdf'], mode: 'screen', subfolder: SCREEN_FOLDER },
    ];
  if (p.print) return [{ formats: ['pdf', ...others], mode: 'print' }];
  if (p.screen) return [{ formats: ['pdf', ...others], mode: 'screen' }];
  return others.length ? [{ formats: others, mode: 'print' }] : [];
}

/** The presets a saved project's output describes (it keeps one PDF mode). */
export function presetsOf(output: OutputSettings): Presets {
  const pdf = output.formats.includes('pdf');
  return {
    print: pdf && output.mode === 'print',
    screen: pdf && output.mode === 'screen',
    tagged: output.formats.includes('tagged-text'),
    dataMerge: output.formats.includes('data-merge'),
  };
}

/** What the project keeps of the presets: the formats, and the print mode when a print PDF is asked. */
export function outputOf(p: Presets): Pick<OutputSettings, 'formats' | 'mode'> {
  return {
    formats: [
      ...(p.print || p.screen ? (['pdf'] as const) : []),
      ...(p.tagged ? (['tagged-text'] as const) : []),
      ...(p.dataMerge ? (['data-merge'] as const) : []),
    ],
    mode: p.print || !p.screen ? 'print' : 'screen',
  };
}
