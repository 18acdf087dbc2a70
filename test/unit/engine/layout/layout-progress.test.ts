// Layout is the one long synchronous step of an export: it reports products placed and stops at the
// next product once the signal fires, whichever flow (grid, list, table) is placing them.
import { describe, expect, it } from 'vitest';
import { layoutCatalog } from '../../../../main/engine/layout/layout-catalog.ts';
import type { Progress } from '../../../../main/engine/progress.ts';
import { loadTemplate } from '../../../../main/engine/templates/load-template.ts';
import { thrown } from '../../../fixtures/catalog-error.ts';
import { outOfOrder } from '../../../support/progress-order.ts';
import { options, threeFamilies } from './make-catalog.ts';

// Enough products for several progress events and several pages in every flow.
const COUNTS = [40, 90, 30] as const;
const PRODUCTS = COUNTS[0] + COUNTS[1] + COUNTS[2];

describe.each(['product-grid', 'list-catalog', 'price-list'])('layout progress with %s', (id) => {
  it('reports products placed in order, from 0 to every product', async () => {
    const template = await loadTemplate(id);
    const events: Progress[] = [];
    const plan = layoutCatalog(threeFamilies(COUNTS, id), template, {
      ...options('fr'),
      onProgress: (p) => events.push(p),
    });
    expect(plan.pages.length).toBeGreaterThan(3);
    expect(new Set(events.map((e) => e.stage))).toEqual(new Set(['layout']));
    expect(events[0]).toEqual({ stage: 'layout', done: 0, total: PRODUCTS });
    expect(events.at(-1)).toEqual({ stage: 'layout', done: PRODUCTS, total: PRODUCTS });
    expect(events.length).toBeGreaterThan(3);
    expect(outOfOrder(events)).toBeUndefined();
  });

  it('stops mid-layout with CANCELLED at the product after the signal fires', async () => {
    const template = await loadTemplate(id);
    const controller = new AbortController();
    const events: Progress[] = [];
    const error = thrown(() =>
      layoutCatalog(threeFamilies(COUNTS, id), template, {
        ...options('fr'),
        signal: controller.signal,
        onProgress: (p) => {
          events.push(p);
          if (p.done >= 64) controller.abort();
        },
      }),
    );
    expect(error.code).toBe('CANCELLED');
    // Nothing was reported after the cancel: the flow stopped at the next product.
    expect(events.at(-1)!.done).toBe(64);
  });
});
