import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { normalizeText } from '../../src/scam/normalize.js';
import { findBrand, textSymbols } from '../../src/scam/text.rules.js';

/** Codes of the text symbols fired on a text (symbols only, no model, no KB). */
function codes(text: string): string[] {
  return textSymbols(normalizeText(text)).map((h) => h.code);
}

function fires(code: string, positives: string[], negatives: string[]): void {
  for (const t of positives) it(`${code} fires: ${t}`, () => assert.ok(codes(t).includes(code), `${code} expected in ${JSON.stringify(codes(t))}`));
  for (const t of negatives) it(`${code} silent: ${t}`, () => assert.ok(!codes(t).includes(code), `${code} unexpected in ${JSON.stringify(codes(t))}`));
}

describe('scam symbols (zh + en, with evasions)', () => {
  fires(
    'PAID_COURSE',
    ['Sora课程限时特价129元', 'AI视频训练营，学费1280', 'Sora masterclass only $49', 'Sora 課 程 ９９ 元', 'Join the bootcamp, 299 USD'],
    ['免费课程，欢迎报名', 'Tutorial (free): reading C2PA credentials', 'our class meets on Tuesday', '这门课很有意思'],
  );
  fires(
    'PAY_TO_JOIN_GROUP',
    ['进付费群获取，群费68', '加入知识星球，年费365', 'Join my private Discord ($49)', '掃碼入羣，入群費９９元'],
    ['公司年会视频放在群文件里', 'join our Discord to chat', '欢迎进群交流，免费'],
  );
  fires('QR_CODE', ['扫码进群', '长按识别二维码', 'scan the QR code below'], ['扫地机器人很好用', 'the queue was long']);
  fires(
    'IMPERSONATION',
    ['官方合作渠道，Sora会员充值', 'OpenAI内部人员分享', 'Authorized OpenAI reseller', 'we are an official partner of OpenAI'],
    ['官方都没开放，别上当', 'OpenAI official blog post about Sora'],
  );
  fires(
    'URGENCY',
    ['一步慢，步步慢', 'Sora热度最多三个月', '最后3小时，手慢无', 'last chance, only 20 seats left', 'Price goes up tomorrow'],
    ['今天天气很好', 'we will meet tomorrow at the library'],
  );
  fires(
    'GUARANTEED_INCOME',
    ['用Sora做视频月入三万，想学的扣1', 'earn $500/day with AI videos', '躺赚被动收入', 'passive income guaranteed'],
    ['他的工资是每月八千', 'Our income statement is published yearly'],
  );
  fires(
    'AI_DIRECTOR_RECRUITMENT',
    ['成为第一代AI导演', '首部AI电影共创剧本征集', 'Become one of the first AI directors', 'AI film academy opens today'],
    ['这位导演拍了很多电影', 'the director of the AI lab spoke today'],
  );
  fires(
    'SELLING_PUBLIC_MATERIAL',
    ['Sora资料包19.9元，下单秒发', '飞书文档合集，付费获取', 'Prompt bible: pay $29 for the Notion link', '提示词大全网盘9.9元'],
    ['资料已经放在共享盘，免费下载', 'I keep a collection of stamps'],
  );
  fires(
    'CONTACT_OFF_PLATFORM',
    ['联系V信：sora2024vip', '需要的私我', '加客服QQ 2900088', 'DM me to subscribe', '有意者 加 微'],
    ['我在微博上看到的', 'send me the document by email please'],
  );
  fires(
    'ACCESS_RESALE',
    ['出售Sora账号', 'Sora内测资格代申请', 'Selling Sora beta access codes', 'ChatGPT Plus代充'],
    ['我注册了一个账号', 'the account settings page'],
  );
  fires(
    'CREDENTIAL_PHISHING',
    ['Log in with your OpenAI account at the link', 'verify your card, you won\'t be charged', '请输入银行卡和验证码'],
    ['log in to read the comments', '验证一下你的想法'],
  );
  fires('APP_DOWNLOAD', ['下载安装包即可体验', 'download the app apk here'], ['the app store is busy today']);
  fires('ANTI_SCAM_WARNING', ['大家别上当', '警惕Sora诈骗', 'Beware: this is a scam'], ['Sora课程99元']);
  fires('PREMIUM_SMS', ['Text WIN to 80086 now, 150p/msg', 'Call 09061701461 to claim, £2000 prize'], ['call me when you are home']);

  it('finds the brand through homoglyphs, spacing and transliteration', () => {
    for (const t of ['S0ra教程', 'S o r a 课程', 'Ѕora course', '索拉课程', 'ＳＯＲＡ课程']) {
      assert.ok(findBrand(normalizeText(t)), t);
    }
    assert.equal(findBrand(normalizeText('今天去公园散步')), null);
  });

  it('keeps the original text as the span', () => {
    const h = textSymbols(normalizeText('限时：Ｓｏｒａ課程　９９元！')).find((x) => x.code === 'PAID_COURSE');
    assert.ok(h);
    assert.ok(h.span && h.span.includes('課程') && h.span.includes('９９元'), h.span ?? '');
    assert.ok(h.detail.includes(h.span!));
    assert.ok(h.detail_zh.includes(h.span!));
  });
});

describe('fraud-script and crypto symbols', () => {
  fires(
    'FRAUD_SCRIPT',
    ['您好，我是市公安局的民警，您的银行卡涉嫌洗钱，请配合调查', '请把钱转到安全账户', '我是你领导，明天来我办公室', 'You must move your savings to a safe account today'],
    ['泉州市警察局抓到几个犯罪团伙，现场获救一名儿童', '您的验证码是123456，请勿告诉他人'],
  );
  fires(
    'CRYPTO_SCAM',
    ['$XYZ airdrop is live, claim now at the link', 'DM for recovery of your lost funds', 'Drop your ETH wallet below', 'Giving away 2 BTC to followers'],
    ['Bitcoin price rose 3% today', 'I keep my coins in a hardware wallet'],
  );
});
