import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { findPlaces } from '../../src/analyzers/caption/place-time.extract.js';
import { cityOuterKm, judgeCandidate, type PlaceValue } from '../../src/analyzers/placetime/place.judge.js';
import { cnProvinceAt, countryAt, gazetteerAvailable, lookupPlace } from '../../src/knowledge/gazetteer/gazetteer.js';
import { ZH_CN_CITIES, ZH_PROVINCES, ZH_WORLD_CITIES } from '../../src/knowledge/gazetteer/zh-places.data.js';

const first = (name: string) => lookupPlace(name)[0];

describe('gazetteer: names in zh and en', () => {
  it('has the city list installed', () => assert.ok(gazetteerAvailable()));
  for (const [name, kind, iso2, en] of [
    ['Osaka', 'city', 'JP', 'Osaka'], ['大阪', 'city', 'JP', 'Osaka'], ['Seattle', 'city', 'US', 'Seattle'], ['西雅图', 'city', 'US', 'Seattle'],
    ['四川', 'province', 'CN', 'Sichuan'], ['四川省', 'province', 'CN', 'Sichuan'], ['Sichuan', 'province', 'CN', 'Sichuan'], ['Tibet', 'province', 'CN', 'Xizang'],
    ['杭州', 'city', 'CN', 'Hangzhou'], ['杭州市', 'city', 'CN', 'Hangzhou'], ['广州', 'city', 'CN', 'Guangzhou'], ['西安', 'city', 'CN', 'Xian'], ['沈阳', 'city', 'CN', 'Shenyeng'],
    ['日本', 'country', 'JP', 'Japan'], ['Japan', 'country', 'JP', 'Japan'], ['美国', 'country', 'US', 'United States'], ['USA', 'country', 'US', 'United States'],
    ['台湾', 'country', 'TW', 'Taiwan'], ['香港', 'country', 'HK', 'Hong Kong'], ['北京', 'province', 'CN', 'Beijing'], ['纽约', 'city', 'US', 'New York'], ['東京'.replace('東', '东'), 'city', 'JP', 'Tokyo'],
  ] as const) {
    it(`${name} → ${kind} ${en} (${iso2})`, () => {
      const p = first(name);
      assert.ok(p, `no place for ${name}`);
      assert.deepEqual([p.kind, p.iso2, p.name], [kind, iso2, en]);
    });
  }
  it('every Chinese province and every listed Chinese city resolves from its zh name', () => {
    for (const p of ZH_PROVINCES) assert.ok(first(p.zh), p.zh);
    const missing = ZH_CN_CITIES.filter(([zh]) => !first(zh)).map(([zh]) => zh);
    assert.deepEqual(missing, []);
  });
  it('covers every Chinese city of 1 M+ and every world city of 3 M+ in the city list with a zh name', async () => {
    const { createRequire } = await import('node:module');
    const rows = createRequire(import.meta.url)('city-timezones/data/cityMap.json') as { city_ascii: string; iso2: string; province: string; pop: number }[];
    const cn = new Set(ZH_CN_CITIES.map(([, a, p]) => `${a}|${p}`));
    const municipalities = new Set(ZH_PROVINCES.map((p) => p.en));
    assert.deepEqual(rows.filter((c) => c.iso2 === 'CN' && c.pop >= 1e6 && !cn.has(`${c.city_ascii}|${c.province}`) && !municipalities.has(c.city_ascii)).map((c) => c.city_ascii), []);
    const world = new Set(ZH_WORLD_CITIES.map(([, a, i]) => `${a}|${i}`));
    assert.deepEqual(rows.filter((c) => !['CN', 'HK', 'TW'].includes(c.iso2) && c.pop >= 3e6 && !world.has(`${c.city_ascii}|${c.iso2}`)).map((c) => c.city_ascii), ['Salvador']);
  });
  it('keeps the province the data misfiles (Xining is in Qinghai)', () => {
    assert.equal(first('西宁').province, 'Qinghai');
  });
  it('GPS → country and Chinese province', () => {
    assert.equal(countryAt(34.69, 135.5), 'JP');
    assert.equal(countryAt(22.3, 114.17), 'HK');
    assert.equal(countryAt(0, 0), null);
    assert.equal(cnProvinceAt(30.9, 103.6)?.province, 'Sichuan');
    assert.equal(cnProvinceAt(34.26, 108.94)?.province, 'Shaanxi');
  });
});

describe('places in captions', () => {
  const names = (t: string) => findPlaces(t).map((p) => p.candidates[0].name);
  it('reads "in Osaka", "Seattle, Washington", 广州塔, 四川, 杭州街头', () => {
    assert.deepEqual(names('Typhoon in Osaka right now'), ['Osaka']);
    assert.deepEqual(findPlaces('Flooding in Seattle, Washington').map((p) => [p.text, p.candidates[0].province]), [['Seattle, Washington', 'Washington']]);
    assert.deepEqual(names('广州塔今晚的灯光秀'), ['Guangzhou']);
    assert.deepEqual(names('四川地震现场'), ['Sichuan']);
    assert.deepEqual(names('杭州街头偶遇'), ['Hangzhou']);
  });
  it('a qualifier picks the right same-named city', () => {
    assert.equal(findPlaces('Portland, Maine at dawn')[0].candidates[0].province, 'Maine');
  });
  it('is not fooled by names that are not places shown', () => {
    for (const t of ['Paris Hilton dancing', 'Moscow Mule recipe', 'New York Times says', 'Jordan shoes drop', 'Made in China', '北京时间晚上8点',
      '美国OpenAI的Sora做的', '四川菜真好吃', '这不是在北京拍的', "OpenAI's Sora whipped this up in seconds", '直接用Sora跑的，一镜到底', 'Made by a Lagos based artist']) {
      assert.deepEqual(names(t), [], t);
    }
  });
});

describe('place against GPS', () => {
  const osaka = { ...first('Osaka'), lat: first('Osaka').lat, lon: first('Osaka').lon } as PlaceValue;
  it('inside the city → supported; another country → refuted; farther than a city stretches → refuted', () => {
    assert.equal(judgeCandidate(osaka, { lat: 34.69, lon: 135.5, tag: 't' }).status, 'supported');
    assert.equal(judgeCandidate(osaka, { lat: 37.5, lon: 127.0, tag: 't' }).status, 'refuted');
    assert.equal(judgeCandidate(osaka, { lat: 35.68, lon: 139.76, tag: 't' }).status, 'refuted');
    assert.ok(cityOuterKm(osaka.pop) < 400);
  });
  it('another province → refuted; near the border → unverified', () => {
    const sichuan = first('四川') as PlaceValue;
    assert.equal(judgeCandidate(sichuan, { lat: 30.9, lon: 103.6, tag: 't' }).status, 'supported');
    assert.equal(judgeCandidate(sichuan, { lat: 34.26, lon: 108.94, tag: 't' }).status, 'refuted');
    assert.equal(judgeCandidate(sichuan, { lat: 29.56, lon: 106.55, tag: 't' }).status, 'unverified');
  });
});
