import type { Post } from '../domain/post.js';

/**
 * Job names and their payloads. The name is a stable key (a BullMQ implementation uses it as the queue/job
 * name), payloads are plain JSON so they can cross a process boundary.
 */
export const JobName = {
  /** Run a full verification of one post. */
  Check: 'check',
} as const;
export type JobName = (typeof JobName)[keyof typeof JobName];

export interface CheckJobPayload {
  post: Post;
  /** Private directory of this job (upload + keyframes); removed when the job is evicted. */
  workDir: string;
  /** Blob-store key of workDir: a worker on another machine finds the files under its own --blob-dir. */
  blobKey?: string | null;
}

/** Payload type per job name. */
export interface JobPayloads {
  check: CheckJobPayload;
}

export type JobStatus = 'queued' | 'running' | 'done' | 'failed';

export interface JobError {
  code: string;
  message: string;
  /** HTTP status the error maps to (from AppError), for API consumers. */
  status: number;
}

/** What the queue knows about one job (the public `GET /api/checks/{id}` view is built from this). */
export interface JobState<R = unknown> {
  id: string;
  name: JobName;
  status: JobStatus;
  /** 0..1 overall. */
  progress: number;
  /** Current stage name reported by the handler, e.g. "probe", "c2pa". */
  stage: string | null;
  result: R | null;
  error: JobError | null;
  createdAt: number;
  startedAt: number | null;
  finishedAt: number | null;
}
