/** The page talks only to the public API (CONTRACTS.md). */
export interface Problem { code: string; detail: string; status: number }

export class ApiError extends Error {
  constructor(readonly problem: Problem) {
    super(`${problem.detail} [${problem.code}]`);
  }
}

async function parse<T>(res: Response): Promise<T> {
  const type = res.headers.get('content-type') ?? '';
  if (!res.ok) {
    if (type.includes('json')) {
      const p = (await res.json()) as Partial<Problem>;
      throw new ApiError({ code: p.code ?? 'http_error', detail: p.detail ?? res.statusText, status: res.status });
    }
    throw new ApiError({ code: 'http_error', detail: `${res.status} ${res.statusText}`, status: res.status });
  }
  return (await res.json()) as T;
}

export interface CheckState {
  id: string;
  status: 'queued' | 'running' | 'done' | 'failed';
  progress: number;
  stage: string | null;
  result: {
    rating?: { value: string; finding: { en: string; zh: string }; basis: string[] } | null;
    verdict: { quadrant: string; summary: { en: string; zh: string }; confidence: number };
    media: { kind: string; width: number; height: number } | null;
    evidence: { code: string; analyzer: string }[];
    claims: { type: string; text: string; status: string }[];
  } | null;
  error: { code: string; message: string } | null;
  keyframes: { index: number; timestamp: number; url: string }[];
  report_url: string | null;
}

/** One past check (GET /api/checks, CONTRACTS.md "Scale-out"). */
export interface HistoryItem {
  id: string;
  status: string;
  created_at: string;
  rating: string | { value: string } | null;
  quadrant: string | null;
  file_name: string | null;
}

export interface ScamView {
  label: string;
  score: number;
  symbols: { code: string; detail: string; detail_zh?: string; span: string | null }[];
  urls: { url: string; lookalike_of: string | null }[];
  claims?: { type: string; text: string; status: string; reasons: string[]; reasons_zh?: string[] }[];
}

export interface Reference {
  id: string; file: string; label: string; source: string | null; generator: string | null; kind: string | null;
  created_at: string | null; thumbnail_url: string;
}

export const api = {
  submitCheck: (fd: FormData) => fetch('/api/checks', { method: 'POST', body: fd }).then((r) => parse<{ id: string }>(r)),
  getCheck: (id: string) => fetch(`/api/checks/${encodeURIComponent(id)}`).then((r) => parse<CheckState>(r)),
  /** JSON, or multipart when poster images come with it (QR codes, known scam posters). */
  scam: (body: { text?: string; urls?: string[]; posted_at?: string }, images: File[] = []) => {
    if (images.length === 0) {
      return fetch('/api/scam', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }).then((r) => parse<ScamView>(r));
    }
    const fd = new FormData();
    if (body.text) fd.append('text', body.text);
    if (body.posted_at) fd.append('posted_at', body.posted_at);
    for (const u of body.urls ?? []) fd.append('urls[]', u);
    for (const f of images) fd.append('image', f, f.name);
    return fetch('/api/scam', { method: 'POST', body: fd }).then((r) => parse<ScamView>(r));
  },
  history: (cursor: string | null, limit = 20) =>
    fetch(`/api/checks?limit=${limit}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`).then((r) => parse<{ items: HistoryItem[]; next_cursor: string | null }>(r)),
  registry: (offset: number, limit: number) => fetch(`/api/registry?offset=${offset}&limit=${limit}`).then((r) => parse<{ total: number; items: Reference[] }>(r)),
  register: (fd: FormData, token: string | null) =>
    fetch('/api/registry', { method: 'POST', body: fd, headers: token ? { authorization: `Bearer ${token}` } : {} }).then((r) => parse<{ ids: string[] }>(r)),
  demo: () => fetch('/api/demo').then((r) => (r.ok ? (r.json() as Promise<{ caption: string; posted_at: string; file_name: string; file_url: string }>) : null)),
};
