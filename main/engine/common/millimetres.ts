// Templates speak millimetres, PDF and the layout plan points: one conversion, shared by layout, the
// PDF writer and tagged text, so a 3 mm bleed is the same 3 mm everywhere.
export const MM = 72 / 25.4;
export const mm = (value: number) => value * MM;
