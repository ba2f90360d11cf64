/**
 * Word lists used by the scam symbols, as regular-expression sources over the normalised text (lower case,
 * simplified Chinese, NFKC). Kept as data so they can be reviewed and extended without touching the matchers.
 */

/** AI products and hype words. `folded` text is matched, so "s0ra" and "ѕora" count. 索拉/搜拉 are transliterations. */
export const BRAND = String.raw`(?<![a-z])(?:sora|openai|open ai|chatgpt|chat gpt|gpt-?4o?|gpts|gpt|kling|veo|runway|midjourney|pika|dall-?e|aigc|ai video|ai art|ai film|ai director|ai)(?![a-z])|索拉|搜拉|可灵|海螺ai|即梦|ai视频|ai绘画|ai电影|ai导演|文生视频|人工智能`;

/** Named AI products (the composite counts them more than "AI" in general). */
export const NAMED_PRODUCT = String.raw`(?<![a-z])(?:sora|openai|open ai|chatgpt|chat gpt|gpt-?4o?|gpts|kling|veo|runway|midjourney|pika|dall-?e)(?![a-z])|索拉|搜拉|可灵|海螺ai|即梦`;

/** A named generator that has a dated availability history in the KB. */
export const PRODUCT_BRAND = String.raw`sora|索拉|搜拉|chatgpt|chat gpt|openai|gpt-?4o?`;

/** Prices: 99元, ¥99, 99块, 仅需888, $29, 29 usd, 年费365, 原价1999. */
export const PRICE = String.raw`(?:\d{1,15}(?:\.\d{1,15})?\s*(?:元|块钱|块|rmb|人民币|美元|美金|刀)|[¥$€£]\s*\d{1,15}(?:[.,]\d{1,15})?|(?:立减|直降|减免|返现|仅需|只需|只要|费用|门票|原价|现价|特价|直降到|售价|定价|首月|\p{Script=Han}{0,3}费(?:每[^\d]{0,3})?)\s*\d{1,15}(?:\.\d{1,15})?|\d{1,15}(?:\.\d{1,15})?\s*(?:usd|dollars|bucks|gbp|eur|euros?|yuan|rmb|cny|hkd)\b|\d{1,15}\s*/\s*(?:month|mo|月|年)|(?<![a-z\d])\d{1,6}\s*(?:r|米|💰)(?![a-z]))`;

/** Words that make a price an offer, when no price is given. */
export const SALE = String.raw`\d{1,3}% off|lifetime access|转账|支付宝|微信支付|发你邮箱|selling|instant access|预付款|预付|定金|带走|上车|先款后发|先款|转让|报名|购买|下单|买断|付款|付费|支付|收费|缴纳|出售|售卖|转让|秒发|拍下|扫码付|buy|purchase|order now|pay\b|paid|subscribe|enroll|for sale|checkout`;

export const FREE = String.raw`免费|不收费|(?<![\d.])0元|零元|\bfree\b|no fee|no charge|at no cost`;

export const COURSE = String.raw`一对一教学|教学|课程|大师课|网课|教程|训练营|实战营|特训营|速成班|培训班|培训|学习班|陪跑|私教课|课|course|tutorial|masterclass|master class|bootcamp|academy|workshop|lessons?|classes|coaching|tuition|training program|trains you|mentorship|cohort`;

export const UPSELL = String.raw`不出单(?:全额)?退款|学不会(?:全额)?退款|包教包会|包出单|保证出单|money-back guarantee|guaranteed results|证书|结业|包就业|推荐就业|certificate|certified|job guarantee|进阶班|高级班|vip班|升级版|私董会|一对一|upsell|premium tier|vip tier`;

export const GROUP = String.raw`创作者联盟|联盟|协会|入会|membership|\bguild\b|members(?:'|hip)? (?:club|area)|私密圈子?|付费圈子?|会员圈|圈子|qq群|知识星球|星球|付费群|社群|学习群|交流群|vip群|会员群|粉丝群|内部群|进群|入群|拉群|拉你进|加群|群费|discord|telegram group|tg群|private group|vip group|paid group|inner circle|private community|private channel|signal group|whatsapp group`;

