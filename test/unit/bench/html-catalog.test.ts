// The peers' HTML catalog must hold the same products as ours, arranged as the template says, or the
// render benchmark compares different work.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { cmykToRgb, htmlCatalog } from '../../../bench/peers/html-catalog.ts';
import { makeLargeCatalog } from '../../../bench/make-large-catalog.ts';
import { descendants, treeRssKiB } from '../../../bench/peers/process-memory.ts';
import { loadTemplate } from '../../../main/engine/templates/load-template.ts';

const OPTIONS = {
  locale: 'fr-FR',
  lang: 'fr',
  title: 'Catalogue « test »',
  date: '15 janvier 2026',
} as const;

async function html(template: string, products: number): Promise<string> {
  return [...htmlCatalog(makeLargeCatalog(products), await loadTemplate(template), OPTIONS)].join('');
}

const count = (text: string, needle: string | RegExp): number =>
  needle instanceof RegExp ? (text.match(needle) ?? []).length : text.split(needle).length - 1;

describe('the HTML catalog the peers print', () => {
  it('cuts the grid into pages of 9 cards, a new page per group, with every product once', async () => {
    const catalog = makeLargeCatalog(500);
    const text = await html('product-grid', 500);
    expect(count(text, '<div class="card">')).toBe(500);
    const pages = catalog.groups.reduce((n, g) => n + Math.ceil(g.items.length / 9), 0);
    expect(count(text, '<section class="page">')).toBe(pages);
    expect(count(text, /\(suite\)<\/h2>/g)).toBe(pages - catalog.groups.length);
    for (const item of catalog.items) {
      const ref = item.fields.reference;
      expect(ref?.kind === 'text' && text.includes(`Réf.\u00a0${ref.value}<`)).toBe(true);
    }
  });

  it('embeds the repository’s Inter files and the products’ pictures by file URL', async () => {
    const text = await html('list-catalog', 100);
    const fonts = [...text.matchAll(/src:url\("(file:[^"]+)"\)/g)].map((m) => fileURLToPath(m[1]!));
    expect(fonts).toHaveLength(6);
    for (const font of fonts) expect(existsSync(font)).toBe(true);
    const pictures = [...text.matchAll(/<img src="(file:[^"]+)"/g)].map((m) => fileURLToPath(m[1]!));
    expect(pictures.length).toBeGreaterThan(80);
    expect(pictures.every((file) => existsSync(file))).toBe(true);
    expect(text).toContain('"calt" 0');
  });

  it('lays the price list out as tables with the template’s columns, and escapes text', async () => {
    const text = await html('price-list', 200);
    expect(count(text, '<tr><td')).toBe(200);
    expect(count(text, '<thead>')).toBe(makeLargeCatalog(200).groups.length);
    expect(text).toContain('<th class="r">Prix TTC</th>');
    expect(text).toContain('<title>Catalogue « test »</title>');
    expect(text).not.toMatch(/<td[^>]*>[^<]*&(?!amp;|lt;|gt;|quot;)/);
  });

  it('turns CMYK into the RGB a browser can print', () => {
    expect(cmykToRgb([0, 0, 0, 0])).toBe('rgb(255,255,255)');
    expect(cmykToRgb([0, 0, 0, 100])).toBe('rgb(0,0,0)');
    expect(cmykToRgb([100, 60, 0, 20])).toBe('rgb(0,82,204)');
  });
});

describe('the process tree a peer is sampled over', () => {
  it('finds a child of this process and nothing that is not a descendant', async () => {
    const { spawn } = await import('node:child_process');
    const child = spawn('sleep', ['5']);
    try {
      await new Promise((done) => setTimeout(done, 100));
      const found = descendants(process.pid);
      expect(found).toContain(child.pid);
      expect(found).not.toContain(process.pid);
      expect(found).not.toContain(1);
      // This process's own memory counts, and a tree that has ended weighs nothing.
      expect(treeRssKiB(process.pid)).toBeGreaterThan(treeRssKiB(child.pid!));
      expect(treeRssKiB(2 ** 22 + 1)).toBe(0);
    } finally {
      child.kill();
    }
  });
});
