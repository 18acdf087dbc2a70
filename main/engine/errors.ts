// Errors are values with a stable code and the user's words in both languages, never a stack trace.
import type { Lang, Translated } from './model.ts';

export class CatalogError extends Error {
  readonly code: string;
  readonly text: Translated;

  constructor(code: string, text: Translated, options?: { cause?: unknown }) {
    super(text.en, options);
    this.name = 'CatalogError';
    this.code = code;
    this.text = text;
  }

  in(lang: Lang): string {
    return this.text[lang];
  }
}

export const isCatalogError = (error: unknown): error is CatalogError => error instanceof CatalogError;
