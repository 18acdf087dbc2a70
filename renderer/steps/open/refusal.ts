// Anything a pick or an open can throw, as the payload the screens show (the transport's rule).
export { payloadOf as refusalOf } from '../../api/transport.ts';

/** The file's name without its folders, as the user recognises it. */
export const baseName = (path: string): string => path.split(/[\\/]/).pop() || path;
