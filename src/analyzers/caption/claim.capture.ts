/**
 * Capture vocabulary: what a poster says when the media is real footage ("filmed it myself", "dashcam footage",
 * "shot on my Pixel", 实拍, 行车记录仪拍到的), and denials of AI ("not AI", "不是AI"). Normalised text (see
 * claim.lexicon.ts). A pattern's group 1, when present, names the device.
 */
export type RealKind = 'filmed' | 'device' | 'not_ai' | 'real' | 'denial';

export interface CapturePattern {
  re: RegExp;
  kind: RealKind;
  /** Anchored at a clause's start (^) or whole clause (^…$): run on each clause, not on the whole text. */
  clause?: boolean;
  /** A cheap test the text must pass before the pattern runs (the pattern's verbs or nouns). */
  hint?: RegExp;
}

const VERB_HINT = /film|shot|record|captur|took|taken|caught|video|tap|snap/;

const DEVICE = String.raw`(iphone(?: \d+)?(?: pro)?(?: max)?|pixel(?: \d+)?|samsung|galaxy|gopro(?: hero ?\d*)?|phone|cell ?phone|camera|cam|sony(?: a\w+)?|a7\w*|canon(?: r\d)?|nikon|fuji(?:film)?|dji(?: \w+)?|drone|mavic|insta360|android|huawei|xiaomi|oneplus|dash ?cam|dashcam|doorbell(?: cam(?:era)?)?|ring(?: cam(?:era)?| doorbell)|security (?:camera|cam)|cctv|webcam|film|16mm|35mm|super ?8|camcorder|helmet ?cam|body ?cam|action cam|ipad|tripod|gimbal|lumix|leica|blackmagic|old \w+|trusty \w+)`;
const WHO = String.raw`(?:i|we|i've|we've|me|who|myself|my (?:friend|brother|sister|dad|mom|mum|wife|husband|son|daughter|neighbou?r|buddy|cousin|uncle|aunt|grandpa|grandma|colleague|roommate)|a friend|friend)`;
const CAPTURE_CAM = String.raw`(?:dash ?cam|dash-cam|dashcam|cctv|security (?:camera|cam)|doorbell (?:camera|cam)|ring (?:camera|cam|doorbell)|trail ?cam(?:era)?|helmet ?cam|body ?cam|bodycam|nanny ?cam|webcam|gopro|drone|traffic cam(?:era)?|surveillance (?:camera|cam|video|footage))`;

