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
    verdict: { quadrant: string; summary: { en: string; zh: string }; confidence: number };
    evidence: { code: string; analyzer: string }[];
    claims: { type: string; text: string; status: string }[];
  } | null;
  error: { code: string; message: string } | null;
  report_url: string | null;
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
  scam: (body: { text?: string; urls?: string[]; posted_at?: string }) =>
    fetch('/api/scam', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }).then((r) => parse<ScamView>(r)),
  registry: (offset: number, limit: number) => fetch(`/api/registry?offset=${offset}&limit=${limit}`).then((r) => parse<{ total: number; items: Reference[] }>(r)),
  register: (fd: FormData, token: string | null) =>
    fetch('/api/registry', { method: 'POST', body: fd, headers: token ? { authorization: `Bearer ${token}` } : {} }).then((r) => parse<{ ids: string[] }>(r)),
  demo: () => fetch('/api/demo').then((r) => (r.ok ? (r.json() as Promise<{ caption: string; posted_at: string; file_name: string; file_url: string }>) : null)),
};
