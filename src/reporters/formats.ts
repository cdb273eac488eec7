/** The report formats, by name (the reporters themselves load only when chosen). */
export const formatNames = ['stylish', 'json', 'sarif', 'github', 'junit', 'gitlab', 'compact'] as const;

export type FormatName = (typeof formatNames)[number];

export function isFormatName(name: string): name is FormatName {
  return (formatNames as readonly string[]).includes(name);
}
