/** A typed array `length` long that starts with `array`'s values (the rest zero): for arrays that grow. */
export function grown<T extends Int32Array | Float64Array | Uint8Array>(
  array: T,
  length: number,
): T {
  const bigger = new (array.constructor as new (length: number) => T)(length);
  bigger.set(array);
  return bigger;
}
