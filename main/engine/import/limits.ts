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
  /** Above this much sheet XML the import tells the user it read the file row by row (large-file mode). */
  streamAboveBytes: number;
  /** Characters one cell keeps; the rest is cut, with a warning naming the cell. */
  maxCellChars: number;
  /** Characters one CSV line keeps before the parser sees it; the rest of its record is dropped, with a warning. */
  maxLineChars: number;
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
  // Excel's own limit: a cell longer than this cannot have come from Excel, nor go back into it.
  maxCellChars: 32_767,
  // A catalog row is a few hundred characters, a long one a few thousand; 1 M characters is 32 cells
  // at Excel's limit, far beyond any real row. The cap exists because the CSV parser holds a whole
  // record and its fields before we see it: one 50 MB line of short fields is 17 million fields and
  // 2.4 GB, one 50 MB field holds the parse for seconds. Cut first, the parser never sees it.
  maxLineChars: 1024 * 1024,
};
