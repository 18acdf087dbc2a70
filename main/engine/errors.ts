// Errors are values with a stable code and the user's words in both languages, never a stack trace.
import type { Lang, Translated } from './model.ts';

export class CatalogError extends Error {
  readonly code: string;
  readonly text: Translated;
  /** The request field at fault, when the error is about one (`formats[0]`). */
  readonly field: string | undefined;

  constructor(code: string, text: Translated, options?: { cause?: unknown; field?: string }) {
    super(text.en, options?.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'CatalogError';
    this.code = code;
    this.text = text;
    this.field = options?.field;
  }

  in(lang: Lang): string {
    return this.text[lang];
  }
}

export const isCatalogError = (error: unknown): error is CatalogError => error instanceof CatalogError;
