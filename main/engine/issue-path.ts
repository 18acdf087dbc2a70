/** `fields.price.transforms[0].op`: a zod issue's path as a user reading the JSON file would write it. */
export const formatIssuePath = (path: readonly PropertyKey[]): string => {
  let text = '';
  for (const key of path) {
    if (typeof key === 'number') text += `[${key}]`;
    else if (typeof key === 'string' && /^[A-Za-z_$][\w$]*$/.test(key)) text += text === '' ? key : `.${key}`;
    else text += `[${JSON.stringify(String(key))}]`;
  }
  return text;
};
