// Anything a pick or an open can throw, as the payload the screens show.
import { ApiError, type ErrorPayload } from '../../api/transport.ts';

export function refusalOf(error: unknown): ErrorPayload {
  if (error instanceof ApiError) return error.payload;
  return {
    code: 'UNEXPECTED',
    message: { fr: "Une erreur inattendue s'est produite.", en: 'An unexpected error occurred.' },
  };
}

/** The file's name without its folders, as the user recognises it. */
export const baseName = (path: string): string => path.split(/[\\/]/).pop() || path;
