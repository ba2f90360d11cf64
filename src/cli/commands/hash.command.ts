import type { Command } from 'commander';
import { ValidationError } from '../../domain/errors.js';
import { openMedia } from '../../services/intake/intake.service.js';
import { pdqFromRgb, pdqToHex } from '../../signals/pdq/pdq.js';
import { formatVpdqLines, vpdqHashFile } from '../../signals/vpdq/vpdq.js';
import { globalOpts, registryConfig } from '../options.js';
import { progressBar } from '../render/terminal.render.js';

interface HashOpts {
  format?: string;
  everyFrame?: boolean;
  secondsPerHash?: string;
}

export function registerHash(program: Command): void {
  program
    .command('hash <file>')
    .description('PDQ of an image; vPDQ of a video (ThreatExchange formats)')
    .option('--format <format>', 'pdq | vpdq (vpdq prints frameNumber,quality,pdqHex,timestamp lines)', 'pdq')
    .option('--every-frame', 'hash every video frame (the default)')
    .option('--seconds-per-hash <s>', 'hash one video frame every S seconds instead')
    .action(async (file: string, o: HashOpts, cmd: Command) => {
      const g = globalOpts(cmd);
      const config = registryConfig(g);
      if (o.format !== 'pdq' && o.format !== 'vpdq') throw new ValidationError('bad_usage', '--format must be pdq or vpdq');
      if (o.everyFrame && o.secondsPerHash !== undefined) throw new ValidationError('bad_usage', 'Give --every-frame or --seconds-per-hash, not both.');
      const sph = o.secondsPerHash === undefined ? 0 : Number(o.secondsPerHash);
      if (!Number.isFinite(sph) || sph < 0) throw new ValidationError('bad_usage', '--seconds-per-hash must be a number ≥ 0');
      const session = await openMedia(file, config);
      const media = session.media;
      if (media.kind === 'image') {
        // sharp's prebuilt binaries cannot decode HEIC: those go through the wasm decoder (512 px, like the C++ tool).
        // The image decoders load here, not with the command: hashing a video needs neither sharp nor the registry.
        const [{ pdqHashImageFile }, { decodeStillForMatch }] = await Promise.all([
          import('../../signals/pdq/pdq.signal.js'),
          import('../../repositories/registry.repository.js'),
        ]);
        const h =
          media.container === 'heic'
            ? await decodeStillForMatch(file, { maxDim: 512, timeoutMs: config.timeouts.decodeMs, heic: true, heicPixels: session.heicPixels }).then((img) => pdqFromRgb(img.rgb, img.width, img.height))
            : await pdqHashImageFile(file, { timeoutMs: config.timeouts.decodeMs });
        const hex = pdqToHex(h.hash);
        if (o.format === 'vpdq') process.stdout.write(g.json ? JSON.stringify({ kind: 'image', lines: [`0,${h.quality},${hex},0.000`] }) + '\n' : `0,${h.quality},${hex},0.000\n`);
        else process.stdout.write(g.json ? JSON.stringify({ kind: 'image', pdq: hex, quality: h.quality }) + '\n' : `${hex} ${h.quality}\n`);
        return;
      }
      const bar = progressBar(!g.quiet && Boolean(process.stderr.isTTY));
      const timeoutMs = Math.max(config.timeouts.decodeMs, (media.duration ?? 0) * 4000);
      const res = await vpdqHashFile(file, {
        secondsPerHash: sph, timeoutMs, probe: session.videoProbe, ffmpegPath: config.ffmpegPath, ffprobePath: config.ffprobePath,
        onProgress: (f) => bar.update('vpdq', f),
      }).finally(() => bar.done());
      if (o.format === 'vpdq' && !g.json) {
        process.stdout.write(formatVpdqLines(res.frames));
        return;
      }
      const frames = res.frames.map((f) => ({ frame: f.frame, quality: f.quality, pdq: pdqToHex(f.hash), timestamp: Math.round(f.timestamp * 1000) / 1000 }));
      if (g.json) process.stdout.write(JSON.stringify({ kind: 'video', fps: res.fps, frames }) + '\n');
      else for (const f of frames) process.stdout.write(`${f.frame} ${f.timestamp.toFixed(3)} ${f.pdq} ${f.quality}\n`);
    });
}
