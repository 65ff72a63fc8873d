/**
 * A copy of a text that does not keep the larger string it was cut from alive. In V8 a substring of
 * 13+ characters is a slice holding its whole parent (a file's shared-string table, a 32 MiB sheet
 * chunk), and a replace that removes characters is a rope of slices of its input: a candidate or
 * cache keeping one would pin all of it. Flattening a one-character prefix copies the characters
 * once; short strings are always copies already.
 */
export function ownString(s: string): string {
  return s.length < 13 ? s : (' ' + s).slice(1);
}
