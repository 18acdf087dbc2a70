// Which screen shows each step. One line per step.
import type { ComponentType } from 'react';
import type { StepId } from '../state/project.ts';
import { OpenStep } from './open/open-step.tsx';
import { SheetStep } from './sheet/sheet-step.tsx';
import { MappingStep } from './mapping/mapping-step.tsx';
import { ExportStep } from './export/export-step.tsx';
import { PreviewStep } from './preview/preview-step.tsx';
import { LayoutStep } from './layout/layout-step.tsx';
import { ChecksStep } from './checks/checks-step.tsx';
import { ResellersStep } from './resellers/resellers-step.tsx';

export const STEP_SCREENS: Record<StepId, ComponentType> = {
  open: OpenStep,
  sheet: SheetStep,
  mapping: MappingStep,
  checks: ChecksStep,
  layout: LayoutStep,
  preview: PreviewStep,
  export: ExportStep,
  resellers: ResellersStep,
};