export const PAYMENT = String.raw`${PRICE}|付费|缴纳|收费|群费|会费|年费|入群费|pay\b|paid|fee\b|\$\d{1,15}|subscription`;

export const QR_TEXT = String.raw`扫码|扫一扫|扫描二维码|二维码|长按识别|scan the qr|scan this qr|scan qr|qr code|qr-code`;

export const IMPERSONATION = String.raw`官方(?:合作|授权|指定|认证|唯一)?(?:渠道|代理|合作伙伴|客服|授权)|官方合作|官方(?:流量)?扶持|与\s*openai\s*达成(?:战略)?合作|openai\s*(?:的)?(?:战略)?合作伙伴|openai(?:官方)?(?:内部|员工|工作人员|合作伙伴|授权|代理|客服|渠道)|内部人员|内部员工|内部渠道|内部名额|官方认证|(?:openai|sora|chatgpt)\s*(?:官方)?(?:认证|授权)|授权代理|official (?:partner|reseller|channel|agent|distributor)|authori[sz]ed (?:openai |sora |chatgpt )?(?:reseller|partner|dealer|agent)|openai (?:staff|employee|insider|team member)|on behalf of openai|we are openai|openai support team`;

export const URGENCY = [
  String.raw`限时`, String.raw`限量`, String.raw`仅剩\s*\d*`, String.raw`只剩\s*\d*`, String.raw`最后\s*\d{1,15}\s*(?:小时|天|名|席|个名额)`,
  String.raw`手慢无`, String.raw`名额有限`, String.raw`先到先得`, String.raw`错过.{0,10}(?:再错过|后悔)`, String.raw`一步慢.{0,3}步步慢`,
  String.raw`最多(?:火|热)?\s*(?:三|3|两|2)个月`, String.raw`热度.{0,4}(?:三|3)个月`, String.raw`24小时内`, String.raw`今晚\s*\d*\s*点?.{0,4}(?:截止|恢复原价|涨价)`,
  String.raw`仅限(?:今天|今晚|今日|本周|当天|\d{1,15}\s*名)`, String.raw`马上涨价`, String.raw`即将涨价`, String.raw`明天涨价`, String.raw`倒计时`, String.raw`前\s*\d{1,15}\s*名`, String.raw`抓紧`, String.raw`速来`,
  String.raw`last chance`, String.raw`limited (?:time|seats|spots|offer)`, String.raw`only \d{1,15} (?:seats|spots|places|copies)`,
  String.raw`\d{1,15} (?:seats|spots) left`, String.raw`price goes up`, String.raw`(?:before|until) (?:i|we) raise the price`, String.raw`act now`, String.raw`hurry`, String.raw`expires? (?:today|tonight|soon)`,
  String.raw`don'?t miss`, String.raw`before it'?s too late`, String.raw`\burgent`, String.raw`final notice`, String.raw`ends tonight`, String.raw`(?:filling|selling) (?:up )?fast`, String.raw`spots are limited|limited spots`,
];

export const INCOME_STRONG = String.raw`(?:一条|一单|一个月|一天|一周)(?:视频)?(?:就)?(?:卖了|赚了|收入|变现)\s*[\d一二三四五六七八九十百千万]{1,8}|(?:回报率|收益率)\s*\d|\d{1,4}%\s*(?:回报|收益)|earn(?:s|ing)? (?:money )?while (?:they|you|i) sleep|make money while|quit your (?:9-5|job)|tired of your 9-?5|(?:平均)?月薪\s*[\d一二三四五六七八九十]{1,6}\s*[万千wk]|月入(?:过|上|破)\s*[万千wk]|月入\s*[\d一二三四五六七八九十百千万]{1,12}\s*[万千wk]?|日入\s*[\d一二三四五六七八九十百千万]{1,12}|日赚|躺赚|稳赚|包赚|保本保息|轻松赚|年入\s*[\d一二三四五六七八九十百千万]{1,12}\s*万|收益翻倍|月赚\s*[\d一二三四五六七八九十百千万]{1,12}|earn (?:up to )?\$?\d[\d,]{0,15}(?:k)? ?(?:a|per|/|every) ?(?:day|week|month)|\$\d[\d,]{0,15} ?(?:a|per|/) ?(?:day|week)|passive income|(?:i |we )?(?:made|earned|make|earn) (?:over |about )?\$\d[\d,.]{0,15}k? (?:a |per |last |this |every )?(?:day|week|month)|guaranteed (?:income|returns?|profits?)|100% (?:profit|guaranteed|returns)|risk[- ]free (?:income|profit|returns?)|double your (?:money|investment)`;

