import type { Txt } from './report.i18n.js';

/**
 * Upload pages of the major reverse image search engines. The reports only link to them: the journalist
 * downloads a keyframe and uploads it; no request leaves the server (or the report) by itself.
 */
export const REVERSE_SEARCH: readonly { id: string; name: string; url: string }[] = [
  { id: 'google-lens', name: 'Google Lens', url: 'https://lens.google.com/' },
  { id: 'bing', name: 'Bing', url: 'https://www.bing.com/visualsearch' },
  { id: 'yandex', name: 'Yandex', url: 'https://yandex.com/images/' },
  { id: 'tineye', name: 'TinEye', url: 'https://tineye.com/' },
  { id: 'baidu', name: 'Baidu', url: 'https://graph.baidu.com/pcpage/index?tpl_from=pc' },
];

export const REVERSE_SEARCH_HINT: Txt = {
  en: 'Reverse image search: download a keyframe, then upload it on one of these pages to find earlier copies.',
  zh: '以图搜图：先下载关键帧，再到以下网站上传，查找更早出现的版本。',
};

/** File name of keyframe n inside downloads and the ZIP: index and time, sortable. */
export function keyframeFileName(index: number, timestamp: number): string {
  return `keyframe-${String(index).padStart(2, '0')}-${timestamp.toFixed(2)}s.jpg`;
}
