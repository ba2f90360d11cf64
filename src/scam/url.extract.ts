import { domainToASCII, domainToUnicode } from 'node:url';

/**
 * Find links in a post: URLs with a scheme and bare domains ("s0ra-ai.cn", "chatgpt-sora.live/free"), which
 * Chinese posts write without a scheme and often right after Chinese text. Works on NFKC-normalised text.
 */
export interface FoundUrl {
  /** As written (normalised), with scheme when there was one. */
  url: string;
  /** Host in Unicode (IDN decoded) and ASCII (punycode) forms. */
  host: string;
  hostAscii: string;
  path: string;
  index: number;
}

/** TLDs accepted for bare domains (without a scheme); with a scheme any TLD is accepted. */
export const KNOWN_TLDS = new Set(
  ('com net org cn io ai app live online xyz top site shop vip club info co me tv cc link pro store tech fun icu ' +
    'buzz biz us uk de jp kr hk tw sg ru in fr it es nl eu ca au nz br mx gg ly to ws so la sh dev page cloud ' +
    'website space today world life work news video media studio digital network group team services ltd ' +
    'asia mobi name one run cam download click help support email best win bid loan men tk ml ga cf gq rest')
    .split(' '),
);

/** Newer generic TLDs much used by throw-away scam sites. */
export const RISKY_TLDS = new Set(
  'xyz top live online site app vip shop icu buzz club fun click cam rest win bid loan men tk ml ga cf gq work store space website cfd sbs'.split(' '),
);

const LABEL = String.raw`(?:[\p{L}\p{N}](?:[\p{L}\p{N}-]{0,61}[\p{L}\p{N}])?)`;
const HOST = String.raw`(?:${LABEL}\.)+(?:[\p{L}]{2,24}|xn--[a-z0-9-]+)`;
const WITH_SCHEME = new RegExp(String.raw`\b(?:https?|hxxps?)://(${HOST}|\d{1,3}(?:\.\d{1,3}){3})(?::\d+)?([^\s，。！？、）)\]}>"'“”\p{Script=Han}]*)`, 'giu');
// Without a scheme, labels are Latin/Cyrillic/Greek only: a bare domain often touches Chinese text ("点击s0ra-ai.cn安装").
const BL = String.raw`[\p{Script=Latin}\p{Script=Cyrillic}\p{Script=Greek}\p{N}]`;
const BARE_LABEL = String.raw`(?:${BL}(?:(?:${BL}|-){0,61}${BL})?)`;
const BARE_HOST = String.raw`(?:${BARE_LABEL}\.)+(?:[a-z]{2,24}|xn--[a-z0-9-]+)`;
const BARE = new RegExp(String.raw`(?<![\p{Script=Latin}\p{Script=Cyrillic}\p{Script=Greek}\p{N}@.\-/])(${BARE_HOST})(?![\p{Script=Latin}\p{Script=Cyrillic}\p{Script=Greek}\p{N}-])(/[^\s，。！？、）)\]}>"'“”\p{Script=Han}]*)?`, 'giu');

export function extractUrls(text: string): FoundUrl[] {
  const out: FoundUrl[] = [];
  const seen = new Set<string>();
  const add = (raw: string, host: string, path: string, index: number, scheme: boolean) => {
    host = host.toLowerCase().replace(/\.$/, '');
    const ascii = domainToASCII(host);
    if (!ascii) return;
    const tld = ascii.split('.').pop() ?? '';
    if (!scheme && !KNOWN_TLDS.has(tld) && !tld.startsWith('xn--')) return;
    // Bare "file.txt"-like words: require a letter in the label before the TLD.
    const key = ascii + path;
    if (seen.has(key)) return;
    seen.add(key);
    out.push({ url: raw, host: domainToUnicode(ascii) || host, hostAscii: ascii, path, index });
  };
  const covered: [number, number][] = [];
  for (const m of text.matchAll(WITH_SCHEME)) {
    add(m[0], m[1], m[2] ?? '', m.index, true);
    covered.push([m.index, m.index + m[0].length]);
  }
  for (const m of text.matchAll(BARE)) {
    if (covered.some(([s, e]) => m.index >= s && m.index < e)) continue;
    if (/^\d+(\.\d+)+$/.test(m[1])) continue;
    add(m[0], m[1], m[2] ?? '', m.index, false);
  }
  return out;
}

/** Parse a URL given on the command line / API (with or without scheme). */
export function parseGivenUrl(u: string): FoundUrl | null {
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(u) ? u : `http://${u}`;
  try {
    const p = new URL(withScheme);
    if (!p.hostname) return null;
    const ascii = p.hostname.toLowerCase();
    return { url: u, host: domainToUnicode(ascii) || ascii, hostAscii: ascii, path: p.pathname + p.search, index: -1 };
  } catch {
    return null;
  }
}