export const INCOME_WEAK = String.raw`赚到钱|第一笔收入|第一桶金|副业|变现|赚钱|搞钱|make money|side hustle|extra income|cash out`;

export const AI_DIRECTOR = String.raw`(?:第一代|首批|首代|首位|首个|第一批)\s*ai\s*(?:导演|编剧|创作者|电影人)|ai\s*(?:导演|编剧)(?:招募|培养|计划|孵化)|首部\s*(?:ai|sora|索拉)\s*(?:电影|短剧|影片)|ai\s*短剧\s*(?:主创|编剧|导演)|ai\s*电影共创|共创剧本|first (?:generation of )?ai (?:film |movie )?(?:directors?|filmmakers?|screenwriters?)|ai directors? (?:guild|program|academy|club|course|bootcamp)|ai (?:film|movie) (?:academy|co-?creation)|become (?:an? |one of the first )?ai (?:director|filmmaker)`;

export const MATERIAL = String.raw`手册|攻略|秘笈|方法论|提示词|案例模板|万能公式|(?:报告|论文|文档)(?:中文)?(?:翻译|解读)|\d{1,4}页\s*pdf|google drive|drive folder|dropbox|网盘资源|(?:学习|全套|内部|独家)资料|内部文档|资料包|资料合集|合集|大全|飞书文档|腾讯文档|百度网盘|网盘|提示词(?:包|合集|大全|库)|指令(?:合集|大全|包)|咒语(?:包|合集)?|prompt (?:pack|bible|library|bundle|collection|book)|prompts? pack|notion (?:link|template|page)|playbook|blueprint|swipe file|newsletter|(?:paid |full |step-by-step )guide\b|cheat ?sheet|secret (?:prompts|method|system|formula)|(?:\d[\d,+]{0,8} )?(?:[a-z-]+ )?prompts\b|(?:instant|pdf|digital) download|秘籍|内部资料|ebook|e-book|pdf guide`;

export const CONTACT = String.raw`加\s*[v微]|v信|威信|薇信|\bvx\b|\bwx\b|微信号?\s*[:：]\s*[a-z0-9_-]{5,}|私我|私信|私聊|滴滴我|\bdd我|小助手|关注我[，,]?\s*(?:并)?评论|添加(?:助理|客服|老师|微信)|reply ['"“‘]?[a-z0-9]{2,12}['"”’]? to (?:get|receive|join)|扣\s*1|评论区扣|加(?:客服)?\s*qq|qq\s*[:：]?\s*\d{5,}|dm (?:me|to|for)|(?:i'?ll|we'?ll) dm you|comment ['"“‘]?[a-z0-9]{2,12}['"”’]? (?:and|to|below)|message me|whatsapp|telegram|t\.me/|text (?:me|\w+) (?:on|at) \+?\d{6,}|call \+?\d{8,}|拉你进群|进群|入群|加群`;

export const PHISHING = String.raw`schedule (?:a )?redelivery|(?:shipment|parcel|package) is (?:held|on hold)|(?:held|on hold) at (?:our|the) (?:depot|warehouse)|pay the \$\d{1,4}(?:\.\d{2})? fee|account (?:has been |was |will be )?(?:locked|suspended|limited|deactivated|restricted|closed|on hold)|(?:unusual|suspicious) (?:sign-?in|log-?in|activity|attempt)|payment (?:was |has been )?(?:declined|failed|unsuccessful)|update (?:your )?(?:billing|payment|card|bank) (?:details|information|info|method)|could not be delivered|unpaid (?:toll|balance|invoice|fee)|tax refund|(?:photos|account|files) will be (?:deleted|suspended|deactivated|closed)|confirm your identity|verify your (?:ssn|social security)|this is my new number|send me \$?\d{2,6}|(?:log ?in|sign ?in) with your .{0,20}account|verify your (?:card|account|identity|wallet|payment)|enter your (?:password|seed|card|otp)|connect your wallet|seed phrase|输入(?:账号|密码|验证码|银行卡)|验证(?:银行卡|身份)|提供验证码|绑定银行卡`;

