/** A post to verify: optional media plus what came with it. */
export interface Post {
  /** Path to the media file; null for a text-only post. */
  file: string | null;
  caption: string | null;
  /** When the post appeared: YYYY-MM-DD or an ISO 8601 date-time with offset (see posted-at.ts). */
  postedAt: string | null;
  urls: string[];
}
