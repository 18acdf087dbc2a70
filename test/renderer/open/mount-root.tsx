// The whole app (stepper, project bar, every screen) on a fake surface. It pulls in the Preview
// screen's pdf.js, which needs a canvas jsdom lacks: test files using this mock 'pdfjs-dist'.
import { render } from '@testing-library/react';
import type { Lang } from '../../../renderer/i18n/i18n.ts';
import { Root } from '../../../renderer/root.tsx';
import type { AppState } from '../../../renderer/state/project.ts';
import type { fakeSurface } from './harness.tsx';

export function mountRoot(options: {
  lang: Lang;
  initial?: AppState;
  surface: ReturnType<typeof fakeSurface>;
}) {
  return render(
    <Root
      surface={options.surface.surface}
      lang={options.lang}
      {...(options.initial ? { initial: options.initial } : {})}
    />,
  );
}