export const APP_DOWNLOAD = String.raw`(?:下载|安装)(?:安装包|app|客户端|apk)|安装包|\.apk\b|下载.{0,12}app|download (?:the |our )?(?:app|apk)|install (?:the |our )?app`;

export const ACCESS_RESALE = String.raw`(?:^|[，,。！!\s])出\s*(?:(?:sora|chatgpt|gpt|可灵|索拉)[^，,。！!\s]{0,4}(?:号|账号|会员)|(?:测试|内测|体验)号)|(?:我|这里|本人)(?:这里|这边)?(?:能|可以)?(?:搞到|弄到|搞得到|有渠道)|懂的(?:来|私|滴滴)|skip (?:the )?wait-?list|wait-?list skip|fast[- ]track (?:access|your)|插队|unlimited (?:credits|coins|gems|generations) (?:generator|hack)|credits? generator|no survey|破解版|无限(?:积分|点数|次数)|(?:sora|chatgpt|gpt|plus|openai|可灵|midjourney)[^，。！？,.!?]{0,10}(?:代申请|代开|代充|充值|出售|转让|低价出|便宜出|合租)|(?:出售|代申请|代开|代充|充值|共享|合租|售卖|转让|卖|收)\s*(?:sora|chatgpt|gpt|plus|openai)?.{0,6}(?:账号|帐号|会员|内测资格|邀请码|激活码|api|接口|额度)|(?:selling|sell|resell|buy) .{0,20}(?:accounts?|access|invites?|invite codes?|beta codes?|access codes?|(?:developer |api )?keys?|logins?|credentials|credits)|access codes? for sale|accounts? for sale`;

export const WARNING = String.raw`do not share (?:it|this|the code)|never share (?:it|this|your)|请勿(?:泄露|告诉|转发)|none of (?:them|these|those) (?:are|is) (?:real|legit)|(?:are|is) (?:all )?fake|not real|report them|举报|为名(?:诈骗|骗取)|被刑拘|刑事拘留|已被抓获|警方通报|依法(?:处理|刑拘|查处)|police (?:said|arrested|charged)|(?:was|were) arrested|\bpsa\b|is lying|are lying|(?:don'?t|do not) (?:buy|pay)|there is no sora|不要买|别买|千万别|别信|不要信|别上当|不要上当|谨防|提醒大家|骗局|(?:谨防|小心|警惕|防范|当心|识破|揭秘)\S{0,4}(?:诈骗|骗子|套路)|是诈骗|诈骗(?:套路|手段|新招)|割韭菜|辟谣|不要相信|转发前请核实|请核实|假的|beware|scam alert|don'?t fall for|fact[- ]check|is a scam|are scams|warning:`;

export const PRIZE = String.raw`免费送|价值\s*\d{2,6}\s*(?:元)?的|转发(?:到)?\s*\d{1,2}\s*个群|集赞|you have won|you've won|winner|claim (?:your )?(?:prize|reward)|中奖|领取奖品|恭喜您?获得|congratulations`;

/** Premium-rate SMS and marketing-SMS mechanics (UK-style short codes, per-minute charges, claim/opt-out lines). */
export const PREMIUM_SMS = [
  String.raw`\b(?:text|txt|send|reply)\b[^.!?\n]{0,25}\bto \d{4,6}\b`,
  String.raw`\b\d{1,3}(?:\.\d{1,15})?p\b(?:\s*(?:per|/|pm)\s*(?:min|msg|txt|wk|week|sms))?`,
  String.raw`£\s?\d`,
  String.raw`\b0[89]\d{8,}\b`,
  String.raw`/\s?min\b`,
  String.raw`\bopt ?out\b|\bunsubscribe\b|\bstop to \d{4,6}\b|\bsend stop\b`,
  String.raw`\bto claim\b|\bclaim (?:code|now|yours)\b`,
  String.raw`\bt&cs?\b|\bp\.?o\.? ?box ?\d|\bcustomer (?:service|care) (?:on )?0\d{9,}`,
];

