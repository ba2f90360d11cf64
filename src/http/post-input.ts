/** The HTTP routes validate a post's text fields with the one shared schema (src/domain/post-input.ts). */
export { parseCaption, parsePostedAt, parsePostInput, parseUrls } from '../domain/post-input.js';
