import type { Post } from '../domain/post.js';
import type { CheckResult, Keyframe } from '../domain/report.js';
import type { ReferenceLabel } from '../domain/match.js';
import type { ScamResult } from '../domain/scam.js';

/**
 * What the HTTP layer needs from the services. The real services (verification, registry, scam) satisfy these
 * structurally; tests pass fakes. Keeping the surface small keeps the routes testable without ffmpeg.
 */
export interface CheckProgressPort { stage: string; fraction: number }

export interface CheckRunnerPort {
  check(
    post: Post,
    opts?: { onProgress?: (p: CheckProgressPort) => void; signal?: AbortSignal; keyframesDir?: string },
  ): Promise<{ result: CheckResult; keyframes: Keyframe[] }>;
}

/** One registered reference as the API lists it. */
export interface ReferenceView {
  id: string;
  file: string;
  label: ReferenceLabel;
  source: string | null;
  generator: string | null;
  kind: string | null;
  created_at: string | null;
}

export interface RegistryPort {
  add(files: { path: string; name: string }[], opts: { label: ReferenceLabel; source?: string | null; generator?: string | null }): Promise<{ ids: string[] }>;
  list(page: { offset: number; limit: number }): Promise<{ total: number; items: ReferenceView[] }>;
  thumbnail(id: string): Promise<Buffer | null>;
  exists(id: string): Promise<boolean>;
}

export interface ScamPort {
  /** `images`: uploaded files (generated temp paths) with the client's file name for display. */
  analyzeScam(input: { text: string | null; urls: string[]; images: { path: string; name: string }[]; postedAt: string | null }): Promise<ScamResult>;
}

/** The demo clip offered on the page (npm start). */
export interface DemoPort {
  info(): { caption: string; posted_at: string; file_name: string } | null;
  file(): string | null;
}
