// Guards that keep a hostile or absurd file from exhausting memory or time. Chosen so that a real
// catalog (tens of thousands of rows, a few hundred photos) passes with a wide margin.
export type ImportLimits = {
  /** Size of the file on disk. */
  maxFileBytes: number;
  /** Sum of the declared uncompressed sizes of a zip's entries. */
  maxUncompressedBytes: number;
  /** Uncompressed/compressed ratio above which an entry is taken for a zip bomb. */
  maxCompressionRatio: number;
  maxEntries: number;
  maxRows: number;
  maxColumns: number;
  /** Whole-parse deadline. */
  timeoutMs: number;
  /** Above this uncompressed size the streaming reader is used (see README: large-file mode). */
  streamAboveBytes: number;
};

export const DEFAULT_LIMITS: ImportLimits = {
  maxFileBytes: 200 * 1024 * 1024,
  maxUncompressedBytes: 1024 * 1024 * 1024,
  maxCompressionRatio: 200,
  maxEntries: 10_000,
  maxRows: 200_000,
  maxColumns: 500,
  timeoutMs: 120_000,
  streamAboveBytes: 24 * 1024 * 1024,
};
