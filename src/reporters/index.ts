import { compact } from './compact';
import { github } from './github';
import { gitlab } from './gitlab';
import { json } from './json';
import { junit } from './junit';
import type { Reporter } from './reporter';
import { sarif } from './sarif';
import { stylish } from './stylish';

export const reporters = { stylish, json, sarif, github, junit, gitlab, compact } satisfies Record<string, Reporter>;

export type FormatName = keyof typeof reporters;

export const formatNames = Object.keys(reporters) as FormatName[];

export function isFormatName(name: string): name is FormatName {
  return Object.prototype.hasOwnProperty.call(reporters, name);
}
