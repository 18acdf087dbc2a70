// Each screen's words, by namespace. Add one line per screen.
import type { Strings } from './i18n.ts';
import { openStrings } from '../steps/open/strings.ts';
import { sheetStrings } from '../steps/sheet/strings.ts';
import { mappingStrings } from '../steps/mapping/strings.ts';
import { projects } from '../components/projects-strings.ts';
import { layout } from '../steps/layout/strings.ts';
import { preview } from '../steps/preview/strings.ts';
import { exportWords } from '../steps/export/strings.ts';
import { checks } from '../steps/checks/strings.ts';
import { resellers } from '../steps/resellers/strings.ts';

export const NAMESPACES: Record<string, Strings> = {
  open: openStrings,
  sheet: sheetStrings,
  mapping: mappingStrings,
  layout,
  preview,
  export: exportWords,
  checks,
  resellers,
  projects,
};
