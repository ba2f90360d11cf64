/** What a decoded QR payload is: the kinds scam posters use to move people off the platform or take money. */
export type QrKind = 'group_invite' | 'payment' | 'short_link' | 'app_download' | 'contact' | 'url' | 'text';

export interface QrFinding {
  /** Image file (as given) the code was found in. */
  image: string;
  text: string;
  kind: QrKind;
}

const RULES: { kind: QrKind; re: RegExp }[] = [
  { kind: 'payment', re: /^wxp:\/\/|qr\.alipay\.com|alipays?:\/\/|qr\.95516\.com|paypal\.me\/|^upi:\/\/pay|^(?:bitcoin|ethereum|litecoin|tron|usdt):|payapp\.weixin\.qq\.com|wx\.tenpay\.com|收款/i },
  { kind: 'group_invite', re: /weixin\.qq\.com\/g\/|qm\.qq\.com\/cgi-bin\/qm\/qr|jq\.qq\.com|qun\.qq\.com|chat\.whatsapp\.com|t\.me\/(?:joinchat|\+)|discord\.(?:gg|com\/invite)|work\.weixin\.qq\.com\/gm\/|zsxq\.com|t\.zsxq\.com|群/i },
  { kind: 'contact', re: /u\.wechat\.com|weixin\.qq\.com\/r\/|wa\.me\/|t\.me\/|qm\.qq\.com|^mecard:|^begin:vcard|^tel:|^mailto:|^smsto?:/i },
  { kind: 'app_download', re: /\.apk(?:$|[?#])|^itms-services:|apps\.apple\.com|play\.google\.com\/store|\/download|下载|\.ipa(?:$|[?#])|fir\.im|pgyer\.com/i },
  { kind: 'short_link', re: /^(?:https?:\/\/)?(?:t\.cn|dwz\.cn|url\.cn|suo\.im|bit\.ly|tinyurl\.com|is\.gd|t\.co|goo\.gl|reurl\.cc|s\.id|rebrand\.ly|cutt\.ly|ow\.ly|shorturl\.at|v\.gd|tb\.cn|m\.tb\.cn|s\.click\.taobao\.com)\//i },
  { kind: 'url', re: /^(?:https?|hxxps?):\/\/|^www\./i },
];

export function classifyQr(text: string): QrKind {
  for (const r of RULES) if (r.re.test(text)) return r.kind;
  return 'text';
}

export const QR_KIND_EN: Record<QrKind, string> = {
  group_invite: 'a group invitation',
  payment: 'a payment code',
  short_link: 'a short link that hides its destination',
  app_download: 'an app download',
  contact: 'a personal contact card',
  url: 'a web link',
  text: 'plain text',
};
export const QR_KIND_ZH: Record<QrKind, string> = {
  group_invite: '群邀请',
  payment: '收款码',
  short_link: '隐藏真实地址的短链接',
  app_download: '应用下载',
  contact: '个人联系方式',
  url: '网页链接',
  text: '纯文本',
};
