import type { Claim } from '../domain/claim.js';
import type { Evidence } from '../domain/evidence.js';
import type { Match } from '../domain/match.js';
import type { MediaInfo } from '../domain/media.js';
import type { MediaSession, SessionHint } from '../domain/media-session.js';
import type { Post } from '../domain/post.js';
import type { ScamResult } from '../domain/scam.js';
import type { Config } from '../config/config.js';
import type { ScoredMatch } from '../match/matcher.js';

/**
 * What every analyzer receives. Analyzers are independent: each reads the post/media and returns evidence
 * and claims; the verification service merges them and the verdict engine decides.
 */
export interface AnalyzerContext {
  post: Post;
  /** null for a text-only post. */
  media: MediaInfo | null;
  config: Config;
  /** Claims found so far by earlier stages (the caption analyzer runs first). */
  claims: readonly Claim[];
  /** Report progress of this analyzer, 0..1. */
  progress(fraction: number): void;
  signal?: AbortSignal;
  /** Scratch directory private to this check (removed afterwards). */
  workDir: string;
  /**
   * The opened media, shared by every analyzer of the check: read tags, probe and pixels from here rather than
   * from the file (each is then read once per check). Absent for text-only posts and in older callers.
   */
  session?: MediaSession;
}

export interface AnalyzerOutput {
  evidence: Evidence[];
  claims?: Claim[];
  matches?: Match[];
  scam?: ScamResult;
  /** Machine-readable detail an analyzer wants in the report (e.g. the provenance tree). */
  extra?: Record<string, unknown>;
}

export interface Analyzer {
  /** Stable name, used in evidence.analyzer and timings. */
  readonly name: string;
  /** Whether this analyzer has anything to do for this post. */
  appliesTo(post: Post, media: MediaInfo | null): boolean;
  analyze(ctx: AnalyzerContext): Promise<AnalyzerOutput>;
}

/** `appliesTo` of the analyzers that read the media file: every post that has one. */
export function hasMedia(_post: Post, media: MediaInfo | null): boolean {
  return media !== null;
}

/**
 * A claim checker runs after all analyzers: it sees every claim and every evidence item, and may change the
 * status, reasons and sources of claims (and add evidence). The KB claim checks are one.
 */
export interface ClaimChecker {
  readonly name: string;
  check(input: { post: Post; media: MediaInfo | null; claims: Claim[]; evidence: Evidence[] }): {
    claims: Claim[];
    evidence?: Evidence[];
  };
}

/** The registry the analyzer queries (RegistryService; injected so analyzers don't depend on services). */
export interface MatchRegistry {
  match(
    file: string,
    opts: { media?: MediaInfo; session?: SessionHint; signal?: AbortSignal; onProgress?: (f: number) => void },
  ): Promise<ScoredMatch[]>;
  close(): Promise<void>;
}

/** Opens the registry for a configuration (RegistryService's static side). */
export interface MatchRegistryProvider {
  /** Whether a registry database exists at the configured path (nothing is created). */
  exists(config: Config): boolean;
  open(config: Config): MatchRegistry;
}

/** What the analyzers need from layers above them (services), passed in by the caller. */
export interface AnalyzerDeps {
  /** The reference registry the match analyzer queries (RegistryService). */
  registry: MatchRegistryProvider;
}

export type AnalyzerFactory = (config: Config, deps: AnalyzerDeps) => { stage: 'first' | 'parallel'; analyzer: Analyzer; close?: () => Promise<void> };
export type ClaimCheckerFactory = (config: Config) => ClaimChecker;
