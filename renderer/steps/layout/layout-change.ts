// A change of one setting as the project keeps it: a key set to undefined is removed, so "as the
// template says" is an absent key — never a stored default that would hide the template's own.
import type { LayoutSettings } from '../../../main/api/index.ts';

export function changeLayout(layout: LayoutSettings, patch: Partial<LayoutSettings>): LayoutSettings {
  const next: Record<string, unknown> = { ...layout, ...patch };
  for (const [key, value] of Object.entries(next)) if (value === undefined) delete next[key];
  return next as LayoutSettings;
}

/** A header or footer side: empty text removes it; the pair itself goes when both sides are gone. */
export function changeRunningHead(
  head: LayoutSettings['header'],
  side: 'left' | 'right',
  text: string,
): LayoutSettings['header'] {
  const next: Record<string, string> = { ...head };
  if (text === '') delete next[side];
  else next[side] = text;
  return Object.keys(next).length ? next : undefined;
}
