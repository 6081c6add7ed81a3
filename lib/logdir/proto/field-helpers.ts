import type { IMapField } from 'protobufjs';

/** A `map<string, T>` field (a literal would fail protobufjs' IField excess-property check). */
export function stringMap(type: string, id: number): IMapField {
  return { keyType: 'string', type, id };
}

/** TensorFlow writes repeated numbers packed (proto3's default); protobufjs reads either form. */
export const packed = { packed: true };
