/**
 * Prompt patterns for captions and burned-in text, as data (the claim parser's other words are in
 * claim.lexicon.ts, claim.capture.ts and src/claims/claim.scope.ts). Normalised text (src/knowledge/text-normalize.ts).
 */

/**
 * Generation prompt or "generation instructions" offered with the media: a claim that it was generated.
 * Selling prompt packs ("提示词合集", "1,000 prompts") is not a claim about this media.
 */
export const PROMPT_PATTERNS: RegExp[] = [
  /(?:生成指令|提示词|咒语|(?:generation |text |video )?prompt|生成参数|生成口令)\s?(?:如下|在评论区|见评论|见下|附上|放评论)?\s?[:：]/g,
  /(?:附|附上|附带|奉上|分享)(?:完整|原始|原版)?(?:生成指令|提示词|咒语|prompt)(?!合集|大全|包|库|模板)/g,
  /\b(?:the |my |full |original )?prompts? (?:used|i used|was|is|below|in (?:the )?(?:comments?|replies|thread|description|alt)|for this)\b/g,
  /(?:提示词|咒语|prompt|生成指令)(?:放|在|见)(?:评论区|评论|下面|下方|置顶)/g,
  /\b(?:with|using) (?:the|this|a|my) (?:following )?prompt\b/g,
];
/** Words that turn a prompt mention into a sale of prompt packs, not a claim about the media. */
export const PROMPT_SALE = /(?:合集|大全|包|库|模板|课程|出售|售|卖|元|¥|\$|付费|群|bible|pack|bundle|collection|course|\d{2,} prompts)/;

