/** UTF-16 helpers shared by the matchers: a surrogate pair is one character, a lone surrogate is one character. */

export function isHighSurrogate(unit: number): boolean {
  return unit >= 0xd800 && unit <= 0xdbff;
}

export function isLowSurrogate(unit: number): boolean {
  return unit >= 0xdc00 && unit <= 0xdfff;
}

/** UTF-16 length (1 or 2) of the character starting at `i`; assumes `i < s.length`. */
export function charWidthAt(s: string, i: number): number {
  return isHighSurrogate(s.charCodeAt(i)) && isLowSurrogate(s.charCodeAt(i + 1)) ? 2 : 1;
}

/** UTF-16 length (1 or 2) of the character ending just before `end`; assumes `end > 0`. */
export function charWidthBefore(s: string, end: number): number {
  return end >= 2 && isLowSurrogate(s.charCodeAt(end - 1)) && isHighSurrogate(s.charCodeAt(end - 2)) ? 2 : 1;
}
