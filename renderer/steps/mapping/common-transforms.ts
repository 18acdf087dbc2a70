// The common touch-ups (trim, case, prefix, suffix, default) as a small form's values, and back to
// the contract's ordered list. The rarer rules (replace, lookup) are kept as they are, after trim:
// a form cannot edit them, and a profile that has them must not lose them.
import type { Transform } from '../../../main/api/index.ts';

export type CaseStyle = Extract<Transform, { op: 'case' }>['to'];
export const CASES: readonly CaseStyle[] = ['upper', 'lower', 'title', 'sentence'];

export type CommonTransforms = {
  trim: boolean;
  case?: CaseStyle;
  prefix: string;
  suffix: string;
  default: string;
  /** The rules the form does not edit, in their order. */
  others: Transform[];
};

export function readTransforms(transforms: readonly Transform[] = []): CommonTransforms {
  const common: CommonTransforms = { trim: false, prefix: '', suffix: '', default: '', others: [] };
  for (const t of transforms) {
    if (t.op === 'trim') common.trim = true;
    else if (t.op === 'case') common.case = t.to;
    else if (t.op === 'prefix') common.prefix = t.value;
    else if (t.op === 'suffix') common.suffix = t.value;
    else if (t.op === 'default') common.default = t.value;
    else common.others.push(t);
  }
  return common;
}

/**
 * In the order that reads as meant: tidy, replace, change case, then dress the value; `default` last
 * so it stands in for an empty cell as typed (prefixes and suffixes wait for a value anyway).
 */
export function writeTransforms(common: CommonTransforms): Transform[] {
  return [
    ...(common.trim ? [{ op: 'trim' } as const] : []),
    ...common.others,
    ...(common.case ? [{ op: 'case', to: common.case } as const] : []),
    ...(common.prefix ? [{ op: 'prefix', value: common.prefix } as const] : []),
    ...(common.suffix ? [{ op: 'suffix', value: common.suffix } as const] : []),
    ...(common.default ? [{ op: 'default', value: common.default } as const] : []),
  ];
}
