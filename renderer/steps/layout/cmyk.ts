// The accent colour on screen. A CMYK ink on paper has no exact screen colour without the printer's
// profile: this is the naive conversion (each ink removes its share of light), good enough for a
// swatch that tells "a dark blue" from "a red" — the PDF itself carries the CMYK values untouched.
import type { LayoutSettings } from '../../../main/api/index.ts';

export type CmykValues = NonNullable<LayoutSettings['accent']>;

export function cmykToCss([c, m, y, k]: CmykValues): string {
  const channel = (ink: number) => Math.round(255 * (1 - ink / 100) * (1 - k / 100));
  return `rgb(${channel(c)} ${channel(m)} ${channel(y)})`;
}
