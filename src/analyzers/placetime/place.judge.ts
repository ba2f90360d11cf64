import type { ClaimStatus } from '../../domain/claim.js';
import { cnProvinceAt, countryAt, countryName, distanceKm, kmToProvince, type Place } from '../../knowledge/gazetteer/gazetteer.js';
import type { Finding } from '../kb/claim-findings.js';

/** A place as stored in a location claim's value (see place-time.extract.ts): the gazetteer's Place. */
export type PlaceValue = Place;

export interface Gps { lat: number; lon: number; tag: string }

/** Within this many km of a city's centre the GPS is "in" the city (grows with population). */
export function cityRadiusKm(pop: number | null): number {
  return Math.max(25, 20 + 12 * Math.sqrt((pop ?? 0) / 1e6));
}
/** Farther than this from the centre, no city stretches: the GPS is elsewhere. */
export function cityOuterKm(pop: number | null): number {
  return Math.max(100, 3 * cityRadiusKm(pop));
}
/** A GPS point this close to another province's anchor cities may still be across the border. */
const PROVINCE_MARGIN_KM = 150;

const km = (x: number) => `${Math.round(x)} km`;
const FORGE_EN = ' GPS tags can be edited, so this is a strong hint, not proof.';
const FORGE_ZH = 'GPS信息可以被修改，因此这是有力线索而非铁证。';

interface Judged { status: ClaimStatus; en: string; zh: string; km?: number }

/** One candidate place against the GPS position. */
export function judgeCandidate(p: PlaceValue, gps: Gps): Judged {
  const at = countryAt(gps.lat, gps.lon);
  const here = at ? countryName(at) : { en: 'open water (no country)', zh: '海上（不属于任何国家）' };
  const claimedCountry = countryName(p.iso2);
  const pos = `${gps.lat.toFixed(4)}, ${gps.lon.toFixed(4)}`;
  // Hong Kong, Macau and Taiwan have their own codes; China as a claim is not refuted by them.
  const sameCountry = at === p.iso2 || (p.iso2 === 'CN' && p.kind === 'country' && (at === 'HK' || at === 'MO'));
  if (!sameCountry) {
    if (p.iso2 === 'CN' && at === 'TW') return { status: 'unverified', en: `The GPS position (${pos}) is in Taiwan.`, zh: `GPS位置（${pos}）位于台湾。` };
    return {
      status: 'refuted',
      en: `The file's GPS position (${pos}) is in ${here.en}, not in ${claimedCountry.en}.`,
      zh: `文件的GPS位置（${pos}）在${here.zh}，不在${claimedCountry.zh}。`,
    };
  }
  if (p.kind === 'country') return { status: 'supported', en: `The file's GPS position (${pos}) is in ${claimedCountry.en}.`, zh: `文件的GPS位置（${pos}）在${claimedCountry.zh}境内。` };
  if (p.kind === 'province') {
    const cn = p.iso2 === 'CN' ? cnProvinceAt(gps.lat, gps.lon) : null;
    if (!cn) return { status: 'unverified', en: `genproof cannot place ${pos} in a province.`, zh: `genproof 无法确定 ${pos} 所在的省份。` };
    const name = p.name_zh ?? p.name;
    if (cn.province === p.province) {
      return { status: 'supported', en: `The file's GPS position (${pos}) is in ${p.name} (nearest listed city: ${cn.nearest.name}, ${km(cn.km)}).`, zh: `文件的GPS位置（${pos}）在${name}境内（最近的城市：${cn.nearest.name_zh ?? cn.nearest.name}，${km(cn.km)}）。`, km: cn.km };
    }
    const d = kmToProvince(gps.lat, gps.lon, p.province!);
    if (d > PROVINCE_MARGIN_KM) {
      return { status: 'refuted', en: `The file's GPS position (${pos}) is in ${cn.province}, near ${cn.nearest.name}, ${km(d)} from the nearest city of ${p.name}.`, zh: `文件的GPS位置（${pos}）在${cn.province}（靠近${cn.nearest.name_zh ?? cn.nearest.name}），距${name}最近的城市 ${km(d)}。`, km: d };
    }
    return { status: 'unverified', en: `The file's GPS position (${pos}) is near the border of ${p.name} (nearest listed city ${cn.nearest.name}, in ${cn.province}).`, zh: `文件的GPS位置（${pos}）靠近${name}边界（最近的城市${cn.nearest.name_zh ?? cn.nearest.name}属于${cn.province}）。` };
  }
  const d = distanceKm(gps, { lat: p.lat!, lon: p.lon! });
  const name = { en: p.name, zh: p.name_zh ?? p.name };
  if (d <= cityRadiusKm(p.pop)) return { status: 'supported', en: `The file's GPS position (${pos}) is ${km(d)} from the centre of ${name.en}.`, zh: `文件的GPS位置（${pos}）距${name.zh}市中心 ${km(d)}。`, km: d };
  if (d > cityOuterKm(p.pop)) return { status: 'refuted', en: `The file's GPS position (${pos}) is ${km(d)} from ${name.en}, farther than any city stretches.`, zh: `文件的GPS位置（${pos}）距${name.zh} ${km(d)}，远超任何城市的范围。`, km: d };
  return { status: 'unverified', en: `The file's GPS position (${pos}) is ${km(d)} from the centre of ${name.en}: its outskirts or a neighbouring town.`, zh: `文件的GPS位置（${pos}）距${name.zh}市中心 ${km(d)}：可能是郊区或邻近城镇。`, km: d };
}

/**
 * A location claim (one or more places, each with candidates) against the GPS: supported when the GPS lies in
 * any place named, refuted when it is clearly outside all of them, unverified otherwise.
 */
export function locationFindings(places: { text: string; candidates: PlaceValue[] }[], gps: Gps | null, placeholder: boolean): Finding[] {
  if (!gps) {
    return [{
      status: 'unverified', code: null, basis: 'info', sources: [],
      reason: placeholder
        ? 'The file\'s GPS position is 0, 0, a placeholder written when no fix was available, so the place cannot be checked.'
        : 'The file carries no GPS position, so the place cannot be checked against it.',
      reason_zh: placeholder ? '文件的GPS位置为 0, 0，这是没有定位时写入的占位值，因此无法核对地点。' : '文件没有GPS位置，无法核对地点。',
    }];
  }
  const judged = places.flatMap((pl) => pl.candidates.map((c) => ({ pl, c, j: judgeCandidate(c, gps) })));
  const supported = judged.find((x) => x.j.status === 'supported');
  const pick = supported ?? (judged.every((x) => x.j.status === 'refuted') ? judged[0] : judged.find((x) => x.j.status === 'unverified')!);
  const status = supported ? 'supported' : pick.j.status;
  return [{
    status, code: status === 'refuted' ? 'claim_location_mismatch' : null, basis: 'weak',
    reason: `${pick.j.en}${status === 'refuted' ? FORGE_EN : ''}`,
    reason_zh: `${pick.j.zh}${status === 'refuted' ? FORGE_ZH : ''}`,
    sources: [`metadata: ${gps.tag}`],
    data: { place: pick.c.name, iso2: pick.c.iso2, gps: { lat: gps.lat, lon: gps.lon }, ...(pick.j.km !== undefined ? { distance_km: Math.round(pick.j.km) } : {}) },
  }];
}