export const CAPTURE: CapturePattern[] = [
  { kind: 'filmed', re: new RegExp(String.raw`\b${WHO} (?:just |literally |actually |personally |finally )?(?:filmed|shot|recorded|captured|took|caught|videoed|taped|snapped)(?: (?:this|it|that|these|the (?:video|clip|footage|whole thing)|from|at|on|with|myself|in person|live|out (?:of )?my \w+))\b`, 'g'), hint: VERB_HINT },
  { kind: 'filmed', re: /\b(?:filmed|shot|recorded|captured|taken|taped) (?:(?:it|this) )?(?:by me|myself|personally|(?:just )?(?:today|yesterday|this morning|last night|tonight|earlier today|live)|on location|in person|with my own)\b/g, hint: VERB_HINT },
  { kind: 'filmed', re: /\b(?:filmed|shot|recorded|taken) (?:in|on|at|during) (?:(?:19|20)\d{2}|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)/g, hint: VERB_HINT },
  { kind: 'device', re: new RegExp(String.raw`\b(?:shot|filmed|recorded|captured|taken|caught|videoed) (?:(?:this|it) )?(?:on|with|from|using|through) (?:my |an? |the |our |his |her |their )?(?:own |trusty |old |new )?${DEVICE}\b`, 'g'), hint: VERB_HINT },
  { kind: 'device', re: /#shoton(iphone|pixel|samsung|gopro|dji|sony|canon|huawei|xiaomi)\b/g },
  { kind: 'device', re: new RegExp(String.raw`\b(?:just|only|from|with) my (?:own |trusty |old )?${DEVICE}\b`, 'g'), hint: /\bmy\b/ },
  { kind: 'device', re: new RegExp(String.raw`\b${CAPTURE_CAM} (?:footage|video|clip|recording|caught|captured|shows|showed|recorded|picked up|cam video)\b|\b(?:footage|video|clip|recording) (?:from|off|on|of) (?:my|our|a|the|his|her|their) ${CAPTURE_CAM}\b|\b(?:my|our) ${CAPTURE_CAM} caught\b`, 'g'), hint: /cam|cctv|drone|gopro|footage|video|clip|recording/ },
  { kind: 'device', re: /\bcaught (?:(?:this|it) )?on (?:camera|tape|video|film|cctv|(?:my|our|a|the) (?:\w+ )?(?:cam|camera|dashcam|dash cam|phone|gopro))\b/g, hint: /caught/ },
  { kind: 'real', re: /\b(?:real|actual|raw|genuine|authentic|unedited|uncut|unfiltered|live|candid) (?:footage|video|clip|recording|camera|shots?|photo)s?\b/g, hint: /footage|video|clip|recording|camera|shot|photo/ },
  { kind: 'real', re: /\b(?:no edits?|unedited|straight out of (?:the )?camera|sooc|shot on film|no filters?,? no edits?|my own footage|footage i (?:took|shot|filmed))\b/g },
  { kind: 'real', re: /\b(?:it'?s|its|this is|this was|that'?s|it is|this one is|this video is|the video is|the footage is|this clip is|all|100%) (?:a |an )?(?:100% |totally |completely |actually |really |definitely |all |very much )?real\b(?!\s*(?:or\b|estate|madrid|talk|life|world|quick|one|problem|thing|deal|question|issue|concern|risk|threat))/g },
  { kind: 'real', re: /^\s*(?:real|100% real|all real|totally real|real af)[\s,.!;:，。！；：]*$/g, clause: true },
  { kind: 'real', re: /\bi was (?:literally |actually |right |standing )*there\b/g },
  { kind: 'filmed', re: /^\s*(?:just |literally )?(?:filmed|shot|recorded|captured|took|caught|snapped|videoed) (?:this|it|that)\b/g, clause: true },
  { kind: 'filmed', re: /^\s*(?:拍的|录的|刚拍的|实拍的|刚录的)/g, clause: true },
  { kind: 'filmed', re: /拍摄于|摄于|拍于/g },
  { kind: 'real', re: /(?:其实|确实|就|真的)是真的|是真实的/g },
  { kind: 'not_ai', re: /\bnot (?:ai[- ])?generated\b|\bnot (?:a )?deepfake\b/g },
  { kind: 'not_ai', re: /\b(?:not|no|zero|without|never|0) (?:an? )?(?:ai|cgi|a\.i\.)\b(?![- ]?(?:tools?|detector|course|fans?|hater))|\bno ai (?:was |were )?(?:used|involved)\b|\b(?:isn'?t|isnt|is not|wasn'?t|wasnt|was not|ain'?t|aint|'s not|’s not) (?:an? )?(?:ai|fake)\b/g },
  { kind: 'filmed', re: /(?:亲自|亲手|本人|自己|我|我们|博主|朋友|网友|路人|刚刚|刚|今天|昨天|今早|昨晚|现场|手机|用手机|原创|路过|路上|楼下|门口|在家)(?:亲自|刚|今天|昨天)?(?:拍摄|拍的|拍到|拍下|录制|录的|录下|录到|实拍)/g },
  { kind: 'device', re: /(?:手机|相机|单反|胶片|胶卷|gopro|iphone|华为|大疆|索尼|无人机|尼康|佳能|小米|运动相机)[^，。！？,.!?]{0,6}?(?:拍摄|拍的|拍到|拍下|录的|录制|航拍)(?!技巧|方法|教程|攻略)/g },
  { kind: 'device', re: /行车记录仪|执法记录仪|记录仪|监控(?:画面|视频|录像|拍到|拍下|拍的|录到|录下|录的|截图)|航拍|门铃摄像头/g },
  { kind: 'real', re: /实拍|真实拍摄|真实视频|真实画面|真实影像|真实录像|现场视频|现场画面|现场拍摄|无剪辑|没有剪辑|未经剪辑|未剪辑|没有任何剪辑|原片|原视频无|纯实拍|这是真的|真的是实拍|真人实拍|我在现场|无滤镜|现场直击|有图有真相/g },
  { kind: 'not_ai', re: /(?:不是|并非|绝非|绝不是|并不是|非|没有用|没用|没有使用|未使用|未用|不用|无|零|拒绝)(?:ai|人工智能|aigc|特效|cg)(?!课|教程|工具|软件|课程)/g },
];

/** A clause that only denies ("Nope", "It's not.", "lol no", "不是"): real when the post asked about or reported AI. */
export const DENIAL = /^(?:(?:lol|lmao|haha|ha|well|but|and)\s)?(?:nope|no+(?! (?:idea|clue|one|way|doubt|wonder|matter|joke|cap)\b)|nah|not really|not at all|it'?s not|it isn'?t|it wasn'?t|it is not|wrong|not true|false|不是|并不是|才不是|不是的|当然不是|并没有)(?:$|[\s.!,]|\p{Extended_Pictographic})/u;
