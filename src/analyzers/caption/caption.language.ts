/**
 * Which language a caption is written in, as far as claim reading needs: genproof reads claims in Chinese
 * (simplified and traditional, through the normaliser) and English. Anything else is reported as "claims not
 * read" rather than a silent null. A script test first (Han, kana, Hangul, Cyrillic, Arabic…), then, for Latin
 * text, common function words of English against those of other Latin-script languages.
 */
export interface CaptionLanguage {
  /** 'zh', 'en', 'mixed' (zh + en), 'ja', 'ko', 'ru', 'ar', 'latin' (another Latin-script language), 'other', 'none'. */
  code: string;
  /** Whether the claim reader reads this language. */
  read: boolean;
}

const SCRIPTS: [RegExp, string][] = [
  [/[\u3040-\u30FF]/g, 'ja'],
  [/[\uAC00-\uD7AF\u1100-\u11FF]/g, 'ko'],
  [/[\u0400-\u04FF]/g, 'ru'],
  [/[\u0600-\u06FF\u0750-\u077F]/g, 'ar'],
  [/[\u0590-\u05FF]/g, 'he'],
  [/[\u0E00-\u0E7F]/g, 'th'],
  [/[\u0900-\u097F]/g, 'hi'],
  [/[\u0370-\u03FF]/g, 'el'],
];
const HAN = /[\u3400-\u9FFF\uF900-\uFAFF]/g;
const HAN_ONE = /[\u3400-\u9FFF\uF900-\uFAFF]/;
const EN_WORDS = new Set('the a an and or but is are was were this that it its it\'s i my me we our you your with by for of on in at to from not no made make generated created filmed shot real video clip just so what who how lol'.split(' '));
const OTHER_WORDS = new Set((
  'el la los las un una y o pero es son fue esto esta este eso con por para del al lo que no hecho generado grabado video real ' +
  'le les des une et ou mais est sont était ce cette avec pour du au qui pas fait généré filmé vidéo vrai ' +
  'der die das ein eine und oder aber ist sind war dies diese mit von für nicht gemacht erstellt gefilmt echt ' +
  'il lo gli uno e ma è sono questo questa con per non fatto generato girato vero ' +
  'os as um uma e ou mas é são foi isto este esta com por para não feito gerado filmado vídeo verdadeiro ' +
  'de het een en maar is zijn dit deze met voor niet gemaakt ' +
  'yang dan ini itu dengan untuk tidak dibuat asli ' +
  'bir ve ama bu ile için değil yapıldı gerçek'
).split(' ').filter((w) => !EN_WORDS.has(w)));

function count(s: string, re: RegExp): number {
  return s.match(re)?.length ?? 0;
}

export function captionLanguage(text: string): CaptionLanguage {
  const han = count(text, HAN);
  const kana = count(text, SCRIPTS[0][0]);
  for (const [re, code] of SCRIPTS) {
    const k = count(text, re);
    // Japanese writes Han with kana; a few kana in a Chinese post ("の") do not make it Japanese.
    if (k >= 2 && k >= (code === 'ja' ? han * 0.2 : 0) && (code !== 'ja' || kana > 0)) return { code, read: han > k * 4 };
  }
  const words = text.toLowerCase().normalize('NFKC').match(/\p{L}+(?:'\p{L}+)?/gu)?.filter((w) => !HAN_ONE.test(w)) ?? [];
  const latin = words.filter((w) => /^[a-zà-ÿ'’ğışçœ]+$/u.test(w));
  const en = latin.filter((w) => EN_WORDS.has(w)).length;
  const other = latin.filter((w) => OTHER_WORDS.has(w)).length;
  const diacritics = count(text, /[à-öø-ÿğışœ]/gi);
  const foreign = latin.length >= 3 && other + Math.min(2, diacritics) >= 2 && other + Math.min(2, diacritics) > en * 1.5;
  if (han > 0) return { code: latin.length > han ? 'mixed' : 'zh', read: true };
  if (foreign) return { code: 'latin', read: false };
  if (latin.length > 0) return { code: 'en', read: true };
  return { code: words.length > 0 ? 'other' : 'none', read: words.length === 0 };
}
