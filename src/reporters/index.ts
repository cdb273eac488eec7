import { compact } from './compact';
import { json } from './json';
import type { Reporter } from './reporter';
import { stylish } from './stylish';

export const reporters = { stylish, json, compact } satisfies Record<string, Reporter>;

export type FormatName = keyof typeof reporters;

export const formatNames = Object.keys(reporters) as FormatName[];

export function isFormatName(name: string): name is FormatName {
  return Object.prototype.hasOwnProperty.call(reporters, name);
}
