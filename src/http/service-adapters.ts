import type { RegistryService } from '../services/registry.service.js';
import type { DemoAssets } from '../services/demo.service.js';
import type { ScamService } from '../services/scam.service.js';
import { toScamResult } from '../scam/scam.engine.js';
import type { DemoPort, ReferenceView, RegistryPort, ScamPort } from '../services/ports.js';

/** Adapt the registry service to what the routes need. */
export function registryPort(reg: RegistryService): RegistryPort {
  return {
    async add(files, opts) {
      const displayNames = Object.fromEntries(files.filter((f) => f.name).map((f) => [f.path, f.name as string]));
      const added = await reg.add(files.map((f) => f.path), { label: opts.label, source: opts.source ?? null, generator: opts.generator ?? null, displayNames });
      return { ids: added.map((a) => a.id) };
    },
    async list(page) {
      const res = await reg.list(page);
      return {
        total: res.total,
        items: res.items.map((r): ReferenceView => ({
          id: r.id, file: r.file_name, label: r.label, source: r.source ?? null, generator: r.generator ?? null,
          kind: r.kind ?? null, created_at: r.added_at ?? null,
        })),
      };
    },
    thumbnail: (id) => reg.thumbnail(id),
    exists: async (id) => (await reg.get(id)) !== null,
  };
}

export function demoPort(assets: DemoAssets | null): DemoPort {
  return {
    info: () => (assets ? { caption: assets.caption, posted_at: assets.postedAt, file_name: 'repost-captioned-as-sora.mp4' } : null),
    file: () => assets?.repost ?? null,
  };
}

/** Adapt the scam service; QR findings name the uploaded image by the client's file name, not the temp path. */
export function scamPort(svc: ScamService): ScamPort {
  return {
    async analyzeScam(input) {
      // The whole desk (QR codes, links, registered scam posters), as `genproof scam` and `check` run it.
      return toScamResult(await svc.analyzeDetailed({
        text: input.text ?? '', urls: input.urls, postedAt: input.postedAt,
        images: input.images.map((i) => i.path), imageNames: input.images.map((i) => i.name || 'image'),
      }));
    },
  };
}
