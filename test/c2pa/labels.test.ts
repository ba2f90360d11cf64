import assert from 'node:assert/strict';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it, before } from 'node:test';
import { crc32 } from 'node:zlib';
import sharp from 'sharp';
import { labelEvidence } from '../../src/analyzers/label/label.evidence.js';
import { decodeEntities, extractLabels, extractLabelsFromTags, parseAigcJson } from '../../src/analyzers/label/labels.js';
import { closeExiftool, readGroupedTags } from '../../src/repositories/exif.repository.js';
import { readRawMetadata } from '../../src/repositories/xmp.repository.js';
import { toolPaths } from '../../src/repositories/tools.repository.js';
import { execFileSync } from 'node:child_process';

/** In-file AI labels on small fixtures generated here (cached under the OS temp dir). */
const dir = join(tmpdir(), 'genproof-test-labels-v1');

const IPTC = 'http://cv.iptc.org/newscodes/digitalsourcetype/';
function xmp(body: string, ns = ''): string {
  return `<?xpacket begin="\uFEFF" id="W5M0MpCehiHzreSzNTczkc9d"?><x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><rdf:Description rdf:about="" xmlns:Iptc4xmpExt="http://iptc.org/std/Iptc4xmpExt/2008-02-29/" xmlns:photoshop="http://ns.adobe.com/photoshop/1.0/" ${ns}${body}</rdf:Description></rdf:RDF></x:xmpmeta><?xpacket end="w"?>`;
}

function pngChunk(type: string, data: Buffer): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const td = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(td) >>> 0);
  return Buffer.concat([len, td, crc]);
}

/** Insert a tEXt chunk right after IHDR. */
function withTextChunk(png: Buffer, keyword: string, text: string): Buffer {
  const ihdrEnd = 8 + 12 + png.readUInt32BE(8);
  return Buffer.concat([png.subarray(0, ihdrEnd), pngChunk('tEXt', Buffer.concat([Buffer.from(keyword, 'latin1'), Buffer.from([0]), Buffer.from(text, 'latin1')])), png.subarray(ihdrEnd)]);
}

const files = {
  iptcAi: join(dir, 'iptc-ai.jpg'),
  iptcCapture: join(dir, 'iptc-capture.jpg'),
  tc260: join(dir, 'tc260.jpg'),
  pngAigc1: join(dir, 'aigc-label1.png'),
  pngAigc2: join(dir, 'aigc-label2.png'),
  plain: join(dir, 'plain.png'),
  mp4: join(dir, 'aigc-comment.mp4'),
};