/** Words that make an income statement an offer ("跟着我…月入三万", "you can earn…"). */
export const OFFER_CONTEXT = String.raw`apply|link below|报名|学员|教你|带你|跟着|学会|只需|就能|轻松|零基础|小白|人人|宝妈|想学|you can|you could|i'?ll show|join|sign up|learn how|start earning|dm|link in bio`;

/** Crypto scam mechanics on social media: claimable airdrops, "recovery" services, wallet harvesting, giveaways. */
export const CRYPTO_SCAM: { src: string; weight: number }[] = [
  { src: String.raw`\bairdrop\b.{0,40}\b(?:claim|live|released|ready|eligible|allocation)\b|\bclaim\b.{0,30}\bairdrop\b`, weight: 2 },
  { src: String.raw`\brecover(?:y|ing)?\b.{0,40}\b(?:funds?|crypto|assets|deposits?|lost|wallet)\b|\b(?:lost|stolen|scammed) (?:funds|crypto|assets)\b|#cryptorecovery|withdrawals? (?:are |is )?blocked`, weight: 3 },
  { src: String.raw`\bdrop (?:your |ur |an? )?(?:\$?[a-z]{2,5} )?(?:\(#?[a-z]+\) )?(?:wallet|addy|address)\b|paste your (?:wallet|address)|connect (?:your )?wallet`, weight: 2 },
  { src: String.raw`\bgiv(?:e|ing) ?away\b.{0,40}\b(?:btc|eth|sol|usdt|bitcoin|ethereum|crypto)\b|\b(?:btc|eth|sol|usdt|crypto) giveaway\b`, weight: 3 },
  { src: String.raw`\bsend \d{1,15}(?:\.\d{1,15})? ?(?:btc|eth|sol|usdt)\b.{0,40}\b(?:get|receive|back|double)\b|\b\d{1,15}(?:\.\d{1,15})?x (?:profits?|gains|returns)\b|\bguaranteed (?:\d{1,15}x|returns)\b`, weight: 3 },
  { src: String.raw`\binsider (?:info|tip)|\bpump (?:before|it)\b|\bget in now\b|\bnext \d{1,4}x\b|\b\d{1,4}x gem\b|\bbefore it moons\b|\bape in\b`, weight: 2 },
  { src: String.raw`\bfree mint\b.{0,60}\b(?:link|ref=|now|claim)\b|\bmint now\b`, weight: 1.5 },
];

/**
 * Telecom-fraud scripts (zh + en): fake police or officials introducing themselves, fake customer service, loan fees,
 * transfers to a "safe account", task rebates, fake acquaintances. `you`: the pattern counts only in a text that
 * addresses someone (您/你/you) — news reports use the same words about third parties.
 */
