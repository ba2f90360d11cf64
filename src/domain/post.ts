/** A post to verify: optional media plus what came with it. */
export interface Post {
  /** Path to the media file; null for a text-only post. */
  file: string | null;
  caption: string | null;
  /** YYYY-MM-DD; the date the post appeared. */
  postedAt: string | null;
  urls: string[];
}