before(async () => {
  mkdirSync(dir, { recursive: true });
  const img = () => sharp({ create: { width: 32, height: 24, channels: 3, background: { r: 40, g: 90, b: 160 } } });
  if (!existsSync(files.iptcAi)) {
    const x = xmp(`Iptc4xmpExt:DigitalSourceType="${IPTC}trainedAlgorithmicMedia" photoshop:Credit="Made with Google AI">`);
    writeFileSync(files.iptcAi, await img().jpeg().withXmp(x).toBuffer());
  }
  if (!existsSync(files.iptcCapture)) {
    const x = xmp(`><Iptc4xmpExt:DigitalSourceType rdf:resource="${IPTC}digitalCapture"/>`);
    writeFileSync(files.iptcCapture, await img().jpeg().withXmp(x).toBuffer());
  }
  if (!existsSync(files.tc260)) {
    const json = JSON.stringify({ AIGC: { Label: '1', ContentProducer: '001191110108MA01KP2T5U00000', ProduceID: 'abc-123', ReservedCode1: '', ContentPropagator: '', PropagateID: '', ReservedCode2: '' } });
    const escaped = json.replace(/"/g, '&quot;');
    const x = xmp(`TC260:AIGC="${escaped}">`, 'xmlns:TC260="http://www.tc260.org.cn/ns/AIGC/1.0/" ');
    writeFileSync(files.tc260, await img().jpeg().withXmp(x).toBuffer());
  }
  const png = await img().png().toBuffer();
  if (!existsSync(files.pngAigc1)) writeFileSync(files.pngAigc1, withTextChunk(png, 'AIGC', JSON.stringify({ Label: '1', ContentProducer: 'example-provider' }).replace(/^/, '{"AIGC":').concat('}')));
  if (!existsSync(files.pngAigc2)) writeFileSync(files.pngAigc2, withTextChunk(png, 'AIGC', '{"AIGC":{"Label":"2","ContentProducer":"x"}}'));
  if (!existsSync(files.plain)) writeFileSync(files.plain, png);
  if (!existsSync(files.mp4)) {
    try {
      execFileSync(toolPaths().ffmpeg, ['-v', 'error', '-y', '-f', 'lavfi', '-i', 'color=c=blue:s=64x48:d=0.2', '-c:v', 'libx264', '-pix_fmt', 'yuv420p',
        '-metadata', 'comment={"AIGC":{"Label":"1","ContentProducer":"video-platform","ProduceID":"v-1"}}', files.mp4], { timeout: 30_000, stdio: 'ignore' });
    } catch {
      /* no ffmpeg: the video case is skipped */
    }
  }
});

async function labelsOf(path: string) {
  return extractLabels(await readRawMetadata(path));
}

after(() => closeExiftool());

describe('in-file AI labels', () => {
  it('IPTC trainedAlgorithmicMedia and an AI credit line decide at the file_label tier', async () => {
    const labels = await labelsOf(files.iptcAi);
    assert.deepEqual(labels.map((l) => [l.kind, l.meaning]).sort(), [['credit', 'ai'], ['iptc', 'ai']]);
    const ev = labelEvidence(labels);
    const iptc = ev.find((e) => e.code === 'ai_label_iptc');
    assert.deepEqual(iptc?.decides, { is_ai: true, tier: 'file_label', generator: null });
    assert.ok(iptc?.detail_zh);
  });

  it('IPTC digitalCapture (rdf:resource form) is read but decides nothing', async () => {
    const labels = await labelsOf(files.iptcCapture);
    assert.equal(labels.length, 1);
    assert.equal(labels[0].meaning, 'capture');
    const ev = labelEvidence(labels);
    assert.equal(ev[0].code, 'label_iptc_other');
    assert.equal(ev[0].decides, undefined);
  });

  it('GB 45438 label in the TC260 XMP namespace, HTML-entity-escaped', async () => {
    const labels = await labelsOf(files.tc260);
    const l = labels.find((x) => x.kind === 'aigc_gb45438');
    assert.equal(l?.value, '1');
    assert.equal(l?.fields?.ContentProducer, '001191110108MA01KP2T5U00000');
    const ev = labelEvidence(labels);
    assert.equal(ev.find((e) => e.code === 'ai_label_gb45438')?.decides?.is_ai, true);
  });

  it('GB 45438 AIGC JSON in a PNG text chunk: Label 1 decides, Label 2 ("possibly") is neutral', async () => {
    const one = labelEvidence(await labelsOf(files.pngAigc1));
    assert.equal(one.length, 1);
    assert.equal(one[0].code, 'ai_label_gb45438');
    const two = labelEvidence(await labelsOf(files.pngAigc2));
    assert.equal(two.length, 1);
    assert.equal(two[0].code, 'ai_label_gb45438_possible');
    assert.equal(two[0].direction, 'neutral');
    assert.equal(two[0].decides, undefined);
  });

  it('GB 45438 AIGC JSON in MP4 metadata (comment atom) is found in a video', async (t) => {
    if (!existsSync(files.mp4)) return t.skip('ffmpeg could not make the fixture');
    const labels = await labelsOf(files.mp4);
    assert.equal(labels.length, 1);
    assert.equal(labels[0].kind, 'aigc_gb45438');
    assert.equal(labels[0].fields?.ContentProducer, 'video-platform');
  });

  it('a plain file has no labels', async () => {
    assert.deepEqual(await labelsOf(files.plain), []);
  });

  it('exiftool grouped tags give the same labels (and C2PA-decoded groups are ignored)', async () => {
    const kinds = async (p: string) => extractLabelsFromTags(await readGroupedTags(p, 30_000)).map((l) => `${l.kind}:${l.meaning}:${l.value}`).sort();
    assert.deepEqual(await kinds(files.iptcAi), [`credit:ai:Made with Google AI`, `iptc:ai:${IPTC}trainedAlgorithmicMedia`]);
    assert.deepEqual(await kinds(files.tc260), ['aigc_gb45438:ai:1']);
    assert.deepEqual(await kinds(files.pngAigc2), ['aigc_gb45438:possible_ai:2']);
    if (existsSync(files.mp4)) assert.deepEqual(await kinds(files.mp4), ['aigc_gb45438:ai:1']);
    assert.deepEqual(extractLabelsFromTags({ 'CBOR:ActionsParametersComAdobeDigitalSourceType': `${IPTC}trainedAlgorithmicMedia` }), []);
  });

  it('entity decoding and AIGC JSON parsing handle double escaping and the inner-object form', () => {
    assert.equal(decodeEntities('&amp;quot;x&amp;quot; &#x4E2D;&#25991;'), '"x" 中文');
    assert.deepEqual(parseAigcJson('junk {&quot;AIGC&quot;:{&quot;Label&quot;:&quot;3&quot;}} tail'), { Label: '3' });
    assert.equal(parseAigcJson('{"AIGC": "not an object"}'), null);
  });
});