export const FRAUD_SCRIPT: { src: string; you?: boolean; weight?: number }[] = [
  { src: String.raw`(?:我是|这里是|我们是|本人是)[^。！？,，]{0,16}(?:公安|派出所|警察|民警|警官|检察院|法院|刑侦|刑警|网警|反诈中心|疾控|卫健|医保|社保|银监|银保监|证监|市场监管|海关|防控中心|监测员)` },
  { src: String.raw`(?:我是|这里是|我们是|本人是)[^。！？,，]{0,16}(?:客服|工作人员)` },
  { src: String.raw`(?:公安局|派出所|警官|警察|民警|检察院|法院|刑侦|网警|市场监管局|社保局|医保局)[^。！？]{0,40}(?:涉嫌|涉及|洗钱|犯罪|通缉|冻结|资金清查|安全账户|配合调查|逮捕|传唤)`, you: true },
  { src: String.raw`(?:客服|快递|淘宝|京东|支付宝|抖音|拼多多|微信支付|美团|闲鱼)[^。！？]{0,40}(?:退款|理赔|赔偿|注销|扣费|百万保障|自动续费|影响征信|解除|保证金|交易安全)`, you: true },
  { src: String.raw`(?:贷款|借款|网贷|额度|放款|征信)[^。！？]{0,40}(?:手续费|保证金|解冻|刷流水|验资|工本费|激活费|先交|预付)`, you: true },
  { src: String.raw`(?:转账|汇款|打款|转入|转到)[^。！？]{0,12}(?:安全账户|指定账户|以下账户|对公账户|这个账户|银行卡号)|安全账户` },
  { src: String.raw`屏幕共享|共享屏幕|远程(?:操控|协助|控制)`, you: true },
  { src: String.raw`刷单|做任务[^。！？]{0,10}(?:佣金|返现|赚)|点赞赚钱|垫付|高额佣金|日结工资|(?:返利|佣金)[^。！？]{0,10}(?:任务|下单)` },
  { src: String.raw`(?:需|要)?先(?:交|缴纳|付)\s*(?:押金|保证金|培训费|服装费|体检费|会费)|日薪\s*\d{2,5}[^。！？]{0,20}(?:手机|在家|兼职)|(?:手机|在家)就能做` },
  { src: String.raw`(?:在家|居家)兼职|兼职[^。！？]{0,12}日结|日结\s*\d|入职(?:需|要)先(?:购买|缴纳|交)` },
  { src: String.raw`我是你(?:的)?(?:领导|老师|老板|同学|朋友|亲戚|表哥|表姐|舅舅)|换了新号|加我新微信|这是我的新号` },
  { src: String.raw`(?<!勿|不要|切勿|不会|不得)(?:提供|告诉我|发给我|报给我|念一下)[^。！？]{0,6}验证码` },
  { src: String.raw`(?:我是|这里是|我们是)[^。！？,，]{0,16}(?:贷款|信贷|借款|金融公司|金融部)|(?:无抵押|低利率|低息|快速放款|秒批|秒到账)[^。！？]{0,8}(?:贷款|借款)`, weight: 2 },
  { src: String.raw`(?:京东金融|金条|借呗|花呗|微粒贷|网商贷|白条)[^。！？]{0,40}(?:征信|额度|利率|注销|清空|滞纳金|违规)`, you: true },
  { src: String.raw`(?:警方|公安局|公安机关)[^。！？]{0,30}(?:涉嫌|配合调查|清查|异常)`, you: true },
  { src: String.raw`我是(?:你|您)(?:的)?(?:孙子|孙女|外孙|外甥|侄子|侄女|姐夫|姑父|儿子|女儿|表弟|表妹|高中同学|大学同学)|(?:我是|这里是)[^。！？,，]{0,6}(?:张总|王总|李总|厂长|老板|书记|负责人|主任|校长)[^。！？]{0,40}(?:转账|打款|汇款|资金|帮忙|垫付|打点)|打点费|(?:转|汇|打)\s*\d{1,15}\s*(?:块|元)?给我` },
  { src: String.raw`\bnew number\b|pay (?:this|an?|the) (?:invoice|bill) for me|(?:hi|hey) (?:mum|mom|dad)\b.{0,40}(?:phone|number)` },
  { src: String.raw`safe account|remote access|gift cards? (?:to pay|as payment)|irs (?:agent|officer)|arrest warrant|your (?:parcel|package) (?:is |was )?(?:held|on hold)|customs fee` },
];

/** What gets resold: accounts, invitations, keys, quota. With a price or sale word nearby → ACCESS_RESALE. */
export const ACCESS_WORDS = String.raw`测试号|体验号|waitlist|wait-list|early access|beta access|账号|帐号|会员|邀请码|内测(?:邀请|资格|名额|账号|入口|码)|激活码|额度|accounts?|invites?|invite codes?|logins?|api keys?|developer keys?`;

