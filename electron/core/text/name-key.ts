/** How names compare when people type them: case and runs of spaces do not matter. "  Trust  in Police" → "trust in police". */
export function nameKey(name: string): string {
  return name.trim().replace(/\s+/g, ' ').toLocaleLowerCase();
}
