// The command line's words for a workbook, as the contract's request (main/api/contract.ts).
import type { SourceRequestInput } from '../api/contract.ts';

export type SourceArgs = {
  file: string;
  sheet?: string;
  template?: string;
  mapping?: string;
  images?: string;
  includeHidden?: boolean;
  /** --currency, --vat, --prices. */
  currency?: string;
  vat?: string;
  prices?: string;
};

export const sourceRequest = (args: SourceArgs): SourceRequestInput => ({
  file: args.file,
  sheet: args.sheet,
  template: args.template,
  mapping: args.mapping,
  images: args.images,
  includeHidden: args.includeHidden ?? false,
  money: { currency: args.currency, vat: args.vat, prices: args.prices },
});
