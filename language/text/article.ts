// "a" or "an" before a family name, as it is read aloud: "an FLM ID" (ef-el-em), "a GOV ID"
// (a word), "an ACME ID", "a UM ID" (you-em).
const VOWEL_SOUND_LETTERS = new Set(['A', 'E', 'F', 'H', 'I', 'L', 'M', 'N', 'O', 'R', 'S', 'X']);

export function article(word: string): 'a' | 'an' {
  const w = word.toUpperCase();
  const first = w[0] ?? '';
  // Read as a word when it has a vowel after the first letter (ACME, CORE, GOV); as letters otherwise (FLM, LC).
  const spoken = /[AEIOU]/.test(w.slice(1)) && w.length > 2;
  if (spoken) return /[AEIO]/.test(first) ? 'an' : 'a';
  if (first === 'U') return 'a';
  return VOWEL_SOUND_LETTERS.has(first) ? 'an' : 'a';
}