/** Recruiting cast or creators; with an upfront fee nearby it is the "AI film" lure. */
export const RECRUIT = String.raw`(?:招募|招聘|征集|海选)[^。！？]{0,12}(?:演员|编剧|导演|主创|创作者|主播)|casting call|(?:recruiting|hiring) (?:actors|writers|directors|creators)`;
export const UPFRONT_FEE = String.raw`(?:先|需|须)\s*(?:缴纳|交|支付|付)|建档费|保证金|押金|培训费|报名费|资料费|(?:registration|application|processing) fee`;

/** Commerce around a named AI product: shipping, stock, agency fees, upfront payment, discounts, onboarding. */
export const COMMERCE = String.raw`\p{Script=Han}{1,3}费\s*\d|自动发货|秒发|现货|售后|包邮|拍下|下单|代理费|代理权|加盟|包过|先款|付款|收款|半价|打折|\d折|特价|原价|立减|电子版|pay upfront|upfront|onboarding|lifetime access|\d{1,3}% off|in stock|restocked|\bprice\b|\bfee\b|\$\d`;
/** Official subscriptions: talking about them is not a scam ("Sora is in ChatGPT Plus, $20"). */
export const OFFICIAL_OFFER = String.raw`(?<![a-z])(?:plus|pro|team|enterprise) (?:plan|subscription|subscribers?|users?)|chatgpt (?:plus|pro)|订阅|官网|官方订阅|sora\.com|openai\.com|chatgpt\.com`;

/** Links whose host is made to look like a service action ("usps-redelivery-help.top", "paypal-resolution-center.com"). */
export const PHISHY_HOST = String.raw`(?:verify|verification|secure|security|login|signin|sign-in|update|billing|account|unlock|redelivery|delivery|refund|claim|customs|support|protect|resolution|reward|gift|bonus|wallet|recovery|tolls?|payment|invoice)`;

/** 2026 patterns around Sora's shutdown (FACTS-2026.md §17). */
export const REVERSE_API = String.raw`官逆|(?:逆向|反代|破解)\s*(?:版\s*)?(?:api|接口|账号|号池|通道)|reverse[- ]engineered (?:sora |openai )?(?:api|access|accounts?|endpoints?)`;
/** A Sora release number that was never announced ("Sora 3", "索拉3"): not a duration ("Sora 3 秒"). */
export const FAKE_RELEASE = String.raw`(?<![a-z])(?:sora|索拉|搜拉)\s*(?:[3-9]|2\.5)(?![\d.]|\s*(?:s\b|sec|second|min|秒|分钟|个|条|次|天))`;
export const COMPATIBLE_API = String.raw`sora[- ]?(?:2[- ])?compatible|(?:兼容|平替)\s*sora|sora\s*(?:2\s*)?(?:兼容|平替|替代)\s*(?:api|接口)|sora\s*(?:api )?(?:replacement|alternative) api`;
export const WATERMARK_REMOVAL = String.raw`(?:去|去除|去掉|消除|移除|抹掉)\s*(?:sora|veo|可灵|即梦|ai)\s*(?:的)?\s*(?:水印|标识|标签)|(?:sora|veo|可灵|即梦)\s*(?:视频)?\s*(?:去水印|无水印|水印去除)|(?:ai|aigc)\s*(?:标识|标签)\s*(?:去除|消除|移除)|(?:remove|removing|strip|erase)\s+(?:the\s+)?(?:sora|veo|ai|c2pa)\s+(?:watermarks?|labels?|marks?)|(?:sora|veo)\s+watermark\s+remov(?:er|al)|watermark[- ]free sora|sora\s+(?:without|no)\s+watermarks?`;
export const DETECTION_CERTAINTY = String.raw`(?:ai|aigc|深度伪造|换脸)\s*(?:视频)?\s*(?:检测|鉴定|鉴别|识别)[^。！？\n]{0,20}(?:100%|百分之?百|保证准确|绝对准确|准确率\s*(?:高达)?\s*(?:99|100))|(?:100%|guaranteed)\s+(?:accurate\s+)?(?:ai|deepfake)\s+detect(?:ion|or)|(?:ai|deepfake)\s+detect(?:ion|or)[^.!?\n]{0,30}(?:100% (?:accurate|accuracy|certain)|guaranteed (?:accurate|results))`;
